package org.partnershipledger.query.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.partnershipledger.events.partnership.*;
import org.partnershipledger.events.program.CurriculumModule;
import org.partnershipledger.events.program.CurriculumPivoted;
import org.partnershipledger.events.program.ModuleId;
import org.partnershipledger.events.program.PivotTrigger;
import org.partnershipledger.events.program.ProgramEvent;
import org.partnershipledger.events.program.ProgramId;
import org.partnershipledger.events.program.ProgramProposed;
import org.partnershipledger.query.history.LoggedEvent;
import org.partnershipledger.query.partnership.PartnershipView;
import org.partnershipledger.query.program.ProgramView;

/**
 * The partner policy, rule by rule, always with a competitor in the same partnership: Acme (c-1) is shortlisted,
 * assessed and selected, Rival (c-2) is shortlisted and assessed; both raise concerns, the client raises one about
 * Acme and one about no one, costs are shared, a charter is set and a review held, and a program runs.
 */
class PartnerPolicyTest {

    static final PartnershipId P = new PartnershipId("p-1");
    static final ProgramId G = new ProgramId("g-1");
    static final String ACME = "acme-learning";
    static final String RIVAL = "rival-academy";
    static final Instant T0 = Instant.parse("2026-07-01T09:00:00Z");

    final PartnerPolicy acme = new PartnerPolicy(ACME);
    final PartnerPolicy rival = new PartnerPolicy(RIVAL);
    final PartnershipView view = new PartnershipView();
    /** The event log of the partnership and its program, in position order. */
    final List<LoggedEvent> log = new ArrayList<>();
    long sequence;
    long programSequence;

    PartnerPolicyTest() {
        recorded(new PartnershipOpened(P, "Field sales academy", "Acme Retail", "Reps productive in 90 days",
                        List.of(new Kpi("ttq", "Time to quota", "days", BigDecimal.TEN, BigDecimal.ONE, null))),
                new CandidateShortlisted(P, "c-1", ACME, "Acme Learning", PartnerRole.TRAINING_PROVIDER),
                new CandidateShortlisted(P, "c-2", RIVAL, "Rival Academy", PartnerRole.TRAINING_PROVIDER),
                new DueDiligenceAssessed(P, "c-1", DueDiligenceCriterion.EXPERTISE, 4, List.of(), "Acme's references"),
                new DueDiligenceAssessed(P, "c-2", DueDiligenceCriterion.EXPERTISE, 5, List.of(), "Rival's references"),
                new PartnerSelected(P, "c-1", ACME, "Best fit"),
                new CostSharingAgreed(P, "EUR", BigDecimal.TEN, List.of(new CostShare("Sales", new BigDecimal("100"))),
                        "Sales pays"),
                new ConcernRaised(P, "k-1", Side.CLIENT, "Acme's materials are late", "d", ACME),
                new ConcernRaised(P, "k-2", Side.PARTNER, "Rival's own concern", "d", RIVAL),
                new ConcernRaised(P, "k-3", Side.CLIENT, "Budget is tight", "d", null),
                new ConcernResolved(P, "k-1", "Materials delivered"),
                new ConcernResolved(P, "k-2", "Answered"),
                new GovernanceCharterSet(P, GovernanceCadence.QUARTERLY, List.of("CLO")),
                new BusinessReviewHeld(P, "2026-Q3", List.of("CLO"), List.of("Internal decision"), List.of()),
                new ProgramProposed(G, P, "Consultative selling", List.of(), "Reps", List.of("ttq"),
                        List.of(new CurriculumModule(new ModuleId("m-1"), "Discovery")), 1));
    }

    void recorded(Object... events) {
        for (Object event : events) {
            long position = log.size() + 1;
            Instant at = T0.plusSeconds(position);
            if (event instanceof ProgramEvent) {
                log.add(entry(position, G.value(), "Program", programSequence++, at, event));
            } else {
                view.apply(event, sequence, at);
                log.add(entry(position, P.value(), "Partnership", sequence++, at, event));
            }
        }
    }

