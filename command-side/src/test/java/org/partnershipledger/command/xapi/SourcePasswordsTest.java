package org.partnershipledger.command.xapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import org.junit.jupiter.api.Test;

/** An LRS password is stored sealed, opens only for its own source and key, and never appears in what is stored. */
class SourcePasswordsTest {

    private final SourcePasswords passwords = new SourcePasswords(key(1));

    @Test
    void aPasswordIsStoredSealedAndOpensForItsSource() throws IOException {
        String stored = passwords.seal("acme-lrs", "s3cret");

        assertThat(stored).startsWith("sealed:").doesNotContain("s3cret");
        assertThat(passwords.seal("acme-lrs", "s3cret")).as("a new nonce each time").isNotEqualTo(stored);
        assertThat(passwords.open("acme-lrs", stored)).isEqualTo("s3cret");
    }

    @Test
    void aSealedPasswordDoesNotOpenForAnotherSourceOrUnderAnotherKey() {
        String stored = passwords.seal("acme-lrs", "s3cret");

        assertThatThrownBy(() -> passwords.open("other-lrs", stored)).isInstanceOf(IOException.class)
                .hasMessageContaining("set the password again").hasMessageNotContaining("s3cret");
        assertThatThrownBy(() -> new SourcePasswords(key(2)).open("acme-lrs", stored))
                .isInstanceOf(IOException.class);
    }

    @Test
    void noPasswordStaysNone() throws IOException {
        assertThat(passwords.seal("acme-lrs", null)).isNull();
        assertThat(passwords.open("acme-lrs", null)).isNull();
    }

    private static byte[] key(int seed) {
        byte[] key = new byte[32];
        for (int i = 0; i < key.length; i++) {
            key[i] = (byte) (seed * 17 + i);
        }
        return key;
    }
}
