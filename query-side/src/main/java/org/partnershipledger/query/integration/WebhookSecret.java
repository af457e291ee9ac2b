package org.partnershipledger.query.integration;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The key a subscription's deliveries are signed with, as the Standard Webhooks specification has it: random bytes,
 * shown to the owner once as {@code whsec_<base64 of the bytes>}, and used as the HMAC-SHA256 key over
 * {@code <webhook-id>.<webhook-timestamp>.<body>}. It is never printed: {@link #toString()} says nothing of it.
 */
final class WebhookSecret {

    static final String PREFIX = "whsec_";
    /** What the ledger generates: 256 bits. */
    static final int GENERATED_BYTES = 32;
    /** The specification's bounds for a secret's key. */
    static final int MIN_BYTES = 24;
    static final int MAX_BYTES = 64;
    /** The bounds of a secret an integration chose itself before secrets were generated (deprecated). */
    static final int LEGACY_MIN_CHARS = 16;
    static final int LEGACY_MAX_CHARS = 200;

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String HMAC = "HmacSHA256";

    private final byte[] key;

    private WebhookSecret(byte[] key) {
        this.key = key.clone();
    }

    static WebhookSecret generate() {
        byte[] key = new byte[GENERATED_BYTES];
        RANDOM.nextBytes(key);
        return new WebhookSecret(key);
    }

    static WebhookSecret of(byte[] key) {
        return new WebhookSecret(key);
    }

    /**
     * A secret as an integration gives it: {@code whsec_<base64>} of 24 to 64 bytes, or (deprecated, for the
     * integrations that chose their own before) any other text of 16 to 200 characters, whose UTF-8 bytes are the
     * key, as they were for {@code X-Ledger-Signature}. Refusals never repeat the text.
     */
    static WebhookSecret parse(String text) {
        if (text.startsWith(PREFIX)) {
            byte[] key;
            try {
                key = Base64.getDecoder().decode(text.substring(PREFIX.length()));
            } catch (IllegalArgumentException notBase64) {
                throw new IllegalArgumentException("secret must be whsec_ followed by base64");
            }
            if (key.length < MIN_BYTES || key.length > MAX_BYTES) {
                throw new IllegalArgumentException("secret must be whsec_ followed by the base64 of " + MIN_BYTES
                        + " to " + MAX_BYTES + " bytes");
            }
            return new WebhookSecret(key);
        }
        if (text.isBlank() || text.length() < LEGACY_MIN_CHARS || text.length() > LEGACY_MAX_CHARS) {
            throw new IllegalArgumentException("secret must be whsec_ followed by base64, or " + LEGACY_MIN_CHARS
                    + " to " + LEGACY_MAX_CHARS + " characters; better, leave it out and use the one generated");
        }
        return new WebhookSecret(text.getBytes(StandardCharsets.UTF_8));
    }

    /** {@code whsec_<base64>}, to be shown to its owner once. */
    String text() {
        return PREFIX + Base64.getEncoder().encodeToString(key);
    }

    byte[] key() {
        return key.clone();
    }

    /**
     * The Standard Webhooks signature, {@code v1,<base64 of HMAC-SHA256 over "<id>.<timestamp>.<body>">}, the body as
     * the UTF-8 bytes sent.
     */
    String sign(String id, long timestamp, String body) {
        return "v1," + Base64.getEncoder().encodeToString(
                hmac((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
    }

    /** The deprecated {@code X-Ledger-Signature}: {@code sha256=<hex HMAC-SHA256 over the body>}, same key. */
    String signLegacy(String body) {
        return "sha256=" + HexFormat.of().formatHex(hmac(body.getBytes(StandardCharsets.UTF_8)));
    }

    private byte[] hmac(byte[] content) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(new SecretKeySpec(key, HMAC));
            return mac.doFinal(content);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof WebhookSecret secret && MessageDigest.isEqual(key, secret.key);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(key);
    }

    @Override
    public String toString() {
        return "WebhookSecret[redacted]";
    }
}
