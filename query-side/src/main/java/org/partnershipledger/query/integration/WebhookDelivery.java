package org.partnershipledger.query.integration;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.partnershipledger.query.history.EventLog;
import org.partnershipledger.query.history.LoggedEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Delivers events to webhook subscriptions: in position order per subscription, each as a structured CloudEvent
 * signed with {@code X-Ledger-Signature: sha256=<HMAC-SHA256 of the body>}, at least once (receivers de-duplicate
 * by the CloudEvent {@code id}). A failure is retried with exponential backoff and jitter; after
 * {@code ledger.webhooks.max-failures} in a row the subscription is PAUSED, visibly, and keeps its position.
 *
 * <p>Signed checkpoints of the audit log go the same way, durably: each subscription whose types take
 * {@value CloudEventEnvelope#CHECKPOINT_TYPE} gets every checkpoint stored above its checkpoint cursor, in tree size
 * order, before the events of the same round, with the same signature, retries, backoff and pausing.
 */
@Component
class WebhookDelivery implements SmartLifecycle {

    static final int BATCH = 100;
    private static final Logger LOG = LoggerFactory.getLogger(WebhookDelivery.class);

    private final WebhookSubscriptions subscriptions;
    private final StreamHub hub;
    private final CloudEventEnvelope envelope;
    private final Checkpoints checkpoints;
    private final EventLog log;
    private final Duration initialBackoff;
    private final Duration maxBackoff;
    private final int maxFailures;
    private final Duration timeout;
    private final HttpClient http;
    private final Set<String> inFlight = ConcurrentHashMap.newKeySet();
    private ScheduledExecutorService ticker;
    private ExecutorService senders;

    WebhookDelivery(WebhookSubscriptions subscriptions, StreamHub hub, CloudEventEnvelope envelope,
                    Checkpoints checkpoints, EventLog log,
                    @Value("${ledger.webhooks.initial-backoff:1s}") Duration initialBackoff,
                    @Value("${ledger.webhooks.max-backoff:5m}") Duration maxBackoff,
                    @Value("${ledger.webhooks.max-failures:10}") int maxFailures,
                    @Value("${ledger.webhooks.timeout:5s}") Duration timeout) {
        this.subscriptions = subscriptions;
        this.hub = hub;
        this.envelope = envelope;
        this.checkpoints = checkpoints;
        this.log = log;
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
            long latestCheckpoint = checkpoints.latestTreeSize();
            for (WebhookSubscriptions.Due due : subscriptions.due()) {
                boolean checkpointsPending = due.checkpointTreeSize() < latestCheckpoint && due.wantsCheckpoints();
                if ((due.position() < safe || checkpointsPending) && inFlight.add(due.subscriptionId())) {
                    senders.execute(() -> {
                        try {
                            deliver(due, safe);
                        } finally {
                            inFlight.remove(due.subscriptionId());
                        }
                    });
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("Webhook tick failed; retrying on the next one", e);
        }
    }

    private void deliver(WebhookSubscriptions.Due due, long safe) {
        int failuresBefore = due.consecutiveFailures();
        if (due.wantsCheckpoints()) {
            for (CheckpointData checkpoint : checkpoints.after(due.checkpointTreeSize(), BATCH)) {
                String failure = post(due, envelope.json(checkpoint));
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
                String failure = post(due, envelope.json(event));
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

    /** Posts one CloudEvent; null on success, else what went wrong. */
    private String post(WebhookSubscriptions.Due due, String body) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(due.url())).timeout(timeout)
                    .header("Content-Type", "application/cloudevents+json; charset=UTF-8")
                    .header("X-Ledger-Signature", "sha256=" + sign(due.secret(), body))
                    .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
            int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            return status >= 200 && status < 300 ? null : "HTTP " + status;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        } catch (Exception e) {
            return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        }
    }

    static String sign(String secret, String body) throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
    }

    /** initial × 2^(n−1), at most the maximum, ±20 % so that failing receivers are not hit in lockstep. */
    Duration backoff(int failures) {
        long base = Math.min(maxBackoff.toMillis(), initialBackoff.toMillis() << Math.min(failures - 1, 20));
        double jitter = 0.8 + ThreadLocalRandom.current().nextDouble() * 0.4;
        return Duration.ofMillis((long) (base * jitter));
    }

    @Override
    public void start() {
        senders = Executors.newFixedThreadPool(4, runnable -> {
            Thread thread = new Thread(runnable, "ledger-webhooks");
            thread.setDaemon(true);
            return thread;
        });
        ticker = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "ledger-webhook-ticker");
            thread.setDaemon(true);
            return thread;
        });
        ticker.scheduleWithFixedDelay(this::tick, 200, 200, TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        ticker.shutdownNow();
        senders.shutdownNow();
    }

    @Override
    public boolean isRunning() {
        return ticker != null && !ticker.isShutdown();
    }
}
