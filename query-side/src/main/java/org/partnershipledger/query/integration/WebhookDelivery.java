package org.partnershipledger.query.integration;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import org.partnershipledger.platform.Ticker;
import org.partnershipledger.query.cluster.Lease;
import org.partnershipledger.query.history.EventLog;
import org.partnershipledger.query.history.LoggedEvent;
import org.partnershipledger.query.readmodel.OneAtATimeEach;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Delivers events to webhook subscriptions: in position order per subscription, each as a structured CloudEvent,
 * at least once (receivers de-duplicate by the CloudEvent {@code id}), signed as Standard Webhooks are:
 * {@code webhook-id} (the CloudEvent id, the same on every retry), {@code webhook-timestamp} (when sent) and
 * {@code webhook-signature} ({@code v1,<base64 HMAC-SHA256 over "<id>.<timestamp>.<body>">}, one per secret in
 * use: two while a rotation's overlap lasts). {@code X-Ledger-Signature} (hex HMAC of the body) is still sent, for
 * one more release. A target that now resolves to a forbidden address ({@link WebhookTargets}) is not posted to.
 * A failure is retried with exponential backoff and jitter; after
 * {@code ledger.webhooks.max-failures} in a row the subscription is PAUSED, visibly, and keeps its position.
 *
 * <p>Signed checkpoints of the audit log go the same way, durably: each subscription whose types take
 * {@value CloudEventEnvelope#CHECKPOINT_TYPE} gets every checkpoint stored above its checkpoint cursor, in tree size
 * order, before the events of the same round, with the same signature, retries, backoff and pausing.
 *
 * <p>With several query-side nodes, only the node that holds the integration {@link Lease} delivers, and it stops
 * before each post once it can no longer be sure that it holds it; another node takes over where the durable
 * cursors are when the lease expires.
 */
@Component
class WebhookDelivery implements SmartLifecycle {

    static final int BATCH = 100;
    private static final Logger LOG = LoggerFactory.getLogger(WebhookDelivery.class);

    /** How often replaced secrets whose overlap is over are forgotten. */
    private static final Duration FORGET_EVERY = Duration.ofMinutes(1);

    private final WebhookSubscriptions subscriptions;
    private final WebhookTargets targets;
    private final Clock clock;
    private final StreamHub hub;
    private final CloudEventEnvelope envelope;
    private final Checkpoints checkpoints;
    private final EventLog log;
    private final Duration initialBackoff;
    private final Duration maxBackoff;
    private final int maxFailures;
    private final Duration timeout;
    private final HttpClient http;
    private final Lease lease;
    private volatile Ticker ticker;
    /** The deliveries under way, one per subscription at a time. */
    private OneAtATimeEach senders;
    private volatile Instant forgotten = Instant.EPOCH;

    WebhookDelivery(WebhookSubscriptions subscriptions, WebhookTargets targets, Clock clock, StreamHub hub,
                    CloudEventEnvelope envelope, Checkpoints checkpoints, EventLog log, Lease lease,
                    @Value("${ledger.webhooks.initial-backoff:1s}") Duration initialBackoff,
                    @Value("${ledger.webhooks.max-backoff:5m}") Duration maxBackoff,
                    @Value("${ledger.webhooks.max-failures:10}") int maxFailures,
                    @Value("${ledger.webhooks.timeout:5s}") Duration timeout) {
        this.subscriptions = subscriptions;
        this.targets = targets;
        this.clock = clock;
        this.hub = hub;
        this.envelope = envelope;
        this.checkpoints = checkpoints;
        this.log = log;
        this.lease = lease;
        this.initialBackoff = initialBackoff;
        this.maxBackoff = maxBackoff;
        this.maxFailures = maxFailures;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(2)).build();
    }

    private void tick() {
        try {
            long safe = hub.safePosition();
            try {
                checkpoints.save();
            } catch (RuntimeException e) {
                LOG.warn("Could not store the fingerprint of a checkpoint's key; retrying on the next tick", e);
            }
            if (!lease.acquire()) {
                return; // another node delivers
            }
            forgetExpiredSecrets();
            long latestCheckpoint = checkpoints.latestTreeSize();
            for (WebhookSubscriptions.Due due : subscriptions.due()) {
                boolean checkpointsPending = due.checkpointTreeSize() < latestCheckpoint && due.wantsCheckpoints();
                if (due.position() < safe || checkpointsPending) {
                    senders.run(due.subscriptionId(), () -> deliver(due, safe));
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("Webhook tick failed; retrying on the next one", e);
        }
    }

    private void forgetExpiredSecrets() {
        if (clock.instant().isAfter(forgotten.plus(FORGET_EVERY))) {
            subscriptions.forgetExpiredSecrets();
            forgotten = clock.instant();
        }
    }

    private void deliver(WebhookSubscriptions.Due due, long safe) {
        int failuresBefore = due.consecutiveFailures();
        Signer signer = new Signer(due);
        if (due.wantsCheckpoints()) {
            for (CheckpointData checkpoint : checkpoints.after(due.checkpointTreeSize(), BATCH)) {
                if (!lease.held()) {
                    return;
                }
                String failure = post(due, signer, CloudEventEnvelope.checkpointId(checkpoint),
                        envelope.json(checkpoint));
                if (failure != null) {
                    failed(due, failuresBefore, failure);
                    return;
                }
                subscriptions.checkpointDelivered(due.subscriptionId(), checkpoint.treeSize());
                failuresBefore = 0;
            }
        }
        if (due.position() >= safe) {
            return;
        }
        List<LoggedEvent> events = log.after(due.position(), safe, BATCH);
        long scanned = due.position();
        for (LoggedEvent event : events) {
            String type = envelope.typeOf(event);
            if (due.filter().accepts(type, event.partnershipId())) {
                if (!lease.held()) {
                    return;
                }
                String failure = post(due, signer, event.eventId(), envelope.json(event));
                if (failure != null) {
                    subscriptions.delivered(due.subscriptionId(), scanned, false);
                    failed(due, failuresBefore, failure);
                    return;
                }
                subscriptions.delivered(due.subscriptionId(), event.position(), true);
                failuresBefore = 0;
            }
            scanned = event.position();
        }
        if (events.size() < BATCH) {
            scanned = Math.max(scanned, safe);
        }
        subscriptions.delivered(due.subscriptionId(), scanned, false);
    }

    /** One more failure in a row: retry after a backoff, or pause after the maximum. */
    private void failed(WebhookSubscriptions.Due due, int failuresBefore, String failure) {
        int failures = failuresBefore + 1;
        subscriptions.failed(due.subscriptionId(), failures, failure, Instant.now().plus(backoff(failures)),
                failures >= maxFailures);
    }

    /**
     * Posts one CloudEvent, unless its target now resolves to a forbidden address; null on success, else what went
     * wrong (never a secret: the exceptions here are of the connection, not of the request's headers).
     */
    private String post(WebhookSubscriptions.Due due, Signer signer, String id, String body) {
        try {
            URI url = URI.create(due.url());
            Optional<String> refusal = targets.deliveryRefusal(url);
            if (refusal.isPresent()) {
                return refusal.get();
            }
            WebhookSubscriptions.SigningSecrets secrets = signer.secrets();
            Instant now = clock.instant();
            long timestamp = now.getEpochSecond();
            HttpRequest request = HttpRequest.newBuilder(url).timeout(timeout)
                    .header("Content-Type", "application/cloudevents+json; charset=UTF-8")
                    .header("webhook-id", id)
                    .header("webhook-timestamp", Long.toString(timestamp))
                    .header("webhook-signature", secrets.at(now).stream()
                            .map(secret -> secret.sign(id, timestamp, body)).collect(Collectors.joining(" ")))
                    .header("X-Ledger-Signature", secrets.current().signLegacy(body))
                    .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
            int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            return status >= 200 && status < 300 ? null : "HTTP " + status;
        } catch (GeneralSecurityException e) {
            return "The subscription's secret cannot be opened with this ledger's webhook secret key "
                    + "(ledger.webhooks.secret-key); rotate the secret";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        } catch (Exception e) {
            return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        }
    }

    /** The secrets of one round of deliveries, opened when the first one is signed, and only then. */
    private final class Signer {

        private final WebhookSubscriptions.Due due;
        private WebhookSubscriptions.SigningSecrets secrets;

        Signer(WebhookSubscriptions.Due due) {
            this.due = due;
        }

        WebhookSubscriptions.SigningSecrets secrets() throws GeneralSecurityException {
            if (secrets == null) {
                secrets = subscriptions.open(due);
            }
            return secrets;
        }
    }

    /** initial × 2^(n−1), at most the maximum, ±20 % so that failing receivers are not hit in lockstep. */
    Duration backoff(int failures) {
        long base = Math.min(maxBackoff.toMillis(), initialBackoff.toMillis() << Math.min(failures - 1, 20));
        double jitter = 0.8 + ThreadLocalRandom.current().nextDouble() * 0.4;
        return Duration.ofMillis((long) (base * jitter));
    }

    @Override
    public void start() {
        senders = new OneAtATimeEach(Executors.newFixedThreadPool(4, runnable -> {
            Thread thread = new Thread(runnable, "ledger-webhooks");
            thread.setDaemon(true);
            return thread;
        }));
        ticker = Ticker.start("ledger-webhook-ticker", Duration.ofMillis(200), Duration.ofMillis(200), this::tick,
                e -> LOG.warn("Webhook delivery could not look for work now; trying again", e));
    }

    @Override
    public void stop() {
        Ticker running = ticker;
        ticker = null;
        if (running != null) {
            running.close();
        }
        senders.shutDownNow();
        try {
            lease.release(); // another node need not wait for it to expire
        } catch (RuntimeException e) {
            LOG.info("Could not give the integration lease up; it expires by itself: {}", e.getMessage());
        }
    }

    @Override
    public boolean isRunning() {
        return ticker != null;
    }
}