    static LoggedEvent entry(long position, String aggregateId, String aggregateType, long sequence, Instant at,
                             Object event) {
        return new LoggedEvent(position, "e-" + position, P.value(), aggregateId, aggregateType, sequence,
                event.getClass().getSimpleName(), at, "manager", null, null, null, null, null, event);
    }

    List<String> readableBy(PartnerPolicy partner) {
        PartnerPolicy.Standing standing = partner.standingIn(log).orElseThrow();
        return log.stream().filter(e -> partner.mayRead(e, standing)).map(PartnerPolicyTest::describe).toList();
    }

    static String describe(LoggedEvent e) {
        Object event = e.event();
        String about = event instanceof ConcernRaised c ? c.concernId()
                : event instanceof ConcernResolved c ? c.concernId()
                : event instanceof CandidateShortlisted c ? c.partnerId()
                : event instanceof DueDiligenceAssessed c ? c.partnerId()
                : event instanceof PartnerSelected c ? c.partnerId()
                : event instanceof CandidateDeclined c ? c.partnerId()
                : event instanceof PartnerOffboarded c ? c.partnerId()
                : null;
        return e.type() + (about == null ? "" : " " + about);
    }

    PartnershipView shownTo(PartnerPolicy partner) {
        return partner.partnership(view, version -> Optional.empty()).orElseThrow();
    }

    static ProgramView program(Instant lastChange) {
        ProgramView program = new ProgramView();
        program.programId = G.value();
        program.partnershipId = P.value();
        program.lastChange = lastChange;
        return program;
    }

    @Test
    void aPartnerSeesItsOwnCandidacyAndDueDiligenceAndNothingOfItsCompetitor() {
        PartnershipView shown = shownTo(acme);

        assertThat(shown.partners).extracting(p -> p.organizationId).containsExactly(ACME);
        assertThat(shown.partners.get(0).status).isEqualTo("SELECTED");
        assertThat(shown.partners.get(0).dueDiligence.get(DueDiligenceCriterion.EXPERTISE).notes())
                .isEqualTo("Acme's references");
        assertThat(shownTo(rival).partners).extracting(p -> p.organizationId).containsExactly(RIVAL);
        assertThat(view.partners).as("the board's view is left as it was").hasSize(2);
    }

    @Test
    void aPartnerSeesWhatThePartnershipIsButNoCostSplitCharterReviewsOrEndReason() {
        PartnershipView shown = shownTo(acme);

        assertThat(shown.name).isEqualTo("Field sales academy");
        assertThat(shown.kpis).hasSize(1);
        assertThat(shown.stage).isEqualTo(view.stage);
        assertThat(shown.version).isEqualTo(view.version);
        assertThat(shown.costSharing).isNull();
        assertThat(shown.governanceCharter).isNull();
        assertThat(shown.businessReviews).isEmpty();
        assertThat(shown.endReason).isNull();
    }

    @Test
    void aPartnerSeesNothingOfTheLifecycleNotEvenItsOwnScorecard() {
        recorded(new PartnerReviewRecorded(P, "c-1", ACME, "2026-Q3", 2, 2, 2, 2, "Internal view", List.of(), null),
                new AgreementSigned(P, LocalDate.parse("2026-01-01"), LocalDate.parse("2027-12-31"),
                        LocalDate.parse("2027-09-30"), List.of(), null),
                new ScopeExtended(P, List.of("LATAM"), List.of(), "Growth", List.of(), null),
                new CostShareAccepted(P, "Sales", "Head of Sales", List.of(), null),
                new SpendRecorded(P, "s-1", "Sales", "EUR", BigDecimal.ONE, "2026-Q3", "Days", List.of(), null));

        PartnershipView shown = shownTo(acme);

        assertThat(view.partnerReviews).as("the board sees it").hasSize(1);
        assertThat(shown.partnerReviews).isEmpty();
        assertThat(shown.agreement).isNull();
        assertThat(shown.scope.regions).isEmpty();
        assertThat(shown.budget).isEmpty();
        assertThat(shown.spend).isEmpty();
        assertThat(log.subList(log.size() - 5, log.size())).noneMatch(entry -> acme.mayRead(entry,
                acme.standingIn(log).orElseThrow()));
    }

