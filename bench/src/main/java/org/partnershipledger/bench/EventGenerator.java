package org.partnershipledger.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.serialization.Revision;
import org.partnershipledger.events.common.Evidence;
import org.partnershipledger.events.common.EvidenceType;
import org.partnershipledger.events.partnership.*;
import org.partnershipledger.events.program.*;

/**
 * Fills the event store with realistic partnership lives (selection, onboarding, governance, four programs each
 * with cohorts, impact records, a pivot and a withdrawal), interleaved fifty lives at a time the way concurrent
 * work would be, written straight into the event table in batches.
 */
final class EventGenerator {

    private record Event(String aggregateId, String type, long sequence, Object payload) {
    }

    private static final List<Evidence> REFERENCES = List.of(new Evidence(EvidenceType.DOCUMENT,
            "https://dms.example/due-diligence/references.pdf", "References"));

    private final ObjectMapper json;

    EventGenerator(ObjectMapper json) {
        this.json = json;
    }

    /** Writes about {@code events} events; returns how many were written. */
    long write(BenchDatabase db, long events) throws Exception {
        long written = 0;
        Instant time = Instant.now().minusSeconds(3600);
        try (Connection connection = db.connect(); PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO event_store.domain_event_entry (event_identifier, aggregate_identifier, sequence_number,
                    type, time_stamp, payload_type, payload_revision, payload, meta_data)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
            connection.setAutoCommit(false);
            while (written < events) {
                List<Iterator<Event>> lives = new ArrayList<>();
                for (int i = 0; i < 50 && written + (long) i * 250 < events; i++) {
                    lives.add(life().iterator());
                }
                while (!lives.isEmpty()) {
                    for (Iterator<Iterator<Event>> it = lives.iterator(); it.hasNext(); ) {
                        Iterator<Event> life = it.next();
                        if (!life.hasNext()) {
                            it.remove();
                            continue;
                        }
                        Event event = life.next();
                        time = time.plusMillis(1);
                        insert.setString(1, UUID.randomUUID().toString());
                        insert.setString(2, event.aggregateId());
                        insert.setLong(3, event.sequence());
                        insert.setString(4, event.type());
                        insert.setString(5, time.toString());
                        insert.setString(6, event.payload().getClass().getName());
                        insert.setString(7, event.payload().getClass().getAnnotation(Revision.class).value());
                        insert.setBytes(8, json.writeValueAsBytes(event.payload()));
                        insert.setBytes(9, json.writeValueAsBytes(metadata()));
                        insert.addBatch();
                        if (++written % 2000 == 0) {
                            insert.executeBatch();
                            connection.commit();
                        }
                    }
                }
            }
            insert.executeBatch();
            connection.commit();
        }
        return written;
    }

    private static Map<String, Object> metadata() {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("actor", "bench-manager");
        metadata.put("reason", "Generated for the benchmark");
        metadata.put("correlationId", UUID.randomUUID().toString());
        metadata.put("causationId", UUID.randomUUID().toString());
        return metadata;
    }

    /** One partnership's life: 10 partnership events and 4 programs of 60 events each. */
    private static List<Event> life() {
        PartnershipId p = new PartnershipId(UUID.randomUUID().toString());
        List<Event> events = new ArrayList<>();
        Kpi kpi = new Kpi("ttq", "Time to quota", "days", new BigDecimal("120"), new BigDecimal("90"), null);
        List<Object> partnership = List.of(
                new PartnershipOpened(p, "Academy " + p.value().substring(0, 8), "Client", "Vision", List.of(kpi)),
                new CandidateShortlisted(p, "c-1", "org-" + p.value().substring(0, 8), "Partner", PartnerRole.MOOC),
                new DueDiligenceAssessed(p, "c-1", DueDiligenceCriterion.EXPERTISE, 4, REFERENCES, null),
                new DueDiligenceAssessed(p, "c-1", DueDiligenceCriterion.ON_TIME_DELIVERY, 4, REFERENCES, null),
                new DueDiligenceAssessed(p, "c-1", DueDiligenceCriterion.WITHIN_BUDGET, 4, REFERENCES, "Quote"),
                new PartnerSelected(p, "c-1", "org-" + p.value().substring(0, 8), "Best fit"),
                new OnboardingStarted(p), new OnboardingCompleted(p, "Done"),
                new GovernanceCharterSet(p, GovernanceCadence.QUARTERLY, List.of("CLO")),
                new BusinessReviewHeld(p, "2026-Q3", List.of("CLO"), List.of("Go on"), List.of(new ReviewAction(
                        "2026-Q3-1", "Measure", Side.CLIENT, "CLO", LocalDate.parse("2026-10-31")))));
        for (int s = 0; s < partnership.size(); s++) {
            events.add(new Event(p.value(), "Partnership", s, partnership.get(s)));
        }
        for (int g = 0; g < 4; g++) {
            ProgramId program = new ProgramId(UUID.randomUUID().toString());
            List<Object> programEvents = new ArrayList<>();
            CurriculumModule module = new CurriculumModule(new ModuleId(UUID.randomUUID().toString()), "Discovery");
            programEvents.add(new ProgramProposed(program, p, "Program " + g, List.of("o"), "Reps", List.of("ttq"),
                    List.of(module), 1));
            programEvents.add(new ProgramApproved(program, "CLO"));
            programEvents.add(new CohortScheduled(program, "co-1", "EMEA", LocalDate.parse("2026-03-01"), 20));
            // impact ids are unique across the store, as the command side makes them
            List<String> impacts = new ArrayList<>();
            for (int i = 0; i < 55; i++) {
                impacts.add(UUID.randomUUID().toString());
                programEvents.add(new ImpactRecorded(program, impacts.get(i), 1 + i % 4, "ttq", BigDecimal.valueOf(100 + i % 10),
                        "days", "co-1", "EMEA", LocalDate.parse("2026-01-01"), LocalDate.parse("2026-03-31"),
                        ImpactSource.BI, List.of("bi://ttq"), null, null, i < 30 ? 1 : 2));
                if (i == 29) {
                    programEvents.add(new CurriculumPivoted(program, 1, 2, "KPI gap", PivotTrigger.KPI_GAP,
                            List.of(new CurriculumModule(new ModuleId(UUID.randomUUID().toString()), "AI")), List.of(),
                            "CLO", null, List.of(module)));
                }
            }
            programEvents.add(new ImpactWithdrawn(program, impacts.get(3), "Wrong extract"));
            for (int s = 0; s < programEvents.size(); s++) {
                events.add(new Event(program.value(), "Program", s, programEvents.get(s)));
            }
        }
        return events;
    }
}
