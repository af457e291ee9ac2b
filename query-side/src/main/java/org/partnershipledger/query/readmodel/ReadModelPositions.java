package org.partnershipledger.query.readmodel;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Records, per processor, the global position its read model reflects and the positions below it not seen yet
 * (transactions still open when later ones committed): once per batch, in the batch's own transaction, so the
 * record never runs ahead of the data. Read for {@code X-Ledger-Position} and by the event stream.
 */
public class ReadModelPositions implements MessageHandlerInterceptor<EventMessage<?>> {

    private static final String RESOURCE = ReadModelPositions.class.getName();
    private final JdbcClient jdbc;
    private final String processor;

    /** The position reached and the gaps below it, as the token of the last event of a batch had them. */
    private record Reached(long position, Set<Long> gaps) {
    }

    public ReadModelPositions(JdbcClient jdbc, String processor) {
        this.jdbc = jdbc;
        this.processor = processor;
    }

    @Override
    public Object handle(UnitOfWork<? extends EventMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        Object result = chain.proceed();
        if (unitOfWork.getMessage() instanceof TrackedEventMessage<?> tracked) {
            // the processor's progress (highest position reached, and the gaps below it), not the event's own
            // position: an event that fills a gap has the token of a later one (see EventPositions)
            TrackingToken token = WrappedToken.unwrapUpperBound(tracked.trackingToken());
            token.position().ifPresent(position -> remember(unitOfWork, new Reached(position,
                    token instanceof GapAwareTrackingToken gapAware ? gapAware.getGaps() : Set.of())));
        }
        return result;
    }

    private void remember(UnitOfWork<?> unitOfWork, Reached reached) {
        UnitOfWork<?> root = unitOfWork.root();
        @SuppressWarnings("unchecked")
        Map<String, Reached> highest = (Map<String, Reached>) root.resources().computeIfAbsent(RESOURCE, key -> {
            Map<String, Reached> positions = new HashMap<>();
            root.onPrepareCommit(u -> positions.forEach(this::store));
            return positions;
        });
        highest.merge(processor, reached, (a, b) -> b.position() >= a.position() ? b : a);
    }

    private void store(String processorName, Reached reached) {
        jdbc.sql("""
                        INSERT INTO query_side.read_model_position (processor, position, gaps) VALUES (?, ?, ?)
                        ON CONFLICT (processor) DO UPDATE
                        SET position = GREATEST(read_model_position.position, EXCLUDED.position),
                            gaps = CASE WHEN EXCLUDED.position >= read_model_position.position THEN EXCLUDED.gaps
                                        ELSE read_model_position.gaps END""")
                .params(processorName, reached.position(), reached.gaps().toArray(Long[]::new)).update();
    }

    /**
     * Before the first event: the position {@code after} takes for "from the beginning". Positions start at 1 on
     * PostgreSQL and at 0 on Axon Server, so 0 cannot mean "nothing yet" on both.
     */
    public static final long NONE = -1;

    /** The position the processor's read model reflects; {@link #NONE} before it has handled anything. */
    public static long of(JdbcClient jdbc, String processor) {
        return jdbc.sql("SELECT position FROM query_side.read_model_position WHERE processor = ?")
                .param(processor).query(Long.class).optional().orElse(NONE);
    }

    /**
     * Sets the processor's position to what {@code token} has reached, lower than the stored one if need be (a
     * rebuild in segments hands the live processor its least advanced segment's token); none when it has reached
     * nothing.
     */
    static void reset(JdbcClient jdbc, String processor, TrackingToken token) {
        jdbc.sql("DELETE FROM query_side.read_model_position WHERE processor = ?").param(processor).update();
        if (token != null && token.position().isPresent()) {
            Set<Long> gaps = token instanceof GapAwareTrackingToken gapAware ? gapAware.getGaps() : Set.of();
            jdbc.sql("INSERT INTO query_side.read_model_position (processor, position, gaps) VALUES (?, ?, ?)")
                    .params(processor, token.position().getAsLong(), gaps.toArray(Long[]::new)).update();
        }
    }

    /** The positions below {@link #of} the processor has not seen yet, lowest first. */
    public static List<Long> gapsOf(JdbcClient jdbc, String processor) {
        return jdbc.sql("SELECT unnest(gaps) FROM query_side.read_model_position WHERE processor = ? ORDER BY 1")
                .param(processor).query(Long.class).list();
    }
}
