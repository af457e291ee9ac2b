package org.partnershipledger.cli;

import java.nio.file.Path;
import org.partnershipledger.platform.postgres.LocalPostgres;

/**
 * The embedded PostgreSQL as the supervisor sees it. pg_ctl starts it, so it is not a child of the launcher and
 * is watched by looking: dead once it has failed two checks a second apart. It restarts on the same port and data
 * directory and recovers from the crash by itself; the services reconnect on their own and are left running.
 */
final class EmbeddedDatabase implements Supervisor.Supervised {

    private static final long CHECK_EVERY_MILLIS = 1_000;
    private static final int FAILED_CHECKS = 2;

    private final Path dataDirectory;
    private LocalPostgres server;
    private boolean closed;

    EmbeddedDatabase(LocalPostgres server, Path dataDirectory) {
        this.server = server;
        this.dataDirectory = dataDirectory;
    }

    @Override
    public String name() {
        return "PostgreSQL";
    }

    /** PostgreSQL's own output is not kept; its data directory is where to look. */
    @Override
    public String log() {
        return dataDirectory.toString();
    }

    @Override
    public String awaitDeath() throws InterruptedException {
        int failed = 0;
        while (failed < FAILED_CHECKS) {
            Thread.sleep(CHECK_EVERY_MILLIS);
            failed = current().isRunning() ? 0 : failed + 1;
        }
        return "no longer answering on port " + current().port();
    }

    /** Holds the lock throughout, so that a stop waits for a restart under way instead of missing its server. */
    @Override
    public synchronized void restart() {
        if (closed) {
            throw new IllegalStateException("The ledger is stopping");
        }
        server = server.restart();
    }

    synchronized void close() {
        closed = true;
        server.close();
    }

    private synchronized LocalPostgres current() {
        return server;
    }
}
