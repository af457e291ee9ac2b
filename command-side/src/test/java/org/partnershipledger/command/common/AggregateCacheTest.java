package org.partnershipledger.command.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.axonframework.common.caching.Cache;
import org.junit.jupiter.api.Test;

class AggregateCacheTest {

    @Test
    void keepsTheMostRecentlyUsedAggregates() {
        AggregateCache cache = new AggregateCache(3);
        cache.put("a", new StringBuilder("a"));
        cache.put("b", new StringBuilder("b"));
        cache.put("c", new StringBuilder("c"));
        cache.get("a"); // used again: "b" is now the least recently used
        cache.put("d", new StringBuilder("d"));

        assertThat(cache.containsKey("b")).isFalse();
        assertThat(cache.<String, StringBuilder>get("a")).hasToString("a");
        assertThat(cache.containsKey("c")).isTrue();
        assertThat(cache.containsKey("d")).isTrue();
        assertThat(cache.size()).isEqualTo(3);
    }

    @Test
    void aRolledBackAggregateLeavesAndListenersHearOfEachChange() {
        AggregateCache cache = new AggregateCache(1);
        List<String> heard = new ArrayList<>();
        cache.registerCacheEntryListener(new Cache.EntryListenerAdapter() {
            @Override
            public void onEntryCreated(Object key, Object value) {
                heard.add("created " + key);
            }

            @Override
            public void onEntryUpdated(Object key, Object value) {
                heard.add("updated " + key);
            }

            @Override
            public void onEntryRemoved(Object key) {
                heard.add("removed " + key);
            }

            @Override
            public void onEntryExpired(Object key) {
                heard.add("expired " + key);
            }
        });
        assertThat(cache.putIfAbsent("p", 1)).isTrue();
        assertThat(cache.putIfAbsent("p", 2)).isFalse();
        cache.put("p", 3);
        assertThat(cache.remove("p")).isTrue();
        assertThat(cache.<String, Integer>get("p")).isNull();
        cache.put("q", 4);
        cache.put("r", 5);

        assertThat(heard).containsExactly("created p", "updated p", "removed p", "created q", "expired q",
                "created r");
    }
}
