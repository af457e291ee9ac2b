package org.partnershipledger.command.partnership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.partnershipledger.command.partnership.PartnershipEvents.*;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;
import org.partnershipledger.events.partnership.*;

/**
 * A snapshot of a partnership holds what its lifecycle rules need (open actions, partner reviews, the agreement and
 * scope, the cost split and its acceptances) and reads back to the same state, with the JSON settings the services
 * use.
 */
class LifecycleSnapshotTest {

    static final ObjectMapper JSON = JsonMapper.builder().addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    @Test
    void aSnapshotReadsBackToTheSameLifecycleState() throws Exception {
        List<Object> given = new ArrayList<>(PartnershipTest.withSelectedPartner());
        given.addAll(List.of(charter(),
                new BusinessReviewHeld(ID, "2026-Q3", List.of("CLO"), List.of(), List.of(
                        new ReviewAction("2026-Q3-1", "Measure", Side.CLIENT, "CLO", LocalDate.parse("2026-10-31")))),
                new PartnerReviewRecorded(ID, "c-1", ACME, "2026-Q3", 4, 4, 4, 4, null, List.of(), null),
                new AgreementSigned(ID, LocalDate.parse("2026-01-01"), LocalDate.parse("2027-12-31"),
                        LocalDate.parse("2027-09-30"), List.of(), null),
                new ScopeExtended(ID, List.of("LATAM"), List.of(), "Growth", List.of(), null),
                new CostSharingAgreed(ID, "EUR", new BigDecimal("1000"), List.of(
                        new CostShare("Sales", new BigDecimal("100"))), "Split"),
                new CostShareAccepted(ID, "Sales", "Head of Sales", List.of(), null)));
        AtomicReference<Partnership> state = new AtomicReference<>();
        new AggregateTestFixture<>(Partnership.class).given(given)
                .when(new CompleteReviewAction(ID, "2026-Q3-1", null, null, null, null, null))
                .expectState(state::set);

        String snapshot = JSON.writeValueAsString(state.get());
        Partnership read = JSON.readValue(snapshot, Partnership.class);

        assertThat(snapshot).contains("\"accountability\"", "\"agreement\"", "\"costSplit\"", "2026-Q3-1", "latam");
        assertThat(read).usingRecursiveComparison().isEqualTo(state.get());
    }
}
