package org.partnershipledger.query.readmodel;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** U+0000, which PostgreSQL cannot keep, becomes U+FFFD in read models; nothing else changes. */
class StorableTest {

    @Test
    void aNulInTextBecomesTheReplacementCharacter() {
        assertThat(Storable.text("a\u0000b")).isEqualTo("a\uFFFDb");
        assertThat(Storable.text("plain")).isEqualTo("plain");
        assertThat(Storable.text(null)).isNull();
    }

    @Test
    void anEscapedNulInJsonBecomesAnEscapedReplacementCharacter() {
        assertThat(Storable.json("{\"a\":\"x\\u0000y\"}")).isEqualTo("{\"a\":\"x\\ufffdy\"}");
        assertThat(Storable.json("{\"a\":\"\\\\\\u0000\"}")).as("after an escaped backslash")
                .isEqualTo("{\"a\":\"\\\\\\ufffd\"}");
    }

    @Test
    void anEscapedBackslashFollowedByU0000IsText() {
        // JSON "\\u0000" is a backslash and the letters u0000, not a NUL
        assertThat(Storable.json("{\"a\":\"\\\\u0000\"}")).isEqualTo("{\"a\":\"\\\\u0000\"}");
    }
}
