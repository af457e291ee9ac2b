package org.partnershipledger.platform.postgres;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.autoconfigure.health.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.actuate.jdbc.DataSourceHealthIndicator;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.lang.Nullable;

/**
 * One DataSource for everything a service stores (events, tokens, its own tables): an external PostgreSQL when
 * {@code LEDGER_DB_URL} is set, otherwise the embedded server under {@code ./data/postgres}.
 */
@AutoConfiguration(before = DataSourceAutoConfiguration.class)
@EnableConfigurationProperties(LedgerDatabaseProperties.class)
public class LedgerDatabaseAutoConfiguration {

    @Bean(destroyMethod = "close")
    @ConditionalOnExpression("'${ledger.db.url:}'.trim().isEmpty()")
    LocalPostgres localPostgres(LedgerDatabaseProperties properties) {
        LocalPostgres postgres = LocalPostgres.startOrJoin(properties.dataDir().resolve("postgres"),
                properties.embeddedPort());
        postgres.awaitReady(60_000);
        return postgres;
    }

    /**
     * The pool notices a database that went away within seconds and takes it up again once it is back, without a
     * restart: Hikari drops broken connections and opens new ones by itself.
     *
     * <ul>
     *   <li>A request waits at most {@code connectionTimeout} (2 s) for a connection, then fails and answers 503
     *       STORE_UNAVAILABLE; while the database is down every request that needs it takes that long.</li>
     *   <li>An idle connection is checked within 1 s before it is handed out, and every 30 s while it waits.</li>
     *   <li>The driver gives up connecting after as long, and gives up on a server that stopped answering mid-query
     *       ({@code socketTimeout}) 15 s after the longest a statement may run: PostgreSQL itself ends any statement
     *       of ours at the transaction timeout (see {@link TransactionTimeout}), so no legitimate query is cut off.
     *       Settings in the URL win over these.</li>
     *   <li>A statement of a request gives up after {@code requestNetworkTimeout} (10 s) on a server that stopped
     *       answering, so the request answers 503 rather than wait that long ({@link RequestBoundConnections}).</li>
     * </ul>
     */
    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean(DataSource.class)
    DataSource dataSource(LedgerDatabaseProperties properties, @Nullable LocalPostgres localPostgres,
                          @Value("${ledger.db.connection-timeout:2s}") Duration connectionTimeout,
                          @Value("${ledger.db.request-network-timeout:10s}") Duration requestNetworkTimeout) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("ledger");
        config.setJdbcUrl(properties.embedded() ? localPostgres.jdbcUrl() : properties.url());
        config.setUsername(properties.user());
        config.setPassword(properties.password());
        config.setMaximumPoolSize(properties.poolSize());
        config.setConnectionTimeout(connectionTimeout.toMillis());
        config.setValidationTimeout(1_000);
        config.setKeepaliveTime(30_000);
        // as text: the driver takes its properties with getProperty, which passes over a number (the bounds were lost)
        config.addDataSourceProperty("connectTimeout", Long.toString(Math.max(1, connectionTimeout.toSeconds())));
        config.addDataSourceProperty("socketTimeout",
                Long.toString(properties.transactionTimeout().plusSeconds(15).toSeconds()));
        config.setConnectionInitSql(TransactionTimeout.initSql(properties.transactionTimeout(),
                properties.synchronousCommit()));
        return new RequestBoundConnections(new HikariDataSource(config), requestNetworkTimeout);
    }

    /**
     * Spring Boot's {@code db} health check, but one that answers DOWN within a time limit instead of waiting for the
     * pool (see {@link DatabaseHealthIndicator}).
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(DataSourceHealthIndicator.class)
    @ConditionalOnEnabledHealthIndicator("db")
    static class DatabaseHealth {

        @Bean(name = "dbHealthIndicator")
        DatabaseHealthIndicator dbHealthIndicator(DataSource dataSource,
                                                  @Value("${ledger.health.db-timeout:1s}") Duration timeout) {
            return new DatabaseHealthIndicator(dataSource, timeout);
        }
    }
}
