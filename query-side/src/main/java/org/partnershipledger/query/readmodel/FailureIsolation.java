package org.partnershipledger.query.readmodel;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.annotation.Nonnull;
import javax.sql.DataSource;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.annotation.HandlerEnhancerDefinition;
import org.axonframework.messaging.annotation.MessageHandlingMember;
import org.axonframework.messaging.annotation.WrappedMessageHandlingMember;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.partnershipledger.platform.web.StoreUnavailable;
import org.springframework.jdbc.datasource.DataSourceUtils;

/**
 * One event that a projection cannot handle costs only that event (and the later events of its aggregate, which
 * park behind it in the dead-letter queue), never the batch around it or the processor.
 *
 * <p>Why it needs more than the dead-letter queue: a processor handles a batch of events in one transaction, and
 * PostgreSQL refuses every statement of a transaction after one has failed, so the letter could not even be
 * written; rows written in JDBC batches fail only at commit, where no single event is to blame; and a handler that
 * threw halfway has left half its writes. So a batch runs as usual (fast), but if anything in it fails, the whole
 * batch is rolled back and handled again carefully: event by event, each in a savepoint, batched rows written at
 * once. The event that fails then has its own writes undone and is parked with its cause; the rest commits.
 */
public final class FailureIsolation {

    private enum Mode { BATCHED, CAREFUL }

    private static final ThreadLocal<Mode> MODE = new ThreadLocal<>();
    private static final ThreadLocal<Boolean> FAILED = new ThreadLocal<>();
    /** Set when a careful handler failed for a passing reason: the batch is rolled back and tried again later. */
    private static final ThreadLocal<Boolean> PASSING = new ThreadLocal<>();
    /** SQLStates of a busy database: deadlock or serialization failure, lock and statement timeouts. */
    private static final List<String> BUSY_STATES = List.of("40", "55P03", "57014");

    private FailureIsolation() {
    }

    /** Whether the event being handled on this thread is handled carefully (its writes go out at once). */
    public static boolean careful() {
        return MODE.get() == Mode.CAREFUL;
    }

    /** Thrown to roll back a batch in which a handler failed, so that it is handled again carefully. */
    static final class HandleCarefully extends RuntimeException {
        HandleCarefully(String processor, long position, String why) {
            super("A handler of " + processor + " failed at position " + position + " (" + why
                    + "); the batch is rolled back and handled again event by event");
        }
    }

