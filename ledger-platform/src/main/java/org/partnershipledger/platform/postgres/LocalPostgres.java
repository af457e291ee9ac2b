package org.partnershipledger.platform.postgres;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.logging.Logger;

/**
 * The embedded default: a real PostgreSQL server, run from the binaries on the classpath, keeping its data in a
 * directory so history survives restarts. Free of Spring so the launcher and both services share one way of
 * starting it.
 *
 * <p>Whoever comes first starts the server; whoever finds the port already answering joins it. A joiner never
 * stops a server it did not start.
 */
public final class LocalPostgres implements Closeable {

    public static final String DATABASE = "postgres";
    public static final String USER = "postgres";
    private static final Logger LOG = Logger.getLogger(LocalPostgres.class.getName());

    private final EmbeddedPostgres server;
    private final Path dataDirectory;
    private final int port;

    private LocalPostgres(EmbeddedPostgres server, Path dataDirectory, int port) {
        this.server = server;
        this.dataDirectory = dataDirectory;
        this.port = port;
    }

    /**
     * Joins the PostgreSQL answering on {@code port} of the loopback interface, or starts one with its data in
     * {@code dataDirectory}.
     */
    public static LocalPostgres startOrJoin(Path dataDirectory, int port) {
        if (answers(port)) {
            LOG.info(() -> "Joining the local PostgreSQL already running on port " + port);
            return new LocalPostgres(null, dataDirectory, port);
        }
        return start(dataDirectory, port);
    }

    /** Starts a server of our own; fails if the data directory is held by another process. */
    public static LocalPostgres start(Path dataDirectory, int port) {
        try {
            Files.createDirectories(dataDirectory);
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    .setRegisterShutdownHook(false)
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .setServerConfig("max_connections", "200")
                    .setServerConfig("shared_buffers", "256MB")
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on");
            if (port > 0) {
                builder.setPort(port);
            }
            EmbeddedPostgres server = builder.start();
            LOG.info(() -> "Started PostgreSQL on port " + server.getPort() + " with data in " + dataDirectory);
            return new LocalPostgres(server, dataDirectory, server.getPort());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + dataDirectory, e);
        }
    }

    public int port() {
        return port;
    }

    /** False when this joined a server someone else started: that one is theirs to watch and to stop. */
    public boolean startedHere() {
        return server != null;
    }

    /**
     * Whether the server still runs: its postmaster is alive and its port answers. Either alone can mislead: a
     * killed postmaster may linger as a zombie, and a port can miss one check on a busy machine.
     */
    public boolean isRunning() {
        return (server == null || postmasterAlive()) && answers(port);
    }

    /**
     * Starts a server of ours that died again, on the same port and data directory; PostgreSQL recovers from the
     * crash by itself. Fails while processes of the old server still hold its shared memory, so callers retry.
     */
    public LocalPostgres restart() {
        if (server == null) {
            throw new IllegalStateException("The PostgreSQL on port " + port + " was started by someone else");
        }
        if (postmasterAlive()) {
            close(); // alive but not answering: stop it first. Not a dead one: pg_ctl stop would only fail, loudly.
        }
        try {
            // Zonky locks this file for as long as its instance lives; neither the dead instance nor a failed
            // start (which zonky never releases) lets go of it in this JVM. A fresh file is a fresh lock; two
            // servers on one data directory are still ruled out by PostgreSQL's own postmaster.pid.
            Files.deleteIfExists(dataDirectory.resolve("epg-lock"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return start(dataDirectory, port);
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + DATABASE;
    }

    /** Waits until the server accepts a login, so callers can hand out its URL. */
    public void awaitReady(long timeoutMillis) {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        SQLException last = null;
        while (System.currentTimeMillis() < deadline) {
            try (Connection ignored = DriverManager.getConnection(jdbcUrl(), USER, "")) {
                return;
            } catch (SQLException e) {
                last = e;
                sleep(100);
            }
        }
        throw new IllegalStateException("PostgreSQL on port " + port + " did not accept connections", last);
    }

    @Override
    public void close() {
        if (server != null) {
            try {
                server.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private boolean postmasterAlive() {
        try {
            long pid = Long.parseLong(Files.readAllLines(dataDirectory.resolve("postmaster.pid")).get(0).trim());
            return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
        } catch (IOException | RuntimeException noPidFile) {
            return false;
        }
    }

    static boolean answers(int port) {
        if (port <= 0) {
            return false;
        }
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
