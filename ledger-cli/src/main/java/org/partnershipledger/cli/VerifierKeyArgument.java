package org.partnershipledger.cli;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import org.partnershipledger.audit.note.NoteVerifier;

/**
 * The value of {@code --key}: the verifier key text itself, or a file holding it (as saved from
 * {@code GET /api/audit/public-key} with {@code Accept: text/plain}). A file is tried first because a key text never
 * names an existing file, while a path that does not exist is most likely a typing error worth reporting as such.
 */
final class VerifierKeyArgument {

    private VerifierKeyArgument() {
    }

    /** @throws UsageError when the value is neither a readable key file nor a verifier key */
    static NoteVerifier resolve(String argument) {
        Path file = existingFile(argument);
        String text = file == null ? argument : TextFiles.read(file, "verifier key file");
        try {
            return NoteVerifier.fromVerifierKey(text);
        } catch (IllegalArgumentException e) {
            throw new UsageError(file == null
                    ? "--key '" + argument + "' is neither a file nor a verifier key (<name>+<key id>+<key>): "
                            + e.getMessage()
                    : "--key " + file + " does not hold a verifier key: " + e.getMessage());
        }
    }

    private static Path existingFile(String argument) {
        try {
            Path path = Path.of(argument);
            return Files.isRegularFile(path) ? path : null;
        } catch (InvalidPathException notAPath) {
            return null;
        }
    }
}
