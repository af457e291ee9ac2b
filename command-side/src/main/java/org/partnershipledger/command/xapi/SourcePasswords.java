package org.partnershipledger.command.xapi;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import org.partnershipledger.platform.postgres.LedgerDatabaseProperties;
import org.partnershipledger.platform.secrets.Sealer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * An LRS source's password, sealed at rest in {@code command_side.xapi_source.password} ({@link Sealer}, with the
 * source's name as associated data): someone who reads the table, or a backup of it, learns nothing of it. The key
 * is {@code ledger.xapi.secret-key} (base64 of 32 bytes) in production; the embedded default generates one on first
 * start into {@code <ledger.db.data-dir>/xapi/secret-key} and keeps it. Stored as {@code sealed:} and the base64 of
 * the sealed bytes.
 */
@Component
class SourcePasswords {

    static final String SEALED = "sealed:";

    private final Sealer sealer;

    @Autowired
    SourcePasswords(@Value("${ledger.xapi.secret-key:}") String configuredKey, LedgerDatabaseProperties database) {
        this(Sealer.key(configuredKey, database.dataDir().resolve("xapi").resolve("secret-key"),
                "ledger.xapi.secret-key", "LRS password key"));
    }

    SourcePasswords(byte[] key) {
        this.sealer = new Sealer(key, "partnership-ledger lrs password ");
    }

    /** What is stored for the source's password; null stays null. */
    String seal(String source, String password) {
        if (password == null) {
            return null;
        }
        return SEALED + Base64.getEncoder().encodeToString(
                sealer.seal(password.getBytes(StandardCharsets.UTF_8), source));
    }

    /** The password as stored for the source; one that cannot be opened fails the poll with a clear reason. */
    String open(String source, String stored) throws IOException {
        if (stored == null || !stored.startsWith(SEALED)) {
            return stored;
        }
        try {
            byte[] sealed = Base64.getDecoder().decode(stored.substring(SEALED.length()));
            return new String(sealer.open(sealed, source), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IOException("The source's password cannot be opened with the ledger's LRS password key "
                    + "(ledger.xapi.secret-key): set the password again");
        }
    }
}
