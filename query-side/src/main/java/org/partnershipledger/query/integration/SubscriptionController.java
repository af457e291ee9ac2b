package org.partnershipledger.query.integration;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.partnershipledger.platform.security.Principals;
import org.partnershipledger.platform.web.ProblemCode;
import org.partnershipledger.platform.web.openapi.Rejects;
import org.partnershipledger.query.http.NotFound;
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

/** An integration's own webhook subscriptions. Secrets go in and never come out. */
@RestController
@RequestMapping(path = "/api/subscriptions", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Integrations")
class SubscriptionController {

    private final WebhookSubscriptions subscriptions;
    private final StreamHub hub;

    SubscriptionController(WebhookSubscriptions subscriptions, StreamHub hub) {
        this.subscriptions = subscriptions;
        this.hub = hub;
    }

    record SubscribeRequest(@NotBlank @Size(max = 2000) String url, @NotEmpty List<@NotBlank String> types,
                            @Size(max = 255) String partnershipId, @NotBlank @Size(min = 16, max = 200) String secret,
                            Long after) {
    }

    record Subscribed(String subscriptionId) {
    }

    record Subscriptions(List<WebhookSubscriptions.View> subscriptions) {
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "subscribe",
            summary = "Subscribe a webhook to event types (from now on, or after a given position)")
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<Subscribed> subscribe(@Valid @RequestBody SubscribeRequest request) {
        URI url = webhookUrl(request.url());
        String id = UUID.randomUUID().toString();
        long position = request.after() != null ? request.after() : hub.safePosition();
        subscriptions.create(id, owner(), url.toString(), request.types(), request.partnershipId(), request.secret(),
                position);
        URI location = ServletUriComponentsBuilder.fromCurrentRequestUri().path("/{id}").buildAndExpand(id).toUri();
        return ResponseEntity.created(location).body(new Subscribed(id));
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
