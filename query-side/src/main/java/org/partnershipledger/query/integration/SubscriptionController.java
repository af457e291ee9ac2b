package org.partnershipledger.query.integration;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.partnershipledger.platform.security.Principals;
import org.partnershipledger.platform.web.ProblemCode;
import org.partnershipledger.platform.web.openapi.Rejects;
import org.partnershipledger.query.http.NotFound;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * An integration's own webhook subscriptions. A secret is generated for each and shown once, when it is made or
 * rotated; it is never shown again, and no record here prints it.
 */
@RestController
@RequestMapping(path = "/api/subscriptions", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Integrations")
class SubscriptionController {

    private final WebhookSubscriptions subscriptions;
    private final StreamHub hub;
    private final WebhookTargets targets;
    private final Clock clock;
    private final Duration rotationOverlap;

    SubscriptionController(WebhookSubscriptions subscriptions, StreamHub hub, WebhookTargets targets, Clock clock,
                           @Value("${ledger.webhooks.rotation-overlap:24h}") Duration rotationOverlap) {
        this.subscriptions = subscriptions;
        this.hub = hub;
        this.targets = targets;
        this.clock = clock;
        this.rotationOverlap = rotationOverlap;
    }

    /** {@code secret} is validated by hand, so that no validation message or log line can repeat it. */
    record SubscribeRequest(@NotBlank @Size(max = 2000) String url, @NotEmpty List<@NotBlank String> types,
                            @Size(max = 255) String partnershipId,
                            @Schema(deprecated = true, minLength = 16, maxLength = 200, description = """
                                    Deprecated: leave it out, and use the secret the answer gives. A secret of your \
                                    own, `whsec_` followed by the base64 of 24 to 64 random bytes, or (as before) \
                                    16 to 200 characters whose UTF-8 bytes are the key.""")
                            String secret,
                            @Schema(description = "Deliver the events after this position: -1 from the first "
                                    + "event; left out, from now on")
                            Long after) {

        @Override
        public String toString() {
            return "SubscribeRequest[url=" + url + ", types=" + types + ", partnershipId=" + partnershipId
                    + ", secret=" + (secret == null ? "none" : "redacted") + ", after=" + after + "]";
        }
    }

    record Subscribed(String subscriptionId,
                      @Schema(description = "The signing secret, `whsec_<base64>`; shown in this answer only")
                      String secret) {

        @Override
        public String toString() {
            return "Subscribed[subscriptionId=" + subscriptionId + ", secret=redacted]";
        }
    }

    record SecretRotated(String subscriptionId,
                         @Schema(description = "The new signing secret, `whsec_<base64>`; shown in this answer only")
                         String secret,
                         @Schema(description = "Until then deliveries are signed with the replaced secret too")
                         Instant previousSecretValidUntil) {

        @Override
        public String toString() {
            return "SecretRotated[subscriptionId=" + subscriptionId + ", secret=redacted, previousSecretValidUntil="
                    + previousSecretValidUntil + "]";
        }
    }

    record Subscriptions(List<WebhookSubscriptions.View> subscriptions) {
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "subscribe",
            summary = "Subscribe a webhook to event types (from now on, or after a given position); "
                    + "the answer holds its signing secret, shown this once")
    @ResponseStatus(HttpStatus.CREATED)
    @Rejects(ProblemCode.WEBHOOK_TARGET_FORBIDDEN)
    ResponseEntity<Subscribed> subscribe(@Valid @RequestBody SubscribeRequest request) {
        URI url = webhookUrl(request.url());
        WebhookSecret secret = request.secret() == null ? WebhookSecret.generate()
                : WebhookSecret.parse(request.secret());
        targets.checkSubscription(url);
        String id = UUID.randomUUID().toString();
        long position = request.after() != null ? After.valid(request.after(), "after") : hub.safePosition();
        subscriptions.create(id, owner(), url.toString(), request.types(), request.partnershipId(), secret, position);
        URI location = ServletUriComponentsBuilder.fromCurrentRequestUri().path("/{id}").buildAndExpand(id).toUri();
        return ResponseEntity.created(location).body(new Subscribed(id, secret.text()));
    }

    @PostMapping(path = "/{id}/secret/rotation", consumes = MediaType.ALL_VALUE)
    @Operation(operationId = "rotateSubscriptionSecret",
            summary = "A new signing secret, shown this once; until the overlap ends (24 h by default) deliveries "
                    + "are signed with the replaced one too")
    @Rejects(ProblemCode.SUBSCRIPTION_NOT_FOUND)
    SecretRotated rotateSecret(@PathVariable String id) {
        WebhookSecret next = WebhookSecret.generate();
        Instant until = clock.instant().plus(rotationOverlap).truncatedTo(ChronoUnit.MILLIS); // as stored and shown
        if (!subscriptions.rotate(owner(), id, next, until)) {
            throw notFound(id);
        }
        return new SecretRotated(id, next.text(), rotationOverlap.isZero() ? null : until);
    }

    @GetMapping
    @Operation(operationId = "listSubscriptions",
            summary = "The caller's subscriptions: position, delivered count, failures, last error, state")
    Subscriptions list() {
        return new Subscriptions(subscriptions.ofOwner(owner()));
    }

    @GetMapping("/{id}")
    @Operation(operationId = "getSubscription", summary = "One of the caller's subscriptions")
    @Rejects(ProblemCode.SUBSCRIPTION_NOT_FOUND)
    WebhookSubscriptions.View one(@PathVariable String id) {
        return subscriptions.find(owner(), id).orElseThrow(() -> notFound(id));
    }

    @PostMapping(path = "/{id}/pause", consumes = MediaType.ALL_VALUE)
    @Operation(operationId = "pauseSubscription", summary = "Stop deliveries; events keep their place until resumed")
    @Rejects(ProblemCode.SUBSCRIPTION_NOT_FOUND)
    WebhookSubscriptions.View pause(@PathVariable String id) {
        return change(id, "PAUSED");
    }

    @PostMapping(path = "/{id}/resume", consumes = MediaType.ALL_VALUE)
    @Operation(operationId = "resumeSubscription", summary = "Deliver again, from where deliveries stopped")
    @Rejects(ProblemCode.SUBSCRIPTION_NOT_FOUND)
    WebhookSubscriptions.View resume(@PathVariable String id) {
        return change(id, "ACTIVE");
    }

    @DeleteMapping("/{id}")
    @Operation(operationId = "deleteSubscription", summary = "End the subscription; nothing more is delivered")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Rejects(ProblemCode.SUBSCRIPTION_NOT_FOUND)
    ResponseEntity<Void> delete(@PathVariable String id) {
        if (!subscriptions.delete(owner(), id)) {
            throw notFound(id);
        }
        return ResponseEntity.noContent().build();
    }

    private WebhookSubscriptions.View change(String id, String state) {
        if (!subscriptions.setState(owner(), id, state)) {
            throw notFound(id);
        }
        return one(id);
    }

    /** Only absolute http(s) URLs with a host. */
    static URI webhookUrl(String text) {
        try {
            URI url = URI.create(text.trim());
            if (url.getScheme() == null || !List.of("http", "https").contains(url.getScheme().toLowerCase())
                    || url.getHost() == null) {
                throw new IllegalArgumentException("url must be an absolute http or https URL");
            }
            return url;
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("url must be an absolute http or https URL");
        }
    }

    private static String owner() {
        return Principals.current().map(Authentication::getName).orElseThrow();
    }

    private static NotFound notFound(String id) {
        return new NotFound(ProblemCode.SUBSCRIPTION_NOT_FOUND, "No such subscription: " + id);
    }
}
