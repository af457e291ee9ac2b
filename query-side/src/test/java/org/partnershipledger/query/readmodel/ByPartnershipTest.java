package org.partnershipledger.query.readmodel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.partnershipledger.events.partnership.PartnerSelected;
import org.partnershipledger.events.partnership.PartnershipId;
import org.partnershipledger.events.program.CurriculumModule;
import org.partnershipledger.events.program.ImpactRecorded;
import org.partnershipledger.events.program.ImpactSource;
import org.partnershipledger.events.program.ModuleId;
import org.partnershipledger.events.program.ProgramId;
import org.partnershipledger.events.program.ProgramProposed;

/** A rebuild by partnership keeps each partnership's events and its programs' in one sequence. */
class ByPartnershipTest {

    private final EventStore store = mock(EventStore.class);
    private final ByPartnership policy = new ByPartnership(store);

    @Test
    void aPartnershipsEventIsInItsPartnershipsSequence() {
        assertThat(policy.getSequenceIdentifierFor(new GenericDomainEventMessage<>("Partnership", "p-1", 3,
                new PartnerSelected(new PartnershipId("p-1"), "a", "o-a", "Best offer", List.of(), null))))
                .isEqualTo("p-1");
    }

    @Test
    void aProgramsEventsAreInThePartnershipItWasProposedIn() {
        assertThat(policy.getSequenceIdentifierFor(proposed("g-1", "p-1"))).isEqualTo("p-1");
        assertThat(policy.getSequenceIdentifierFor(impact("g-1", 1))).isEqualTo("p-1");
        verifyNoInteractions(store);
    }

    @Test
    void aProgramProposedBeforeTheRebuildResumedIsLookedUpInTheStoreOnce() {
        when(store.readEvents("g-2", 0)).thenReturn(DomainEventStream.of(proposed("g-2", "p-2")));

        assertThat(policy.getSequenceIdentifierFor(impact("g-2", 5))).isEqualTo("p-2");
        assertThat(policy.getSequenceIdentifierFor(impact("g-2", 6))).isEqualTo("p-2");
        verify(store, times(1)).readEvents("g-2", 0);
    }

    @Test
    void aProgramWithNoProposalInTheStoreIsItsOwnSequence() {
        when(store.readEvents("g-3", 0)).thenReturn(DomainEventStream.empty());

        assertThat(policy.getSequenceIdentifierFor(impact("g-3", 1))).isEqualTo("g-3");
    }

    @Test
    void anyOtherEventIsItsAggregatesOwnOrItsOwn() {
        assertThat(policy.getSequenceIdentifierFor(new GenericDomainEventMessage<>("Organization", "o-1", 0, "x")))
                .isEqualTo("o-1");
        GenericEventMessage<String> notDomain = new GenericEventMessage<>("x");
        assertThat(policy.getSequenceIdentifierFor(notDomain)).isEqualTo(notDomain.getIdentifier());
    }

    private static DomainEventMessage<?> proposed(String program, String partnership) {
        return new GenericDomainEventMessage<>("Program", program, 0, new ProgramProposed(new ProgramId(program),
                new PartnershipId(partnership), "Selling", List.of("Close more"), "New reps", List.of("ttq"),
                List.of(new CurriculumModule(new ModuleId("m-1"), "Discovery")), 1));
    }

    private static DomainEventMessage<?> impact(String program, long sequence) {
        return new GenericDomainEventMessage<>("Program", program, sequence, new ImpactRecorded(new ProgramId(program),
                "i-" + sequence, 3, "ttq", new BigDecimal("100"), "days", null, null, LocalDate.parse("2027-01-01"),
                LocalDate.parse("2027-03-31"), ImpactSource.SURVEY, List.of(), null, null, 1));
    }
}
