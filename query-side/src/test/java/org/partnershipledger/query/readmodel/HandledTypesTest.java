package org.partnershipledger.query.readmodel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.axonframework.eventhandling.EventHandler;
import org.junit.jupiter.api.Test;
import org.partnershipledger.events.partnership.CandidateShortlisted;
import org.partnershipledger.events.partnership.PartnerSelected;
import org.partnershipledger.events.partnership.PartnershipEvent;
import org.partnershipledger.events.partnership.PartnershipOpened;
import org.partnershipledger.events.program.ImpactRecorded;

/** Which stored event types a rebuild of a read model reads. */
class HandledTypesTest {

    static class FewTypes {
        @EventHandler
        void on(CandidateShortlisted event) {
        }

        @EventHandler(payloadType = PartnerSelected.class)
        void selected() {
        }
    }

    static class EveryEvent {
        @EventHandler
        void on(ImpactRecorded event) {
        }

        @EventHandler
        void on(Object event) {
        }
    }

    static class EveryPartnershipEvent {
        @EventHandler
        void on(PartnershipEvent event) {
        }
    }

    @Test
    void aReadModelOfAFewTypesReadsThoseAndStoredTypesWhoseClassIsGone() {
        Set<String> types = HandledTypes.of(List.of(FewTypes.class), () -> List.of(ImpactRecorded.class.getName(),
                "org.partnershipledger.events.partnership.RenamedSinceThen")).orElseThrow();

        assertThat(types).containsExactlyInAnyOrder(CandidateShortlisted.class.getName(),
                PartnerSelected.class.getName(), "org.partnershipledger.events.partnership.RenamedSinceThen");
    }

    @Test
    void aHandlerOfEveryEventMeansNoFilter() {
        assertThat(HandledTypes.of(List.of(FewTypes.class, EveryEvent.class), () -> {
            throw new AssertionError("the store need not be scanned when every event is read");
        })).isEmpty();
    }

    @Test
    void aHandlerOfAnInterfaceReadsEveryEventClassThatImplementsIt() {
        Set<String> types = HandledTypes.of(List.of(EveryPartnershipEvent.class), List::of).orElseThrow();

        assertThat(types).contains(PartnershipOpened.class.getName(), PartnerSelected.class.getName())
                .doesNotContain(ImpactRecorded.class.getName(), PartnershipEvent.class.getName());
    }
}
