package org.partnershipledger.query.readmodel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GenericTrackedEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.messaging.annotation.ClasspathHandlerDefinition;
import org.axonframework.messaging.annotation.ClasspathParameterResolverFactory;
import org.junit.jupiter.api.Test;

/**
 * A rebuild's copy reads the history on a plain token, not a replay token: its handlers that may not replay must be
 * silent all the same, and only those.
 */
class NoSideEffectsTest {

    /** Events on a plain token, as a rebuild's copy gets them. */
    static TrackedEventMessage<?> onAPlainToken(Object payload) {
        return new GenericTrackedEventMessage<>(GapAwareTrackingToken.newInstance(7, Set.of()),
                GenericEventMessage.asEventMessage(payload));
    }

    static void handle(Object projection, Object payload, boolean copy) throws Exception {
        var handlers = ClasspathHandlerDefinition.forClass(projection.getClass());
        new AnnotationEventHandlerAdapter(projection, ClasspathParameterResolverFactory.forClass(projection.getClass()),
                copy ? new NoSideEffects(handlers) : handlers).handle(onAPlainToken(payload));
    }

    static class Mailer {
        final List<Object> sent = new ArrayList<>();
        final List<Object> recorded = new ArrayList<>();

        @EventHandler
        @DisallowReplay
        void on(String event) {
            sent.add(event);
        }

        @EventHandler
        void on(Integer event) {
            recorded.add(event);
        }

        /** Would take the strings if the handler above gave them up. */
        @EventHandler
        void on(CharSequence event) {
            recorded.add(event);
        }
    }

    @DisallowReplay
    static class Notifier {
        final List<Object> sent = new ArrayList<>();

        @EventHandler
        void on(String event) {
            sent.add(event);
        }
    }

    @Test
    void aCopysHandlerThatMayNotReplayIsSilentOnAPlainToken() throws Exception {
        Mailer copy = new Mailer();
        handle(copy, "welcome", true);
        handle(copy, 42, true);

        assertThat(copy.sent).isEmpty();
        assertThat(copy.recorded).as("other handlers act, and none takes the silenced one's events").containsExactly(42);
    }

    @Test
    void aClassThatMayNotReplayIsSilentInACopy() throws Exception {
        Notifier copy = new Notifier();
        handle(copy, "welcome", true);

        assertThat(copy.sent).isEmpty();
    }

    @Test
    void theLiveProjectionStillActsOnAPlainToken() throws Exception {
        Mailer live = new Mailer();
        handle(live, "welcome", false);
        Notifier notifier = new Notifier();
        handle(notifier, "welcome", false);

        assertThat(live.sent).containsExactly("welcome");
        assertThat(notifier.sent).containsExactly("welcome");
    }
}
