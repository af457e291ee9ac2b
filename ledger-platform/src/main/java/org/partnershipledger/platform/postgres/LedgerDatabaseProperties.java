package org.partnershipledger.platform.postgres;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the ledger keeps its data. Bound from {@code LEDGER_DB_URL}, {@code LEDGER_DB_USER},
 * {@code LEDGER_DB_PASSWORD} (external PostgreSQL) or, when no URL is given, the embedded server's
 * {@code LEDGER_DATA_DIR} and {@code LEDGER_EMBEDDED_PORT}.
 *
 * @param url              JDBC URL of an external PostgreSQL; empty means "run the embedded one"
 * @param user             user for the external PostgreSQL
 * @param password         password for the external PostgreSQL
 * @param dataDir          where the embedded server keeps its files ({@code <dataDir>/postgres})
 * @param embeddedPort     loopback port of the embedded server, shared by both services
 * @param poolSize         connections this service keeps
 * @param transactionTimeout longest a transaction may stay open; the event store's gap timeout must exceed it
 * @param synchronousCommit  wait for the commit to reach disk; only a service whose tables can be rebuilt from the
 *                           event store (the query side) may turn it off
 */
@ConfigurationProperties("ledger.db")
public record LedgerDatabaseProperties(String url, String user, String password, Path dataDir,
                                       Integer embeddedPort, Integer poolSize, Duration transactionTimeout,
                                       Boolean synchronousCommit) {

    public LedgerDatabaseProperties {
        url = url == null ? "" : url.trim();
        user = user == null || user.isBlank() ? LocalPostgres.USER : user;
        password = password == null ? "" : password;
        dataDir = dataDir == null ? Path.of("data") : dataDir;
        embeddedPort = embeddedPort == null ? 54329 : embeddedPort;
        poolSize = poolSize == null ? 10 : poolSize;
        transactionTimeout = transactionTimeout == null ? Duration.ofSeconds(30) : transactionTimeout;
        synchronousCommit = synchronousCommit == null || synchronousCommit;
    }

    public boolean embedded() {
        return url.isEmpty();
    }
}
