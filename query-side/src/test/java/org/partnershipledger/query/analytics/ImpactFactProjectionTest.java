package org.partnershipledger.query.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.partnershipledger.events.partnership.PartnerOffboarded;
import org.partnershipledger.events.partnership.PartnerSelected;
import org.partnershipledger.events.partnership.PartnershipId;
import org.partnershipledger.events.program.*;
import org.partnershipledger.platform.testing.LedgerTestDatabase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = "spring.config.name=query-side")
@ContextConfiguration(initializers = LedgerTestDatabase.class)
class ImpactFactProjectionTest {

    static final PartnershipId P = new PartnershipId("p-1");
    static final ProgramId G = new ProgramId("prog-1");
    static final ImpactRecorded IMPACT = new ImpactRecorded(G, "i-1", 4, "ttq", new BigDecimal("104"), "days", "co-1",
            "EMEA", LocalDate.parse("2026-07-01"), LocalDate.parse("2026-09-30"), ImpactSource.BI, List.of(), null,
            null, 2);

    @Autowired
    ImpactFactProjection projection;
    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void empty() {
        projection.reset();
        projection.on(new PartnerSelected(P, "c-1", "acme-learning", "why"));
        projection.on(new ProgramProposed(G, P, "Selling", List.of(), null, List.of("ttq"), List.of(), 1));
    }

    @Test
    void anImpactRecordBecomesAFactWithItsPartnershipAndSelectedPartners() {
        projection.on(IMPACT, GenericEventMessage.asEventMessage(IMPACT));

        Map<String, Object> fact = jdbc.sql("""
                        SELECT partnership_id, array_to_string(selected_partners, ',') AS partners, level, value,
                               curriculum_version, withdrawn FROM analytics.impact_fact""")
                .query().singleRow();
        assertThat(fact).containsEntry("partnership_id", "p-1").containsEntry("partners", "acme-learning")
                .containsEntry("curriculum_version", 2).containsEntry("withdrawn", false);
        assertThat((BigDecimal) fact.get("value")).isEqualByComparingTo("104");
    }

    @Test
    void aRedeliveredRecordChangesNothingAndAWithdrawalMarksTheFact() {
        projection.on(IMPACT, GenericEventMessage.asEventMessage(IMPACT));
        projection.on(IMPACT, GenericEventMessage.asEventMessage(IMPACT));
        projection.on(new ImpactWithdrawn(G, "i-1", "Wrong extract"));

        assertThat(jdbc.sql("SELECT withdrawal_reason FROM analytics.impact_fact").query(String.class).list())
                .containsExactly("Wrong extract");
    }

    @Test
    void inOneProcessorBatchTheFactsKeepTheEventsOrder() {
        UnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(null);
        projection.on(IMPACT, GenericEventMessage.asEventMessage(IMPACT));
        projection.on(new PartnerSelected(P, "c-2", "later-partner", "why"));
        projection.on(new ImpactWithdrawn(G, "i-1", "Wrong extract"));
        batch.commit();

        Map<String, Object> fact = jdbc.sql("""
                        SELECT array_to_string(selected_partners, ',') AS partners, withdrawn
                        FROM analytics.impact_fact""").query().singleRow();
        assertThat(fact).containsEntry("partners", "acme-learning").containsEntry("withdrawn", true);
    }

    @Test
    void aLargeBatchCreditsEachRecordToThePartnersSelectedWhenItWasRecorded() {
        UnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(null);
        // enough records on either side of the selection for each side to go as one COPY
        int side = 300; // more rows than a COPY takes at the least (CopyRows.FEWEST)
        for (int i = 0; i < 2 * side; i++) {
            if (i == side) {
                projection.on(new PartnerSelected(P, "c-2", "later-partner", "why"));
            }
            ImpactRecorded record = impact("i-" + i, G);
            projection.on(record, GenericEventMessage.asEventMessage(record));
        }
        ImpactRecorded unknown = impact("i-unknown", new ProgramId("never-proposed"));
        projection.on(unknown, GenericEventMessage.asEventMessage(unknown));
        batch.commit();

        Map<String, Long> credited = new java.util.TreeMap<>();
        jdbc.sql("""
                        SELECT array_to_string(selected_partners, ',') AS partners, count(*) FROM analytics.impact_fact
                        GROUP BY 1""").query(rs -> {
                            credited.put(rs.getString(1), rs.getLong(2));
                        });
        assertThat(credited).containsExactly(Map.entry("acme-learning", (long) side),
                Map.entry("acme-learning,later-partner", (long) side));
    }

    private static ImpactRecorded impact(String id, ProgramId program) {
        return new ImpactRecorded(program, id, 4, "ttq", new BigDecimal("104"), "days", "co-1", "EMEA",
                LocalDate.parse("2026-07-01"), LocalDate.parse("2026-09-30"), ImpactSource.BI, List.of(), null, null, 2);
    }

    @Test
    void impactRecordedAfterAPartnerWasOffboardedIsNotCreditedToIt() {
        PartnerOffboarded offboarded = new PartnerOffboarded(P, "c-1", "acme-learning", "Contract not renewed");
        projection.on(offboarded);
        projection.on(offboarded);
        projection.on(IMPACT, GenericEventMessage.asEventMessage(IMPACT));

        assertThat(jdbc.sql("SELECT cardinality(selected_partners) FROM analytics.impact_fact").query(Integer.class)
                .single()).isZero();
    }

    @Test
    void resetEmptiesTheFacts() {
        projection.on(IMPACT, GenericEventMessage.asEventMessage(IMPACT));

        projection.reset();

        assertThat(jdbc.sql("SELECT count(*) FROM analytics.impact_fact").query(Long.class).single()).isZero();
    }
}
