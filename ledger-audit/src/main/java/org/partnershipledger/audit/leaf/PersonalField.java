package org.partnershipledger.audit.leaf;

import java.util.Arrays;
import java.util.HexFormat;
import org.partnershipledger.audit.merkle.Sha256;

/**
 * A field that may hold personal data, so the leaf commits to it only through a salted digest:
 * {@code SHA-256(salt ‖ encoded value)}. Erasing it (crypto-shredding) means deleting the value and its salt, or the
 * key the salt is derived from; the digest stays, so the leaf hash, and every proof through it, still recompute.
 * The salt is what keeps a short value (a name, "approved") from being guessed back out of its digest.
 */
public sealed interface PersonalField permits PersonalField.Revealed, PersonalField.Erased {

    /** The 32 bytes the leaf commits to. */
    byte[] digest();

    static PersonalField revealed(String value, byte[] salt) {
        return new Revealed(value, salt);
    }

    static PersonalField erased(byte[] digest) {
        return new Erased(digest);
    }

    /** The same commitment without the value: what is left after crypto-shredding. */
    default Erased erase() {
        return new Erased(digest());
    }

    /** A value (null when the event had none) with the 32-byte salt it was committed with. */
    record Revealed(String value, byte[] salt) implements PersonalField {
        public Revealed {
            if (salt == null || salt.length != Salts.LENGTH) {
                throw new IllegalArgumentException("a salt has " + Salts.LENGTH + " bytes");
            }
            salt = salt.clone();
        }

        @Override
        public byte[] salt() {
            return salt.clone();
        }

        @Override
        public byte[] digest() {
            return Sha256.of(salt, new FieldEncoder().text(value).toByteArray());
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Revealed that && java.util.Objects.equals(value, that.value)
                    && Arrays.equals(salt, that.salt);
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(value, Arrays.hashCode(salt));
        }

        @Override
        public String toString() {
            // Never print the value: it may be exactly what someone will later ask us to forget.
            return "Revealed[salted]";
        }
    }

    /** Only the digest remains; the value can no longer be checked, but the leaf still can. */
    record Erased(byte[] digest) implements PersonalField {
        public Erased {
            if (digest == null || digest.length != Sha256.LENGTH) {
                throw new IllegalArgumentException("a digest has " + Sha256.LENGTH + " bytes");
            }
            digest = digest.clone();
        }

        @Override
        public byte[] digest() {
            return digest.clone();
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Erased that && Arrays.equals(digest, that.digest);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(digest);
        }

        @Override
        public String toString() {
            return "Erased[" + HexFormat.of().formatHex(digest) + "]";
        }
    }
}
