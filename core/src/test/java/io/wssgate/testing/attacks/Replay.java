package io.wssgate.testing.attacks;

import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The body of a replay attack: genuine messages the server must accept first, then the replay
 * itself. All are built together (the replay reuses parts of the genuine ones), when the attack
 * is sent; {@link AttackClient} sends the genuine ones before the replay and the suite counts
 * them as the application's legitimate invocations.
 */
public final class Replay implements Supplier<byte[]> {
    private final Supplier<List<byte[]>> messages;

    /** {@code messages}: the genuine messages in order, the replay last. */
    private Replay(Supplier<List<byte[]>> messages) {
        this.messages = Objects.requireNonNull(messages, "messages");
    }

    public static Replay of(Supplier<List<byte[]>> messages) {
        return new Replay(messages);
    }

    /** One build: what to send first and the replay after it. */
    public record Sequence(List<byte[]> genuine, byte[] replay) {
    }

    public Sequence build() {
        List<byte[]> all = messages.get();
        if (all.size() < 2) {
            throw new IllegalStateException("a replay needs at least one genuine message before it");
        }
        return new Sequence(List.copyOf(all.subList(0, all.size() - 1)), all.get(all.size() - 1));
    }

    /** The replay alone, without the genuine messages that make it a replay. */
    @Override
    public byte[] get() {
        return build().replay();
    }
}