    /**
     * Whether a failure says nothing about the event: the database was busy or away. Such an event is not parked
     * (it would stay out of the read model until someone retried it by hand); its batch is tried again instead.
     */
    static boolean passing(Throwable failure) {
        if (StoreUnavailable.causedBy(failure)) {
            return true;
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof org.springframework.dao.TransientDataAccessException
                    || cause instanceof SQLException sql && sql.getSQLState() != null
                    && BUSY_STATES.stream().anyMatch(sql.getSQLState()::startsWith)) {
                return true;
            }
        }
        return false;
    }

    /** Per processor: decides how each event is handled and remembers which batch failed. */
    public static final class Guard implements MessageHandlerInterceptor<EventMessage<?>> {

        private final String processor;
        private final String resource = ResourceKeys.of(this);
        /**
         * By segment: events at or below this token position are handled carefully, as a batch up to there failed. A
         * batch of one segment of a processor says nothing of another's; the state outlives the segment's thread (a
         * processor started again handles its failed batch carefully still).
         */
        private final Map<Integer, Long> carefulUntil = new ConcurrentHashMap<>();
        /** Where Axon's tracking processor puts a batch's segment and last token among the unit of work's resources. */
        private final String segmentKey;
        private final String lastTokenKey;

        public Guard(String processor) {
            this.processor = processor;
            this.segmentKey = "Processor[" + processor + "]/SegmentId";
            this.lastTokenKey = "Processor[" + processor + "]/Token";
        }

        @Override
        public Object handle(@Nonnull UnitOfWork<? extends EventMessage<?>> unitOfWork, @Nonnull InterceptorChain chain)
                throws Exception {
            long position = tokenPosition(unitOfWork.getMessage());
            UnitOfWork<?> root = unitOfWork.root();
            int segment = root.resources().get(segmentKey) instanceof Integer id ? id : 0;
            long[] highest = root.getOrComputeResource(resource, key -> {
                long[] reached = {Long.MIN_VALUE};
                // the whole batch, to its last event: handled again event by event, every failing event in it is
                // parked in that one pass (up to the failed event only, each later failure cost one more pass)
                root.onRollback(u -> carefulUntil.merge(segment,
                        Math.max(reached[0], tokenPosition(root.resources().get(lastTokenKey), Long.MIN_VALUE)),
                        Math::max));
                // once a batch beyond the failed one has committed, back to batches (a replay from the start
                // must not run event by event)
                root.afterCommit(u ->
                        carefulUntil.computeIfPresent(segment, (id, until) -> reached[0] > until ? null : until));
                return reached;
            });
            highest[0] = Math.max(highest[0], position);
            boolean careful = position <= carefulUntil.getOrDefault(segment, Long.MIN_VALUE);
            MODE.set(careful ? Mode.CAREFUL : Mode.BATCHED);
            FAILED.set(false);
            PASSING.set(false);
            try {
                Object result = chain.proceed();
                if (!careful && FAILED.get()) {
                    throw new HandleCarefully(processor, position, "a handler failed");
                }
                if (careful && PASSING.get()) {
                    throw new HandleCarefully(processor, position, "the database failed for a passing reason");
                }
                return result;
            } finally {
                MODE.remove();
                FAILED.remove();
                PASSING.remove();
            }
        }

        private static long tokenPosition(EventMessage<?> message) {
            return message instanceof TrackedEventMessage<?> tracked
                    ? tokenPosition(tracked.trackingToken(), Long.MAX_VALUE) : Long.MAX_VALUE;
        }

        private static long tokenPosition(Object token, long otherwise) {
            return token instanceof TrackingToken tracking
                    ? WrappedToken.unwrapUpperBound(tracking).position().orElse(otherwise) : otherwise;
        }
    }

    /** Wraps every event handler: notes a failure in a batch, and gives each event a savepoint when careful. */
    public static final class Savepoints implements HandlerEnhancerDefinition {

        private final DataSource dataSource;

        public Savepoints(DataSource dataSource) {
            this.dataSource = dataSource;
        }

        @Override
        public <T> MessageHandlingMember<T> wrapHandler(@Nonnull MessageHandlingMember<T> original) {
            if (!original.canHandleMessageType(EventMessage.class)) {
                return original;
            }
            return new WrappedMessageHandlingMember<>(original) {
                @Override
                public Object handle(@Nonnull Message<?> message, T target) throws Exception {
                    Mode mode = MODE.get();
                    if (mode == null) {
                        return super.handle(message, target);
                    }
                    if (mode == Mode.BATCHED) {
                        try {
                            return super.handle(message, target);
                        } catch (Exception | Error e) {
                            FAILED.set(true);
                            throw e;
                        }
                    }
                    return inSavepoint(message, target);
                }

                private Object inSavepoint(Message<?> message, T target) throws Exception {
                    // the processor's transaction's connection, the one the projection's statements run on
                    Connection connection = DataSourceUtils.getConnection(dataSource);
                    try {
                        Savepoint savepoint = connection.setSavepoint();
                        try {
                            Object result = super.handle(message, target);
                            connection.releaseSavepoint(savepoint);
                            return result;
                        } catch (Exception | Error e) {
                            try {
                                connection.rollback(savepoint);
                            } catch (SQLException rollback) {
                                e.addSuppressed(rollback);
                            }
                            if (passing(e)) {
                                PASSING.set(true);
                            }
                            // the dead-letter queue parks exceptions only: an Error would stop the processor
                            if (e instanceof Error error) {
                                throw new IllegalStateException(error);
                            }
                            throw (Exception) e;
                        }
                    } finally {
                        DataSourceUtils.releaseConnection(connection, dataSource);
                    }
                }
            };
        }
    }
}
