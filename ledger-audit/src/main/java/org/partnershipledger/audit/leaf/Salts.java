package org.partnershipledger.audit.leaf;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Where a personal field's salt comes from. A random salt is erased by deleting it. A derived salt,
 * {@code HMAC-SHA256(subject key, encoded event id ‖ encoded field name)}, is erased for every event at once by
 * deleting one data subject's key: that is crypto-shredding without touching the events.
 */
public final class Salts {

    public static final int LENGTH = 32;

    private Salts() {
    }

    public static byte[] random(SecureRandom random) {
        byte[] salt = new byte[LENGTH];
        random.nextBytes(salt);
        return salt;
    }

    public static byte[] derive(byte[] subjectKey, String eventId, String fieldName) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(subjectKey, "HmacSHA256"));
            return mac.doFinal(new FieldEncoder().text(eventId).text(fieldName).toByteArray());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }
}
