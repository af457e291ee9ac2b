package org.partnershipledger.query.decision;

import com.fasterxml.jackson.databind.JsonNode;
import java.lang.reflect.RecordComponent;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.partnershipledger.events.common.LedgerMetadata;
import org.partnershipledger.events.partnership.BusinessReviewHeld;
import org.partnershipledger.events.partnership.PartnershipEvent;
import org.partnershipledger.events.program.ProgramProposed;
import org.partnershipledger.query.readmodel.ActsOnlyOn;
import org.partnershipledger.query.readmodel.BatchedWrites;
import org.partnershipledger.query.readmodel.EventMetadata;
import org.partnershipledger.query.readmodel.EventPositions;
import org.partnershipledger.query.readmodel.Json;
import org.partnershipledger.query.readmodel.Owns;
import org.partnershipledger.query.readmodel.Storable;
import org.partnershipledger.query.readmodel.Tables;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;

/**
 * Decisions by review: each business review held, and every event that names one as its {@code decisionRef}, from
 * the partnership or any of its programs. Generic over payloads: an event counts when its record has a non-null
 * {@code decisionRef}, so a decision added later is covered without a change here. Redelivery changes nothing (a
 * review is keyed by partnership and period, a decision by its own position); a reset empties the tables.
 */
@Component
@ProcessingGroup(ReviewDecisionProjection.NAME)
@Owns({"query_side.business_review", "query_side.review_decision", "query_side.review_program"})
class ReviewDecisionProjection {

    static final String NAME = "review-decisions";
    static final String DECISION_REF = "decisionRef";

    /** Which event classes carry a decisionRef at all, so other events cost a map look-up. */
    private static final Map<Class<?>, Boolean> DECIDES = new ConcurrentHashMap<>();
    private static final NamesAReview NAMES_A_REVIEW = new NamesAReview();
    /** Where a decision's row has its partnership and its aggregate. */
    private static final int PARTNERSHIP = 2;
    private static final int AGGREGATE = 4;

    private final Tables tables;
    private final Json json;
    private final EventPositions positions;
    /** Which partnership each program was proposed in; batched with the processor's batch. */
    private final BatchedWrites programs;
    /**
     * The decisions, batched too: a program's decision is given its partnership when the batch is written, for all
     * of the batch's programs in one query ({@link #withPartnerships}), rather than one query and one insert each.
     */
    private final BatchedWrites decisions;

    ReviewDecisionProjection(Tables tables, Json json, EventPositions positions) {
        this.tables = tables;
        this.json = json;
        this.positions = positions;
        this.programs = tables.batched("""
                INSERT INTO query_side.review_program (program_id, partnership_id) VALUES (?, ?)
                ON CONFLICT (program_id) DO NOTHING""");
        this.decisions = tables.batched("""
                INSERT INTO query_side.review_decision (position, event_id, partnership_id, decision_ref,
                    aggregate_id, aggregate_type, sequence_number, type, occurred_at, actor, reason, payload,
                    correlation_id, causation_id)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, CAST(? AS jsonb), ?, ?)
                ON CONFLICT (position) DO NOTHING""", this::withPartnerships);
    }

    @EventHandler
    void on(ProgramProposed event) {
        programs.add(event.programId().value(), event.partnershipId().value());
    }

    @EventHandler
    void on(BusinessReviewHeld event, DomainEventMessage<?> message) {
        tables.sql("""
                        INSERT INTO query_side.business_review (partnership_id, period, event_id, position, held_at,
                            recorded_by, attendees, decisions)
                        VALUES (?, ?, ?, ?, ?, ?, CAST(? AS jsonb), CAST(? AS jsonb))
                        ON CONFLICT (partnership_id, period) DO NOTHING""")
                .params(event.partnershipId().value(), event.period(), message.getIdentifier(),
                        positions.of(message), Timestamp.from(message.getTimestamp()),
                        EventMetadata.actor(message), json.write(event.attendees()), json.write(event.decisions()))
                .update();
    }

    /**
     * Any other event: recorded when its payload names a review. Told by its type first, so the payload of an event
     * that cannot name one is not deserialised; and a rebuild reads only the events of the types that can.
     */
    @EventHandler(payloadType = Object.class)
    @ActsOnlyOn(NamesAReview.class)
    void on(DomainEventMessage<?> message) {
        if (!DECIDES.computeIfAbsent(message.getPayloadType(), NAMES_A_REVIEW::test)) {
            return;
        }
        Object event = message.getPayload();
        JsonNode payload = json.tree(event);
        JsonNode ref = payload.path(DECISION_REF);
        if (!ref.isTextual() || ref.asText().isBlank()) {
            return;
        }
        // a program's event: its partnership is found when the batch is written
        String partnershipId = event instanceof PartnershipEvent ? message.getAggregateIdentifier() : null;
        decisions.add(positions.of(message), message.getIdentifier(), partnershipId, ref.asText(),
                message.getAggregateIdentifier(), message.getType(), message.getSequenceNumber(),
                event.getClass().getSimpleName(), Timestamp.from(message.getTimestamp()),
                EventMetadata.actor(message), EventMetadata.reason(message), Storable.json(payload.toString()),
                EventMetadata.text(message, LedgerMetadata.CORRELATION_ID),
                EventMetadata.text(message, LedgerMetadata.CAUSATION_ID));
    }

    /**
     * Gives each program's decision the partnership the program was proposed in, after writing the proposals still
     * pending (the batch's own among them); leaves out a decision of a program proposed in none.
     */
    private List<Object[]> withPartnerships(List<Object[]> rows) {
        Set<String> programIds = new HashSet<>();
        rows.stream().filter(row -> row[PARTNERSHIP] == null).forEach(row -> programIds.add((String) row[AGGREGATE]));
        if (programIds.isEmpty()) {
            return rows;
        }
        programs.flush();
        Map<String, String> partnerships = new HashMap<>();
        tables.direct("""
                        SELECT p.program_id, p.partnership_id FROM query_side.review_program p
                        JOIN unnest(CAST(? AS text[])) AS wanted(id) ON p.program_id = wanted.id""")
                .param(programIds.toArray(String[]::new))
                .query((RowCallbackHandler) rs -> partnerships.put(rs.getString(1), rs.getString(2)));
        List<Object[]> completed = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            if (row[PARTNERSHIP] == null) {
                String partnershipId = partnerships.get((String) row[AGGREGATE]);
                if (partnershipId == null) {
                    continue; // not an event of a partnership or of a program proposed in one
                }
                row = row.clone();
                row[PARTNERSHIP] = partnershipId;
            }
            completed.add(row);
        }
        return completed;
    }

    @ResetHandler
    void reset() {
        tables.sql("TRUNCATE query_side.business_review, query_side.review_decision, query_side.review_program")
                .update();
        tables.forgetPosition();
    }

    /** The event classes whose records have a {@code decisionRef}: the only ones that can name a review. */
    static final class NamesAReview implements Predicate<Class<?>> {

        @Override
        public boolean test(Class<?> type) {
            RecordComponent[] components = type.getRecordComponents();
            return components != null
                    && Arrays.stream(components).anyMatch(component -> component.getName().equals(DECISION_REF));
        }
    }
}
