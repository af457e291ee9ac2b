package org.partnershipledger.query.integration;

import java.nio.file.Path;
import java.security.GeneralSecurityException;
import org.partnershipledger.platform.postgres.LedgerDatabaseProperties;
import org.partnershipledger.platform.secrets.Sealer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Seals webhook secrets at rest ({@link Sealer}: AES-256-GCM, the subscription's id as associated data, so that a
 * sealed secret opens only in its own row and any change to it is detected).
 *
 * <p>The key is {@code ledger.webhooks.secret-key} (base64 of 32 bytes) in production; the embedded default
 * generates one on first start into {@code <ledger.db.data-dir>/webhooks/secret-key}, owner-only, and keeps it.
 * Lose the key and the stored secrets cannot be opened: deliveries then fail until each secret is rotated.
 */
@Component
class SecretCipher {

    static final int KEY_BYTES = Sealer.KEY_BYTES;
    private static final String PROPERTY = "ledger.webhooks.secret-key";

    private final Sealer sealer;

    @Autowired
    SecretCipher(@Value("${ledger.webhooks.secret-key:}") String configuredKey, LedgerDatabaseProperties database) {
        this(key(configuredKey, database.dataDir().resolve("webhooks").resolve("secret-key")));
    }

    SecretCipher(byte[] key) {
        this.sealer = new Sealer(key, "partnership-ledger webhook secret ");
    }

    /** The secret sealed for the subscription's row. */
    byte[] seal(byte[] secret, String subscriptionId) {
        return sealer.seal(secret, subscriptionId);
    }

    /**
     * The secret sealed for this subscription's row; fails if it was sealed under another key, for another row, or
     * changed since.
     */
    byte[] open(byte[] sealed, String subscriptionId) throws GeneralSecurityException {
        return sealer.open(sealed, subscriptionId);
    }

    /** The configured key, or the one kept in (and on first start generated into) the data directory. */
    static byte[] key(String configured, Path defaultFile) {
        return Sealer.key(configured, defaultFile, PROPERTY, "webhook secret key");
    }

    @Override
    public String toString() {
        return "SecretCipher[AES-256-GCM, key redacted]";
    }
}