    @Test
    void aPartnerSeesTheConcernsItRaisedOrThatNameIt() {
        assertThat(shownTo(acme).concerns).extracting(c -> c.concernId).containsExactly("k-1");
        assertThat(shownTo(rival).concerns).extracting(c -> c.concernId).containsExactly("k-2");
    }

    @Test
    void anOrganisationNeverShortlistedSeesNothing() {
        PartnerPolicy stranger = new PartnerPolicy("stranger-org");

        assertThat(stranger.standingIn(view)).isEmpty();
        assertThat(stranger.standingIn(log)).isEmpty();
        assertThat(stranger.partnership(view, version -> Optional.of(view))).isEmpty();
    }

    @Test
    void onlyASelectedPartnerWorksOnThePartnershipsPrograms() {
        ProgramView current = program(T0.plusSeconds(60));

        assertThat(acme.program(current, acme.standingIn(view).orElseThrow(), at -> Optional.empty()))
                .contains(current);
        assertThat(rival.program(current, rival.standingIn(view).orElseThrow(), at -> Optional.of(current)))
                .isEmpty();
    }

    @Test
    void aPartnerReadsOnlyTheHistoryEntriesOfItsCandidacyItsConcernsAndItsPrograms() {
        assertThat(readableBy(acme)).containsExactly("CandidateShortlisted c-1", "DueDiligenceAssessed c-1",
                "PartnerSelected c-1", "ConcernRaised k-1", "ConcernResolved k-1", "ProgramProposed");
        assertThat(readableBy(rival)).containsExactly("CandidateShortlisted c-2", "DueDiligenceAssessed c-2",
                "ConcernRaised k-2", "ConcernResolved k-2");
    }

    @Test
    void anEntryOfATypeThisVersionDoesNotKnowIsReadByNoPartner() {
        LoggedEvent unknown = entry(99, P.value(), "Partnership", sequence, T0.plusSeconds(99), "not an event");
        LoggedEvent undecoded = new LoggedEvent(100, "e-100", P.value(), P.value(), "Partnership", sequence + 1,
                "PartnershipRenamed", T0.plusSeconds(100), "manager", null, null, null, null, null, null);

        PartnerPolicy.Standing standing = acme.standingIn(view).orElseThrow();
        assertThat(acme.mayRead(unknown, standing)).isFalse();
        assertThat(acme.mayRead(undecoded, standing)).isFalse();
    }

    @Test
    void theStandingFoldedFromTheLogIsTheStandingOfTheView() {
        assertThat(acme.standingIn(log)).isEqualTo(acme.standingIn(view));
        assertThat(rival.standingIn(log)).isEqualTo(rival.standingIn(view));
    }

