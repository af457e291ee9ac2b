package org.partnershipledger.system;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.partnershipledger.command.CommandSideApplication;
import org.partnershipledger.platform.testing.Http;
import org.partnershipledger.platform.testing.TestPostgres;
import org.partnershipledger.query.QuerySideApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Both services in this JVM, on one fresh database of the test PostgreSQL, on free ports. As a JUnit extension
 * ({@code @RegisterExtension static final LedgerRunner ledger = new LedgerRunner();}) it starts both before a test
 * class and stops them after it.
 */
final class LedgerRunner implements AutoCloseable, BeforeAllCallback, AfterAllCallback {

    final String database;

    LedgerRunner() {
        this(TestPostgres.newDatabase());
    }

    /** Both services on the given database (a JDBC URL; user postgres, no password). */
    LedgerRunner(String database) {
        this.database = database;
    }
    ConfigurableApplicationContext commandSide;
    ConfigurableApplicationContext querySide;

    LedgerRunner start(String... queryProperties) {
        return startCommandSide().startQuerySide(queryProperties);
    }

    /** Only the command side here (the query side runs elsewhere, e.g. as a process on the same database). */
    LedgerRunner startCommandSide() {
        commandSide = run(CommandSideApplication.builder());
        return this;
    }

    /**
     * The query side; its webhooks may go to loopback receivers (the tests' own), unless the given properties say
     * {@code ledger.webhooks.allow-private-targets=false}.
     */
    LedgerRunner startQuerySide(String... queryProperties) {
        querySide = run(QuerySideApplication.builder().properties("ledger.webhooks.allow-private-targets=true")
                .properties(queryProperties));
        return this;
    }

    Http commands(String user) {
        return Http.localhost(port(commandSide)).as(user);
    }

    int commandPort() {
        return port(commandSide);
    }

    int queryPort() {
        return port(querySide);
    }

    Http queries(String user) {
        return Http.localhost(port(querySide)).as(user);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        start();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }

    @Override
    public void close() {
        if (commandSide != null) {
            commandSide.close();
        }
        if (querySide != null) {
            querySide.close();
        }
    }

    private ConfigurableApplicationContext run(SpringApplicationBuilder builder) {
        // the port as an argument: each service's yml sets server.port, which outranks the builder's properties
        return builder.properties("ledger.db.url=" + database, "ledger.db.user=postgres", "ledger.db.pool-size=5")
                .run("--server.port=0");
    }

    private static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }
}
