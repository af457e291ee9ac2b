package org.partnershipledger.query.integration;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.partnershipledger.platform.postgres.LedgerDatabaseProperties;
import org.partnershipledger.query.audit.KeyFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Seals webhook secrets at rest: AES-256-GCM under the ledger's webhook secret key, with a random 96-bit nonce for
 * each sealing and the subscription's id as associated data, so that a sealed secret opens only in its own row and
 * any change to it is detected. Sealed form: {@code 0x01 ‖ nonce (12 bytes) ‖ ciphertext ‖ tag (16 bytes)}.
 *
 * <p>The key is {@code ledger.webhooks.secret-key} (base64 of 32 bytes) in production; the embedded default
 * generates one on first start into {@code <ledger.db.data-dir>/webhooks/secret-key}, owner-only, and keeps it.
 * Lose the key and the stored secrets cannot be opened: deliveries then fail until each secret is rotated.
 */
@Component
class SecretCipher {

    static final int KEY_BYTES = 32;
    private static final byte FORMAT = 1;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final String AAD_PREFIX = "partnership-ledger webhook secret ";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Logger LOG = LoggerFactory.getLogger(SecretCipher.class);

    private final SecretKeySpec key;

    @Autowired
    SecretCipher(@Value("${ledger.webhooks.secret-key:}") String configuredKey, LedgerDatabaseProperties database) {
        this(key(configuredKey, database.dataDir().resolve("webhooks").resolve("secret-key")));
    }

    SecretCipher(byte[] key) {
        if (key.length != KEY_BYTES) {
            throw new IllegalArgumentException("The webhook secret key must be " + KEY_BYTES + " bytes");
        }
        this.key = new SecretKeySpec(key, "AES");
    }

    /** The secret sealed for the subscription's row. */
    byte[] seal(byte[] secret, String subscriptionId) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, nonce, subscriptionId);
            byte[] sealed = cipher.doFinal(secret);
            return ByteBuffer.allocate(1 + NONCE_BYTES + sealed.length).put(FORMAT).put(nonce).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    /**
     * The secret sealed for this subscription's row; fails if it was sealed under another key, for another row, or
     * changed since.
     */
    byte[] open(byte[] sealed, String subscriptionId) throws GeneralSecurityException {
        if (sealed.length < 1 + NONCE_BYTES + TAG_BITS / 8 || sealed[0] != FORMAT) {
            throw new GeneralSecurityException("Not a sealed webhook secret");
        }
        Cipher cipher = cipher(Cipher.DECRYPT_MODE, Arrays.copyOfRange(sealed, 1, 1 + NONCE_BYTES), subscriptionId);
        return cipher.doFinal(sealed, 1 + NONCE_BYTES, sealed.length - 1 - NONCE_BYTES);
    }

    private Cipher cipher(int mode, byte[] nonce, String subscriptionId) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD((AAD_PREFIX + subscriptionId).getBytes(StandardCharsets.UTF_8));
        return cipher;
    }

    /** The configured key, or the one kept in (and on first start generated into) the data directory. */
    static byte[] key(String configured, Path defaultFile) {
        if (configured != null && !configured.isBlank()) {
            LOG.info("Webhook secrets are sealed with the configured ledger.webhooks.secret-key");
            return decoded(configured.trim(), "ledger.webhooks.secret-key");
        }
        try {
            String text = KeyFiles.readOrCreate(defaultFile, () -> {
                byte[] generated = new byte[KEY_BYTES];
                RANDOM.nextBytes(generated);
                return Base64.getEncoder().encodeToString(generated);
            }, "webhook secret key");
            LOG.info("Webhook secrets are sealed with the key in {}", defaultFile);
            return decoded(text, "The webhook secret key in " + defaultFile);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the webhook secret key " + defaultFile, e);
        }
    }

    private static byte[] decoded(String base64, String what) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException notBase64) {
            throw new IllegalStateException(what + " must be the base64 of " + KEY_BYTES + " bytes; it is not base64");
        }
        if (key.length != KEY_BYTES) {
            throw new IllegalStateException(what + " must be the base64 of " + KEY_BYTES + " bytes, not "
                    + key.length);
        }
        return key;
    }

    @Override
    public String toString() {
        return "SecretCipher[AES-256-GCM, key redacted]";
    }
}
