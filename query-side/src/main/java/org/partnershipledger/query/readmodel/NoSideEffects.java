package org.partnershipledger.query.readmodel;

import java.lang.reflect.Executable;
import java.lang.reflect.Member;
import java.util.Optional;
import javax.annotation.Nonnull;
import org.axonframework.common.annotation.AnnotationUtils;
import org.axonframework.eventhandling.AllowReplay;
import org.axonframework.messaging.HandlerAttributes;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.annotation.HandlerDefinition;
import org.axonframework.messaging.annotation.MessageHandlingMember;
import org.axonframework.messaging.annotation.ParameterResolverFactory;
import org.axonframework.messaging.annotation.WrappedMessageHandlingMember;

/**
 * The handlers of a rebuild's copy of a read model: those that may not replay ({@code @DisallowReplay} on the
 * method or its class: side effects) do nothing, whatever the token. A copy reads the whole history and is never
 * the one to act on an event (the live processor fires them for new events), so it needs no replay token for
 * that: one would cost, for every event and processor, a new token worked out from two (Axon's
 * {@code ReplayToken.advancedTo}), about a tenth of a rebuild's processor time. A handler left silent still takes
 * its events, as Axon's own replay blocking does, so no other handler of the class gets them instead.
 */
final class NoSideEffects implements HandlerDefinition {

    private final HandlerDefinition delegate;

    NoSideEffects(HandlerDefinition delegate) {
        this.delegate = delegate;
    }

    @Override
    public <T> Optional<MessageHandlingMember<T>> createHandler(@Nonnull Class<T> declaringType,
                                                                @Nonnull Executable executable,
                                                                @Nonnull ParameterResolverFactory parameters) {
        return delegate.createHandler(declaringType, executable, parameters)
                .map(member -> replayAllowed(member) ? member : new Silent<>(member));
    }

    /** As Axon decides it: the handler's own attribute, else its class's annotation, else allowed. */
    static boolean replayAllowed(MessageHandlingMember<?> member) {
        return member.<Boolean>attribute(HandlerAttributes.ALLOW_REPLAY)
                .orElseGet(() -> member.unwrap(Member.class)
                        .flatMap(m -> AnnotationUtils.findAnnotationAttributes(m.getDeclaringClass(),
                                AllowReplay.class))
                        .map(attributes -> (Boolean) attributes.getOrDefault("allowReplay", Boolean.TRUE))
                        .orElse(Boolean.TRUE));
    }

    /** A handler that takes its events and does nothing with them. */
    private static final class Silent<T> extends WrappedMessageHandlingMember<T> {

        Silent(MessageHandlingMember<T> original) {
            super(original);
        }

        @Override
        public Object handle(@Nonnull Message<?> message, T target) {
            return null;
        }

        @Override
        public <R> Optional<R> attribute(String key) {
            return HandlerAttributes.ALLOW_REPLAY.equals(key) ? Optional.of(cast(Boolean.FALSE)) : super.attribute(key);
        }

        @SuppressWarnings("unchecked")
        private static <R> R cast(Object value) {
            return (R) value;
        }
    }
}
