package org.partnershipledger.platform.testing;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.support.TestPropertySourceUtils;

/**
 * Points a test's application context at a fresh database on the test JVM's embedded PostgreSQL:
 * {@code @ContextConfiguration(initializers = LedgerTestDatabase.class)}.
 */
public class LedgerTestDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        if (context.getEnvironment().getProperty("ledger.db.url", "").isBlank()) {
            TestPropertySourceUtils.addInlinedPropertiesToEnvironment(context,
                    "ledger.db.url=" + TestPostgres.newDatabase(), "ledger.db.user=postgres",
                    "ledger.db.pool-size=5");
        }
    }
}
