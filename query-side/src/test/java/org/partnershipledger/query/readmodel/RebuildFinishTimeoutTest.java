package org.partnershipledger.query.readmodel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.partnershipledger.platform.testing.LedgerTestDatabase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Finishing a rebuild's copies of a large history (indexes built, tables written to the WAL) takes longer than the
 * bound on the service's other transactions; that bound must not cut it off, and must hold again afterwards. Seen
 * in the benchmark: the event log's copy of 1,360,000 events was cut off at 30 s and built again from the start.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {"spring.config.name=query-side", "ledger.db.transaction-timeout=2s"})
@ContextConfiguration(initializers = LedgerTestDatabase.class)
class RebuildFinishTimeoutTest {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    DataSource dataSource;
    @Autowired
    TransactionTemplate transaction;

    @Test
    void theFinishingTransactionOutlastsTheServiceBoundWhichHoldsAgainAfterwards() {
        RebuildCopies copies = new RebuildCopies(jdbc, dataSource, Duration.ofSeconds(5));
        String longer = "SELECT pg_sleep(3)";

        assertThatThrownBy(() -> transaction.executeWithoutResult(status -> jdbc.sql(longer).query().listOfRows()))
                .as("the bound on an ordinary transaction").isInstanceOf(RuntimeException.class);

        transaction.executeWithoutResult(status -> {
            copies.finish(List.of());
            jdbc.sql(longer).query().listOfRows();
        });

        assertThatThrownBy(() -> transaction.executeWithoutResult(status -> {
            copies.finish(List.of());
            jdbc.sql("SELECT pg_sleep(6)").query().listOfRows();
        })).as("finishing has a bound of its own").isInstanceOf(RuntimeException.class);
        assertThatThrownBy(() -> transaction.executeWithoutResult(status -> jdbc.sql(longer).query().listOfRows()))
                .as("the bound holds again").isInstanceOf(RuntimeException.class);
        assertThat(jdbc.sql("SELECT current_setting('statement_timeout')").query(String.class).single())
                .isEqualTo("2s");
    }
}
