package io.wssgate.keys;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * What a set of files looks like now: size, modification time and SHA-256 of each. The hash
 * is what decides (a file replaced within the file system's timestamp resolution, or copied
 * with its old time, is still noticed); a missing or unreadable file has its own marker, so its
 * return is a change too.
 */
public record FileFingerprint(List<String> files) {
    public FileFingerprint {
        files = List.copyOf(files);
    }

    public static FileFingerprint of(List<Path> paths) {
        List<String> out = new ArrayList<>();
        for (Path path : paths) {
            out.add(path + " " + describe(path));
        }
        return new FileFingerprint(out);
    }

    private static String describe(Path file) {
        try {
            long size = Files.size(file);
            long modified = Files.getLastModifiedTime(file).toMillis();
            return size + " " + modified + " " + sha256(file);
        } catch (IOException e) {
            return "unreadable: " + e.getClass().getSimpleName();
        }
    }

    private static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[8192];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JDK", e);
        }
    }
}
