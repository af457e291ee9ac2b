package org.partnershipledger.query.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.AEADBadTagException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Webhook secrets at rest: AES-256-GCM, a fresh nonce each time, bound to their row, and any change detected. */
class SecretCipherTest {

    static final byte[] SECRET = "whsec-key-bytes-of-a-subscription".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path data;

    final SecretCipher cipher = new SecretCipher(key(1));

    @Test
    void aSealedSecretOpensToItselfAndHoldsNothingOfItInTheClear() throws Exception {
        byte[] sealed = cipher.seal(SECRET, "s-1");

        assertThat(cipher.open(sealed, "s-1")).isEqualTo(SECRET);
        assertThat(sealed).hasSize(1 + 12 + SECRET.length + 16);
        assertThat(new String(sealed, StandardCharsets.ISO_8859_1))
                .doesNotContain(new String(SECRET, StandardCharsets.ISO_8859_1).substring(0, 8));
    }

    @Test
    void everySealingTakesAFreshNonce() {
        byte[] one = cipher.seal(SECRET, "s-1");
        byte[] two = cipher.seal(SECRET, "s-1");

        assertThat(java.util.Arrays.copyOfRange(one, 1, 13)).isNotEqualTo(java.util.Arrays.copyOfRange(two, 1, 13));
        assertThat(one).isNotEqualTo(two);
    }

    @Test
    void anyChangedByteIsDetected() {
        byte[] sealed = cipher.seal(SECRET, "s-1");
        for (int i = 1; i < sealed.length; i++) { // the nonce, the ciphertext and the tag
            byte[] tampered = sealed.clone();
            tampered[i] ^= 0x01;
            assertThatThrownBy(() -> cipher.open(tampered, "s-1")).as("byte %d changed", i)
                    .isInstanceOf(AEADBadTagException.class);
        }
        byte[] otherFormat = sealed.clone();
        otherFormat[0] = 2;
        assertThatThrownBy(() -> cipher.open(otherFormat, "s-1")).isInstanceOf(GeneralSecurityException.class);
        assertThatThrownBy(() -> cipher.open(new byte[20], "s-1")).isInstanceOf(GeneralSecurityException.class);
    }

    @Test
    void aSecretOpensOnlyInItsOwnRowAndUnderItsOwnKey() {
        byte[] sealed = cipher.seal(SECRET, "s-1");

        assertThatThrownBy(() -> cipher.open(sealed, "s-2")).isInstanceOf(AEADBadTagException.class);
        assertThatThrownBy(() -> new SecretCipher(key(2)).open(sealed, "s-1"))
                .isInstanceOf(AEADBadTagException.class);
    }

    @Test
    void theEmbeddedDefaultGeneratesTheKeyOnceOwnerOnlyAndKeepsItAcrossRestarts() throws Exception {
        Path file = data.resolve("webhooks").resolve("secret-key");

        byte[] first = SecretCipher.key("", file);
        byte[] again = SecretCipher.key(null, file);

        assertThat(first).hasSize(32).isEqualTo(again);
        assertThat(Files.getPosixFilePermissions(file))
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        assertThat(Files.list(file.getParent())).containsExactly(file);
        byte[] sealed = new SecretCipher(first).seal(SECRET, "s-1");
        assertThat(new SecretCipher(again).open(sealed, "s-1")).isEqualTo(SECRET);
    }

    @Test
    void aConfiguredKeyIsUsedAndNoFileIsWritten() {
        Path file = data.resolve("secret-key");

        assertThat(SecretCipher.key(Base64.getEncoder().encodeToString(key(7)), file)).isEqualTo(key(7));
        assertThat(file).doesNotExist();
    }

    @Test
    void aConfiguredKeyThatIsNot32BytesIsRefusedWithoutRepeatingIt() {
        String short16 = Base64.getEncoder().encodeToString(new byte[16]);
        assertThatThrownBy(() -> SecretCipher.key(short16, data.resolve("k")))
                .hasMessageContaining("ledger.webhooks.secret-key").hasMessageContaining("32 bytes")
                .hasMessageNotContaining(short16);
        assertThatThrownBy(() -> SecretCipher.key("not base64 at all!", data.resolve("k")))
                .hasMessageNotContaining("not base64 at all!");
        assertThat(new SecretCipher(key(1)).toString()).doesNotContain(Base64.getEncoder().encodeToString(key(1)));
    }

    static byte[] key(int seed) {
        byte[] key = new byte[32];
        for (int i = 0; i < key.length; i++) {
            key[i] = (byte) (seed * 31 + i);
        }
        return key;
    }
}
