package org.partnershipledger.query.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import org.partnershipledger.audit.note.NoteSigner;
import org.partnershipledger.platform.secrets.KeyFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The key that signs the audit log's checkpoints. Configured ({@code ledger.audit.signing-key}) in production; for
 * the embedded default it is generated on first start and kept in the data directory, readable by its owner only,
 * so that a restart signs with the same key ({@link KeyFiles}). The private key is never logged and never served.
 */
final class AuditKeys {

    private static final Logger LOG = LoggerFactory.getLogger(AuditKeys.class);

    private AuditKeys() {
    }

    static NoteSigner signer(AuditProperties properties, Path defaultKeyFile) {
        if (properties.signingKey() != null) {
            return checked(NoteSigner.fromPrivateKeyText(properties.signingKey()), properties);
        }
        Path file = properties.keyFile() == null ? defaultKeyFile : properties.keyFile();
        try {
            String text = KeyFiles.readOrCreate(file,
                    () -> NoteSigner.generate(properties.origin(), new SecureRandom()).privateKeyText(),
                    "audit signing key");
            NoteSigner signer = checked(NoteSigner.fromPrivateKeyText(text), properties);
            LOG.info("Audit checkpoints are signed with the key in {} (public key fingerprint {})", file,
                    signer.verifier().fingerprint());
            return signer;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the audit signing key " + file, e);
        }
    }

    /** The key must be named after the log it signs: a verifier matches signature lines by key name. */
    private static NoteSigner checked(NoteSigner signer, AuditProperties properties) {
        if (!signer.keyName().equals(properties.origin())) {
            throw new IllegalStateException("The audit signing key is named '" + signer.keyName()
                    + "' but the log's origin (ledger.audit.origin) is '" + properties.origin()
                    + "': configure the origin the key was made for, or a key made for this origin");
        }
        return signer;
    }
}
