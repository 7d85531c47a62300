package io.wssgate.replay;

import io.wssgate.spi.ReplayCache;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The default {@link ReplayCache#addAllIfAbsent}: a fixed order, stopping at the first identifier present. */
class ReplayCacheDefaultsTest {
    static final Instant EXPIRY = Instant.parse("2030-01-01T00:00:00Z");

    /** Remembers in a list, so the order of the calls is visible. */
    static final class OrderedStore implements ReplayCache {
        final List<String> added = new ArrayList<>();

        @Override
        public synchronized boolean addIfAbsent(String identifier, Instant expiry) {
            if (added.contains(identifier)) {
                return false;
            }
            added.add(identifier);
            return true;
        }
    }

    static Map<String, Instant> ids(String... names) {
        Map<String, Instant> out = new LinkedHashMap<>();
        for (String name : names) {
            out.put(name, EXPIRY);
        }
        return out;
    }

    @Test
    void identifiersAreTriedInSortedOrderWhateverTheMessageOrder() {
        OrderedStore store = new OrderedStore();

        assertThat(store.addAllIfAbsent(ids("p\ntimestamp:x", "p\nassertion:y", "p\nnonce:z"))).isEmpty();
        assertThat(store.added).containsExactly("p\nassertion:y", "p\nnonce:z", "p\ntimestamp:x");
    }

    @Test
    void theFirstIdentifierAlreadyPresentIsReportedAndNothingAfterItIsAdded() {
        OrderedStore store = new OrderedStore();
        store.addIfAbsent("b", EXPIRY);

        assertThat(store.addAllIfAbsent(ids("c", "b", "a"))).contains("b");
        assertThat(store.added).containsExactly("b", "a");
    }
}
