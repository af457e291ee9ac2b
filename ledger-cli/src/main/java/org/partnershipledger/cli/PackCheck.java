package org.partnershipledger.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import org.partnershipledger.audit.note.NoteVerifier;
import org.partnershipledger.audit.pack.AuditPack;
import org.partnershipledger.audit.pack.AuditPackJson;
import org.partnershipledger.audit.pack.PackFormatException;
import org.partnershipledger.audit.pack.PackVerifier;
import org.partnershipledger.audit.pack.VerificationResult;

/**
 * {@code ledger verify <pack> --key}: checks an audit pack with nothing but the file and a key the user trusts, so
 * that the answer does not depend on the server that produced the pack. The checking is the ledger-audit library's;
 * this class only reads the files and says the result in a few lines and an exit code.
 */
final class PackCheck {

    static final int VALID = 0;
    static final int INVALID = 1;

    private final PrintWriter out;

    PackCheck(PrintWriter out) {
        this.out = out;
    }

    /**
     * @param sinceFile a file holding an older signed checkpoint, or null
     * @return 0 when the pack verifies, 1 when it does not (tampered, malformed, or signed by another key)
     * @throws UsageError when a file is missing or the key is not a key
     */
    int run(Path packFile, String keyArgument, Path sinceFile) {
        NoteVerifier key = VerifierKeyArgument.resolve(keyArgument);
        String packText = TextFiles.read(packFile, "audit pack");
        Optional<String> since = sinceFile == null ? Optional.empty()
                : Optional.of(TextFiles.read(sinceFile, "older checkpoint"));
        AuditPack pack;
        try {
            pack = AuditPackJson.read(packText);
        } catch (PackFormatException e) {
            out.println("INVALID: " + packFile + " is not a readable audit pack: " + e.getMessage());
            return INVALID;
        }
        out.println("Audit pack " + packFile + (pack.subject() == null ? "" : ": " + pack.subject()));
        VerificationResult result = new PackVerifier(key).verify(pack, since);
        result.verified().forEach(line -> out.println("  ok  " + line));
        if (result.valid()) {
            out.println("VALID: every event in the pack is as the ledger logged it, under the key "
                    + key.fingerprint());
            return VALID;
        }
        out.println("INVALID: " + result.failure().orElseThrow());
        return INVALID;
    }
}
