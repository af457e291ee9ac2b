package org.partnershipledger.query.integration;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Optional;
import org.partnershipledger.platform.web.ProblemCode;
import org.partnershipledger.query.http.Refused;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Where webhooks may go: hosts that resolve to public addresses only ({@link TargetAddresses}), unless
 * {@code ledger.webhooks.allow-private-targets} is set (for a ledger on a workstation whose receivers run beside it).
 * Checked when a subscription is made and again before every delivery, since a name may later resolve elsewhere
 * (DNS rebinding). The check resolves the host as the HTTP client does, through the JVM's resolver and its cache
 * of answers, so the addresses checked are the ones the delivery connects to.
 */
@Component
class WebhookTargets {

    /** Resolves a host name (or an address literal) to its addresses. */
    interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    private final boolean allowPrivate;
    private final Resolver resolver;

    @Autowired
    WebhookTargets(@Value("${ledger.webhooks.allow-private-targets:false}") boolean allowPrivate) {
        this(allowPrivate, InetAddress::getAllByName);
    }

    WebhookTargets(boolean allowPrivate, Resolver resolver) {
        this.allowPrivate = allowPrivate;
        this.resolver = resolver;
    }

    /**
     * Refuses a subscription whose host resolves to a forbidden address. A host that does not resolve (yet) is
     * accepted: every delivery checks again.
     */
    void checkSubscription(URI url) {
        try {
            forbiddenKind(url).ifPresent(kind -> {
                throw new Refused(ProblemCode.WEBHOOK_TARGET_FORBIDDEN, "The webhook URL's host resolves to a " + kind
                        + " address; webhooks are delivered to public addresses only");
            });
        } catch (UnknownHostException notYet) {
            // checked again before each delivery
        }
    }

    /** Why a delivery to this URL may not be made now, or empty if it may. */
    Optional<String> deliveryRefusal(URI url) {
        try {
            return forbiddenKind(url).map(kind -> "Target forbidden: " + url.getHost() + " resolves to a " + kind
                    + " address");
        } catch (UnknownHostException e) {
            return Optional.of("UnknownHostException: " + url.getHost());
        }
    }

    private Optional<String> forbiddenKind(URI url) throws UnknownHostException {
        if (allowPrivate) {
            return Optional.empty();
        }
        for (InetAddress address : resolver.resolve(url.getHost())) {
            Optional<String> kind = TargetAddresses.forbidden(address);
            if (kind.isPresent()) {
                return kind;
            }
        }
        return Optional.empty();
    }
}