    @Test
    void anOffboardedPartnerReadsWhatHappenedUntilItLeftAndNothingAfter() {
        recorded(new PartnerOffboarded(P, "c-1", ACME, "Contract not renewed"));
        long offboardedAt = view.version;
        Instant leftAt = view.lastChange;
        recorded(new ConcernRaised(P, "k-4", Side.CLIENT, "Handover incomplete", "d", ACME),
                new CurriculumPivoted(G, 1, 2, "Later pivot", PivotTrigger.KPI_GAP, List.of(), List.of(), "CLO", null,
                        List.of()));

        assertThat(readableBy(acme)).containsExactly("CandidateShortlisted c-1", "DueDiligenceAssessed c-1",
                "PartnerSelected c-1", "ConcernRaised k-1", "ConcernResolved k-1", "ProgramProposed",
                "PartnerOffboarded c-1");

        List<Long> rewoundTo = new ArrayList<>();
        PartnershipView then = new PartnershipView();
        then.apply(log.get(0).event(), 0, T0);
        then.apply(log.get(1).event(), 1, T0);
        then.apply(new PartnerOffboarded(P, "c-1", ACME, "Contract not renewed"), offboardedAt, leftAt);
        PartnershipView shown = acme.partnership(view, version -> {
            rewoundTo.add(version);
            return Optional.of(then);
        }).orElseThrow();
        assertThat(rewoundTo).as("the partnership as it was at the offboarding").containsExactly(offboardedAt);
        assertThat(shown.version).isEqualTo(offboardedAt);
        assertThat(shown.partners.get(0).status).isEqualTo("OFFBOARDED");
        assertThat(shown.partners.get(0).departureReason).isEqualTo("Contract not renewed");

        PartnerPolicy.Standing standing = acme.standingIn(view).orElseThrow();
        ProgramView asItWas = program(leftAt.minusSeconds(5));
        List<Instant> askedFor = new ArrayList<>();
        assertThat(acme.program(program(leftAt.plusSeconds(5)), standing, at -> {
            askedFor.add(at);
            return Optional.of(asItWas);
        })).contains(asItWas);
        assertThat(askedFor).containsExactly(leftAt);
        ProgramView unchangedSince = program(leftAt.minusSeconds(1));
        assertThat(acme.program(unchangedSince, standing, at -> Optional.empty())).contains(unchangedSince);
    }

    @Test
    void aDeclinedCandidateReadsUntilItsDeclineAndNeverAProgram() {
        recorded(new CandidateDeclined(P, "c-2", RIVAL, "Weaker on budget"),
                new ConcernRaised(P, "k-5", Side.CLIENT, "Rival complains publicly", "d", RIVAL));

        assertThat(readableBy(rival)).containsExactly("CandidateShortlisted c-2", "DueDiligenceAssessed c-2",
                "ConcernRaised k-2", "ConcernResolved k-2", "CandidateDeclined c-2");
        PartnerPolicy.Standing standing = rival.standingIn(view).orElseThrow();
        assertThat(standing.hasLeft()).isTrue();
        assertThat(standing.selected()).isFalse();
        assertThat(rival.program(program(T0), standing, at -> Optional.of(program(T0)))).isEmpty();
        Predicate<LoggedEvent> acmeReads = e -> acme.mayRead(e, acme.standingIn(log).orElseThrow());
        assertThat(log.stream().filter(acmeReads).map(LoggedEvent::type))
                .as("nothing of the competitor's decline reaches Acme").doesNotContain("CandidateDeclined");
    }

    @Test
    void itReadsItsSelectionWithoutTheReviewThatDecidedItNorEvidenceThatIsAReview() throws Exception {
        com.fasterxml.jackson.databind.JsonNode payload = new com.fasterxml.jackson.databind.ObjectMapper().readTree("""
                {"partnershipId": "p-1", "partnerId": "c-1", "reason": "Best fit", "decisionRef": "2026-Q3",
                 "evidence": [{"type": "BUSINESS_REVIEW", "ref": "2026-Q3"},
                              {"type": "DOCUMENT", "ref": "https://example.com/references.pdf"}]}""");
        LoggedEvent selection = new LoggedEvent(9, "e-9", P.value(), P.value(), "Partnership", 5, "PartnerSelected",
                T0, "manager", "Best fit", "Partner acme-learning selected: Best fit", payload, null, null, null);

        LoggedEvent shown = acme.shown(selection);

        assertThat(shown.decisionRef()).isNull();
        assertThat(shown.evidence()).extracting(org.partnershipledger.events.common.Evidence::ref)
                .containsExactly("https://example.com/references.pdf");
        assertThat(selection.decisionRef()).as("the entry itself is left as it was").isEqualTo("2026-Q3");
        LoggedEvent plain = log.get(0);
        assertThat(acme.shown(plain)).isSameAs(plain);
    }
}
