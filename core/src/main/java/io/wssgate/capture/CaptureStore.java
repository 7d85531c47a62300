package io.wssgate.capture;

import io.wssgate.config.CaptureConfig;
import io.wssgate.config.Problems;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes rejected requests into the capture directory ({@code diagnostics.capture-rejected}):
 * files readable by their owner only, in a directory nobody else may read, never more than
 * {@code max-files} captures and none older than {@code max-age} (the oldest go first; a daemon
 * thread deletes expired ones even when nothing new is rejected). A capture that cannot be
 * written is logged and skipped: capturing never changes the answer a client gets.
 */
public final class CaptureStore implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(CaptureStore.class);
    private static final String KEY = "diagnostics.capture-rejected.directory";
    private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");
    private static final Set<PosixFilePermission> OWNER_FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_DIRECTORY = PosixFilePermissions.fromString("rwx------");

    private final CaptureConfig config;
    private final Clock clock;
    private final boolean posix;
    /** Captures on disk, oldest first. */
    private final Deque<Entry> entries;
    private final ScheduledExecutorService expiry;

    private record Entry(String id, Instant receivedAt) {
    }

    private CaptureStore(CaptureConfig config, Clock clock, boolean posix, Deque<Entry> entries) {
        this.config = config;
        this.clock = clock;
        this.posix = posix;
        this.entries = entries;
        this.expiry = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "wssgate-capture-expiry");
            t.setDaemon(true);
            return t;
        });
        long period = Math.max(1, Math.min(config.maxAge().toSeconds() / 10, 3600));
        expiry.scheduleWithFixedDelay(this::prune, period, period, TimeUnit.SECONDS);
    }

    /**
     * Opens (creating owner-only when missing) the capture directory and indexes the captures in
     * it, pruning them to the bounds; problems go to {@code problems} at the directory's key.
     */
    public static Optional<CaptureStore> open(CaptureConfig config, Clock clock, Problems problems) {
        Path directory = config.directory();
        boolean posix = directory.getFileSystem().supportedFileAttributeViews().contains("posix");
        try {
            if (!Files.exists(directory)) {
                Files.createDirectories(directory.getParent() == null ? directory : directory.getParent());
                Files.createDirectory(directory, posix ? new FileAttribute<?>[] {
                    PosixFilePermissions.asFileAttribute(OWNER_DIRECTORY)} : new FileAttribute<?>[0]);
            } else if (!Files.isDirectory(directory)) {
                problems.add(KEY, directory + " is not a directory");
                return Optional.empty();
            } else if (posix && openToOthers(directory)) {
                problems.add(KEY, directory + " is open to other users ("
                        + PosixFilePermissions.toString(Files.getPosixFilePermissions(directory))
                        + "): make it owner-only (chmod 700) or name a new directory, which is then created owner-only");
                return Optional.empty();
            }
            if (!Files.isWritable(directory)) {
                problems.add(KEY, directory + " is not writable");
                return Optional.empty();
            }
            CaptureStore store = new CaptureStore(config, clock, posix, index(directory));
            store.prune();
            return Optional.of(store);
        } catch (IOException e) {
            problems.add(KEY, "cannot use " + directory + ": " + e);
            return Optional.empty();
        }
    }

    /**
     * The problems {@link #open} would report, without creating or changing anything (for
     * {@code wssgate check}): a missing directory is fine when it can be created.
     */
    public static void check(CaptureConfig config, Problems problems) {
        Path directory = config.directory();
        try {
            if (!Files.exists(directory)) {
                Path existing = directory.toAbsolutePath().getParent();
                while (existing != null && !Files.exists(existing)) {
                    existing = existing.getParent();
                }
                if (existing == null || !Files.isDirectory(existing) || !Files.isWritable(existing)) {
                    problems.add(KEY, directory + " does not exist and cannot be created");
                }
            } else if (!Files.isDirectory(directory)) {
                problems.add(KEY, directory + " is not a directory");
            } else if (directory.getFileSystem().supportedFileAttributeViews().contains("posix")
                    && openToOthers(directory)) {
                problems.add(KEY, directory + " is open to other users ("
                        + PosixFilePermissions.toString(Files.getPosixFilePermissions(directory))
                        + "): make it owner-only (chmod 700) or name a new directory, which is then created owner-only");
            } else if (!Files.isWritable(directory)) {
                problems.add(KEY, directory + " is not writable");
            }
        } catch (IOException e) {
            problems.add(KEY, "cannot use " + directory + ": " + e);
        }
    }

    private static boolean openToOthers(Path directory) throws IOException {
        Set<PosixFilePermission> permissions = Files.getFileAttributeView(directory, PosixFileAttributeView.class)
                .readAttributes().permissions();
        return permissions.stream().anyMatch(p -> p.name().startsWith("GROUP") || p.name().startsWith("OTHERS"));
    }

    private static Deque<Entry> index(Path directory) throws IOException {
        List<Entry> found = new ArrayList<>();
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.filter(Capture::isFacts).toList()) {
                try {
                    Capture capture = Capture.read(file);
                    found.add(new Entry(capture.correlationId(), capture.receivedAt()));
                } catch (IOException e) {
                    LOG.warn("ignoring {} in the capture directory: {}", file, e.getMessage());
                }
            }
        }
        found.sort(Comparator.comparing(Entry::receivedAt));
        return new ArrayDeque<>(found);
    }

    /** Writes one rejected request, then drops the oldest captures beyond the bounds. */
    public synchronized void write(RejectedRequest request) {
        if (!SAFE_ID.matcher(request.correlationId()).matches()) {
            LOG.warn("not capturing [{}]: not usable as a file name", request.correlationId());
            return;
        }
        Optional<byte[]> kept = config.redactBody() ? BodyRedaction.redact(request.message(), request.limits())
                : Optional.of(request.message());
        Path message = config.directory().resolve(request.correlationId() + Capture.MESSAGE_SUFFIX);
        Path facts = config.directory().resolve(request.correlationId() + Capture.FACTS_SUFFIX);
        Capture capture = new Capture(request.correlationId(), request.policy(), request.receivedAt(),
                request.contentType(), request.delivery().endpointUrl(), request.delivery().remoteAddress(),
                request.delivery().soapActions(), request.fault(), request.detail(), request.message().length, config.redactBody(),
                kept.map(k -> message));
        try {
            if (kept.isPresent()) {
                try (OutputStream out = create(message)) {
                    out.write(kept.get());
                }
            }
            try (Writer out = new java.io.OutputStreamWriter(create(facts), StandardCharsets.UTF_8)) {
                capture.writeFacts(out);
            }
            entries.addLast(new Entry(request.correlationId(), request.receivedAt()));
        } catch (FileAlreadyExistsException e) {
            LOG.warn("not capturing [{}]: {} exists", request.correlationId(), e.getFile());
        } catch (IOException e) {
            LOG.warn("could not capture rejected request [{}] in {}: {}", request.correlationId(),
                    config.directory(), e.toString());
            delete(request.correlationId());
        }
        prune();
    }

    private OutputStream create(Path file) throws IOException {
        if (posix) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_FILE));
            return Files.newOutputStream(file, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
        }
        OutputStream out = Files.newOutputStream(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        java.io.File f = file.toFile();
        boolean ownerOnly = f.setReadable(false, false) && f.setReadable(true, true)
                && f.setWritable(false, false) && f.setWritable(true, true);
        if (!ownerOnly) {
            LOG.debug("could not restrict {} to its owner on this file system", file);
        }
        return out;
    }

    /** Deletes captures older than max-age and the oldest beyond max-files. */
    synchronized void prune() {
        Instant oldest = clock.instant().minus(config.maxAge());
        while (!entries.isEmpty() && (entries.size() > config.maxFiles()
                || entries.peekFirst().receivedAt().isBefore(oldest))) {
            delete(entries.removeFirst().id());
        }
    }

    private void delete(String id) {
        for (String suffix : List.of(Capture.MESSAGE_SUFFIX, Capture.FACTS_SUFFIX)) {
            try {
                Files.deleteIfExists(config.directory().resolve(id + suffix));
            } catch (AccessDeniedException e) {
                LOG.warn("cannot delete capture {}{}: access denied", id, suffix);
            } catch (IOException e) {
                LOG.warn("cannot delete capture {}{}: {}", id, suffix, e.toString());
            }
        }
    }

    /** How many captures the directory holds now. */
    public synchronized int size() {
        return entries.size();
    }

    public CaptureConfig config() {
        return config;
    }

    /** Stops the expiry thread; captures on disk stay. */
    @Override
    public void close() {
        expiry.shutdownNow();
    }
}
