package org.partnershipledger.query.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import org.partnershipledger.audit.note.NoteSigner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The key that signs the audit log's checkpoints. Configured ({@code ledger.audit.signing-key}) in production; for
 * the embedded default it is generated on first start and kept in the data directory, readable by its owner only,
 * so that a restart signs with the same key. The private key is never logged and never served.
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
            if (!Files.exists(file)) {
                generate(file, properties.origin());
            }
            NoteSigner signer = checked(
                    NoteSigner.fromPrivateKeyText(Files.readString(file, StandardCharsets.UTF_8).trim()), properties);
            LOG.info("Audit checkpoints are signed with the key in {} (public key fingerprint {})", file,
                    signer.verifier().fingerprint());
            return signer;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the audit signing key " + file, e);
        }
    }

    /**
     * Written to a temporary file, then linked into place: two services starting together never see half a key,
     * and the second never replaces the key the first already signs with.
     */
    private static void generate(Path file, String origin) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        NoteSigner generated = NoteSigner.generate(origin, new SecureRandom());
        Path temporary = Files.createTempFile(file.toAbsolutePath().getParent(), "signing-key", ".tmp");
        try {
            restrict(temporary);
            Files.writeString(temporary, generated.privateKeyText() + "\n", StandardCharsets.UTF_8);
            Files.createLink(file, temporary); // fails if the key exists: a key is never replaced
            LOG.info("Generated the audit signing key into {}; back it up with the data directory", file);
        } catch (FileAlreadyExistsException e) {
            LOG.info("Another service generated the audit signing key first");
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    private static void restrict(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: the data directory's own permissions protect it
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
