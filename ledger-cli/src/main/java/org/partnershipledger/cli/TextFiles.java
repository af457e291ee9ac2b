package org.partnershipledger.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads the files a user names on the command line; a file that is not there is their mistake, not a finding. */
final class TextFiles {

    private TextFiles() {
    }

    /**
     * The file's text. Bytes that are not UTF-8 become U+FFFD instead of an error: in a pack or a checkpoint such a
     * byte changes what was signed, so the verification itself reports it, with the event it is in.
     *
     * @throws UsageError when the file is missing or cannot be read
     */
    static String read(Path file, String what) {
        if (Files.isDirectory(file)) {
            throw new UsageError("The " + what + " " + file + " is a directory, not a file");
        }
        try {
            return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new UsageError("No such file: " + file + " (the " + what + ")");
        } catch (IOException e) {
            throw new UsageError("Cannot read the " + what + " " + file + ": " + e.getMessage());
        }
    }
}
