package org.partnershipledger.platform.schema;

import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings every schema a service uses up to date, each with its own Flyway history: {@code event_store} (shared by
 * both services, migrated by whichever starts first; Flyway's lock keeps them apart) and the service's own schema.
 * Runs while the context is created, so before any processor or web request touches a table.
 */
public final class LedgerSchemaMigrations {

    private static final Logger LOG = LoggerFactory.getLogger(LedgerSchemaMigrations.class);

    /**
     * A schema and the classpath folders holding its migrations. A service's own folder may be absent (a service
     * with nothing but tokens); the first folder must exist.
     */
    public record Schema(String name, String... locations) {
    }

    public LedgerSchemaMigrations(DataSource dataSource, List<Schema> schemas) {
        for (Schema schema : schemas) {
            MigrateResult result = Flyway.configure()
                    .dataSource(dataSource)
                    .schemas(schema.name())
                    .defaultSchema(schema.name())
                    .createSchemas(true)
                    .locations(present(schema.locations()))
                    .failOnMissingLocations(true)
                    .load()
                    .migrate();
            LOG.info("Schema {} at version {} ({} migrations applied now)", schema.name(),
                    result.targetSchemaVersion == null ? "current" : result.targetSchemaVersion,
                    result.migrationsExecuted);
        }
    }

    private static String[] present(String[] locations) {
        ClassLoader loader = LedgerSchemaMigrations.class.getClassLoader();
        return java.util.stream.IntStream.range(0, locations.length)
                .filter(i -> i == 0 || loader.getResource(locations[i].replace("classpath:", "")) != null)
                .mapToObj(i -> locations[i])
                .toArray(String[]::new);
    }
}
