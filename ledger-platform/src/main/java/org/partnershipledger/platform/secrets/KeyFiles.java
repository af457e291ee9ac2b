package org.partnershipledger.platform.secrets;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A key the embedded default keeps in the data directory (the audit signing key, the key that seals webhook
 * secrets): generated on first start, readable by its owner only, and never replaced, so that a restart uses the
 * same key. Production configures its keys instead; this is for a ledger that has nowhere else to keep them.
 */
public final class KeyFiles {

    private static final Logger LOG = LoggerFactory.getLogger(KeyFiles.class);

    private KeyFiles() {
    }

    /**
     * The key text kept in {@code file} (trimmed), first generating it if there is none.
     *
     * @param what the key's name for the log, e.g. "audit signing key"; the key itself is never logged
     */
    public static String readOrCreate(Path file, Supplier<String> generate, String what) throws IOException {
        if (!Files.exists(file)) {
            create(file, generate.get(), what);
        }
        return Files.readString(file, StandardCharsets.UTF_8).trim();
    }

    /**
     * Written to a temporary file, then linked into place: two services starting together never see half a key,
     * and the second never replaces the key the first already uses.
     */
    private static void create(Path file, String key, String what) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path temporary = Files.createTempFile(file.toAbsolutePath().getParent(), file.getFileName().toString(), ".tmp");
        try {
            restrict(temporary);
            Files.writeString(temporary, key + "\n", StandardCharsets.UTF_8);
            Files.createLink(file, temporary); // fails if the key exists: a key is never replaced
            LOG.info("Generated the {} into {}; back it up with the data directory", what, file);
        } catch (FileAlreadyExistsException e) {
            LOG.info("Another service generated the {} first", what);
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
}
