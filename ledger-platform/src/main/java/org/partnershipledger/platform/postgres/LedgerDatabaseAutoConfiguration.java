package org.partnershipledger.platform.postgres;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
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

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean(DataSource.class)
    HikariDataSource dataSource(LedgerDatabaseProperties properties, @Nullable LocalPostgres localPostgres) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("ledger");
        config.setJdbcUrl(properties.embedded() ? localPostgres.jdbcUrl() : properties.url());
        config.setUsername(properties.user());
        config.setPassword(properties.password());
        config.setMaximumPoolSize(properties.poolSize());
        config.setConnectionTimeout(5_000);
        config.setConnectionInitSql(TransactionTimeout.initSql(properties.transactionTimeout(),
                properties.synchronousCommit()));
        return new HikariDataSource(config);
    }
}
