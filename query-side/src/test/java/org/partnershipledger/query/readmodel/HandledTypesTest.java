package org.partnershipledger.query.readmodel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.junit.jupiter.api.Test;
import org.partnershipledger.events.partnership.CandidateShortlisted;
import org.partnershipledger.events.partnership.PartnerSelected;
import org.partnershipledger.events.partnership.PartnershipEvent;
import org.partnershipledger.events.partnership.PartnershipOpened;
import org.partnershipledger.events.program.CurriculumPivoted;
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

    static class EveryMessage {
        @EventHandler(payloadType = Object.class)
        void on(EventMessage<?> message) {
        }
    }

    /** Acts on pivots only, whatever handler Axon finds for the rest. */
    static class OnlyPivots implements Predicate<Class<?>> {
        @Override
        public boolean test(Class<?> type) {
            return type == CurriculumPivoted.class;
        }
    }

    static class EveryEventButActsOnPivotsOnly {
        @EventHandler
        void on(CandidateShortlisted event) {
        }

        @EventHandler(payloadType = Object.class)
        @ActsOnlyOn(OnlyPivots.class)
        void on(EventMessage<?> message) {
        }
    }

    static class EveryPartnershipEvent {
        @EventHandler
        void on(PartnershipEvent event) {
        }
    }

    @Test
    void aReadModelOfAFewTypesReadsThoseAndStoredTypesWhoseClassIsGone() {
        Set<String> types = HandledTypes.of(List.of(FewTypes.class), () -> Map.of(ImpactRecorded.class.getName(), 90L,
                "org.partnershipledger.events.partnership.RenamedSinceThen", 10L), 0.5).orElseThrow();

        assertThat(types).containsExactlyInAnyOrder(CandidateShortlisted.class.getName(),
                PartnerSelected.class.getName(), "org.partnershipledger.events.partnership.RenamedSinceThen");
    }

    @Test
    void aHandlerOfEveryEventMeansNoFilter() {
        assertThat(HandledTypes.of(List.of(FewTypes.class, EveryEvent.class), () -> {
            throw new AssertionError("the store need not be scanned when every event is read");
        }, 0.5)).isEmpty();
        assertThat(HandledTypes.of(List.of(FewTypes.class, EveryMessage.class), Map::of, 0.5))
                .as("a handler of every message, its payload of any type").isEmpty();
    }

    @Test
    void aHandlerOfEveryEventThatActsOnSomeClassesOnlyReadsThoseWithTheOtherHandlersTypes() {
        Set<String> types = HandledTypes.of(List.of(EveryEventButActsOnPivotsOnly.class), Map::of, 0.5).orElseThrow();

        assertThat(types).containsExactlyInAnyOrder(CandidateShortlisted.class.getName(),
                CurriculumPivoted.class.getName());
    }

    @Test
    void aHandlerOfAnInterfaceReadsEveryEventClassThatImplementsIt() {
        Set<String> types = HandledTypes.of(List.of(EveryPartnershipEvent.class), Map::of, 0.5).orElseThrow();

        assertThat(types).contains(PartnershipOpened.class.getName(), PartnerSelected.class.getName())
                .doesNotContain(ImpactRecorded.class.getName(), PartnershipEvent.class.getName());
    }

    @Test
    void typesThatAreMostOfTheStoreAreReadWithEveryOtherEventThroughTheSharedReader() {
        Map<String, Long> stored = Map.of(CandidateShortlisted.class.getName(), 30L,
                PartnerSelected.class.getName(), 20L, ImpactRecorded.class.getName(), 50L);

        assertThat(HandledTypes.of(List.of(FewTypes.class), () -> stored, 0.5)).as("half of the store")
                .contains(Set.of(CandidateShortlisted.class.getName(), PartnerSelected.class.getName()));
        assertThat(HandledTypes.of(List.of(FewTypes.class), () -> stored, 0.4)).as("more than the share").isEmpty();
        assertThat(HandledTypes.of(List.of(FewTypes.class), () -> Map.of(CandidateShortlisted.class.getName(), 1L),
                0.5)).as("the whole store").isEmpty();
    }
}
