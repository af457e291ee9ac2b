package org.partnershipledger.platform.secrets;

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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Seals secrets the ledger must keep to use them later (webhook secrets, an LRS's password): AES-256-GCM under a key
 * of the ledger's, with a random 96-bit nonce for each sealing and the row's id as associated data, so that a sealed
 * secret opens only in its own row and any change to it is detected. Sealed form: {@code 0x01 ‖ nonce (12 bytes) ‖
 * ciphertext ‖ tag (16 bytes)}.
 *
 * <p>The key is configured (base64 of 32 bytes) in production; the embedded default generates one on first start
 * into a file of the data directory, owner-only, and keeps it ({@link KeyFiles}). Lose the key and what it sealed
 * cannot be opened.
 */
public final class Sealer {

    public static final int KEY_BYTES = 32;
    private static final byte FORMAT = 1;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Logger LOG = LoggerFactory.getLogger(Sealer.class);

    private final SecretKeySpec key;
    private final String associatedDataPrefix;

    /**
     * @param associatedDataPrefix what the secrets are, bound into each sealing with the row's id (e.g.
     *                             "partnership-ledger webhook secret "), so one kind never opens as another
     */
    public Sealer(byte[] key, String associatedDataPrefix) {
        if (key.length != KEY_BYTES) {
            throw new IllegalArgumentException("A sealing key must be " + KEY_BYTES + " bytes");
        }
        this.key = new SecretKeySpec(key, "AES");
        this.associatedDataPrefix = associatedDataPrefix;
    }

    /** The secret sealed for the given row. */
    public byte[] seal(byte[] secret, String rowId) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            byte[] sealed = cipher(Cipher.ENCRYPT_MODE, nonce, rowId).doFinal(secret);
            return ByteBuffer.allocate(1 + NONCE_BYTES + sealed.length).put(FORMAT).put(nonce).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    /** The secret sealed for this row; fails if it was sealed under another key, for another row, or changed since. */
    public byte[] open(byte[] sealed, String rowId) throws GeneralSecurityException {
        if (sealed.length < 1 + NONCE_BYTES + TAG_BITS / 8 || sealed[0] != FORMAT) {
            throw new GeneralSecurityException("Not a sealed secret");
        }
        Cipher cipher = cipher(Cipher.DECRYPT_MODE, Arrays.copyOfRange(sealed, 1, 1 + NONCE_BYTES), rowId);
        return cipher.doFinal(sealed, 1 + NONCE_BYTES, sealed.length - 1 - NONCE_BYTES);
    }

    private Cipher cipher(int mode, byte[] nonce, String rowId) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD((associatedDataPrefix + rowId).getBytes(StandardCharsets.UTF_8));
        return cipher;
    }

    /**
     * The configured key, or the one kept in (and on first start generated into) {@code defaultFile}.
     *
     * @param property the key's configuration property, for messages
     * @param what     the key's name for the log, e.g. "webhook secret key"; the key itself is never logged
     */
    public static byte[] key(String configured, Path defaultFile, String property, String what) {
        if (configured != null && !configured.isBlank()) {
            LOG.info("The {} is the configured {}", what, property);
            return decoded(configured.trim(), property);
        }
        try {
            String text = KeyFiles.readOrCreate(defaultFile, () -> {
                byte[] generated = new byte[KEY_BYTES];
                RANDOM.nextBytes(generated);
                return Base64.getEncoder().encodeToString(generated);
            }, what);
            LOG.info("The {} is kept in {}", what, defaultFile);
            return decoded(text, "The " + what + " in " + defaultFile);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the " + what + " " + defaultFile, e);
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
        return "Sealer[AES-256-GCM, key redacted]";
    }
}
