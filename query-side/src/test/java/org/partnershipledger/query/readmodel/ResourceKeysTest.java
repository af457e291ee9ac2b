package org.partnershipledger.query.readmodel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What an object keeps among a unit of work's resources is never under another object's name. */
class ResourceKeysTest {

    @Test
    void manyLiveObjectsOfOneClassHaveEachAKeyOfTheirOwn() {
        // identity hash codes of this many live objects collide a score of times (31 bits); keys must not
        Object[] owners = new Object[300_000];
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < owners.length; i++) {
            owners[i] = new Object();
            keys.add(ResourceKeys.of(owners[i]));
        }

        assertThat(keys).hasSize(owners.length).allSatisfy(key -> assertThat(key).startsWith("java.lang.Object#"));
    }
}
