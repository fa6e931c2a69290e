package io.offerdesk.notifications.internal.rest;

import io.offerdesk.notifications.internal.webhooks.WebhookEventType;
import io.offerdesk.notifications.internal.webhooks.WebhookRepository.Attempt;
import io.offerdesk.notifications.internal.webhooks.WebhookRepository.Delivery;
import io.offerdesk.notifications.internal.webhooks.Webhooks;
import io.offerdesk.notifications.internal.webhooks.Webhooks.Endpoint;
import io.offerdesk.notifications.internal.webhooks.Webhooks.WithSecret;
import io.offerdesk.platform.OfferdeskPrincipal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** A party's outbound webhooks: endpoints, the delivery log and replay. For the party's administrators. */
@RestController
@RequestMapping("/api/v1/webhooks")
@Tag(name = "Webhooks", description = "Signed outbound webhooks for offer, agreement, invoice and disbursement events")
class WebhooksApi {

    /** @param active absent counts as true */
    record EndpointRequest(
            @Nullable String url,
            @Nullable List<String> eventTypes,
            @Nullable Boolean active) {
        boolean isActive() {
            return active == null || active;
        }
    }

    /** @param secret the signing secret, present only in the answer that created or rotated it */
    record EndpointJson(
            String id,
            String url,
            List<String> eventTypes,
            boolean active,
            Instant createdAt,
            Instant secretRotatedAt,
            @Nullable String secret) {}

    record EndpointsJson(List<EndpointJson> endpoints) {}

    record DeliveryJson(
            String id,
            String endpointId,
            String eventId,
            String eventType,
            String state,
            int attempts,
            @Nullable Instant nextAttemptAt,
            Instant giveUpAt,
            @Nullable String replayOf,
            Instant createdAt) {}

    record DeliveriesJson(List<DeliveryJson> deliveries) {}

    record AttemptJson(
            int attempt,
            Instant attemptedAt,
            @Nullable Integer statusCode,
            long latencyMillis,
            @Nullable String error) {}

    /** @param body the exact JSON that was signed and sent */
    record DeliveryLogJson(DeliveryJson delivery, String body, List<AttemptJson> attempts) {}

    record EventTypesJson(List<String> eventTypes) {}

    private final Webhooks webhooks;

    WebhooksApi(Webhooks webhooks) {
        this.webhooks = webhooks;
    }

    @GetMapping("/event-types")
    @Operation(summary = "The event catalog: the event types an endpoint can subscribe to")
    EventTypesJson eventTypes() {
        return new EventTypesJson(Arrays.stream(WebhookEventType.values())
                .map(WebhookEventType::wireName)
                .toList());
    }

    @GetMapping("/endpoints")
    @Operation(summary = "The party's endpoints")
    EndpointsJson endpoints(OfferdeskPrincipal me) {
        return new EndpointsJson(
                webhooks.endpoints(me).stream().map(e -> json(e, null)).toList());
    }

    @PostMapping("/endpoints")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Register an endpoint; the answer shows its signing secret, this once")
    EndpointJson create(OfferdeskPrincipal me, @RequestBody EndpointRequest request) {
        return json(webhooks.create(me, request.url(), request.eventTypes(), request.isActive()));
    }

    @GetMapping("/endpoints/{id}")
    @Operation(summary = "One endpoint, without its secret")
    EndpointJson endpoint(OfferdeskPrincipal me, @PathVariable String id) {
        return json(webhooks.endpoint(me, id), null);
    }

    @PutMapping("/endpoints/{id}")
    @Operation(summary = "Change an endpoint's URL, event types or active flag")
    EndpointJson update(OfferdeskPrincipal me, @PathVariable String id, @RequestBody EndpointRequest request) {
        return json(webhooks.update(me, id, request.url(), request.eventTypes(), request.isActive()), null);
    }

    @PostMapping("/endpoints/{id}/rotate-secret")
    @Operation(summary = "Replace the endpoint's signing secret; the answer shows the new one, this once")
    EndpointJson rotateSecret(OfferdeskPrincipal me, @PathVariable String id) {
        return json(webhooks.rotateSecret(me, id));
    }

    @GetMapping("/deliveries")
    @Operation(summary = "The delivery log, newest first; filter by endpoint and state (PENDING, DELIVERED, DEAD)")
    DeliveriesJson deliveries(
            OfferdeskPrincipal me,
            @RequestParam(required = false) @Nullable String endpointId,
            @RequestParam(required = false) @Nullable String state,
            @RequestParam(defaultValue = "0") int offset,
            @RequestParam(defaultValue = "50") int limit) {
        return new DeliveriesJson(webhooks.deliveries(me, endpointId, state, offset, limit).stream()
                .map(WebhooksApi::json)
                .toList());
    }

    @GetMapping("/deliveries/{id}")
    @Operation(summary = "One delivery with its body and every attempt")
    DeliveryLogJson delivery(OfferdeskPrincipal me, @PathVariable String id) {
        var log = webhooks.delivery(me, id);
        return new DeliveryLogJson(
                json(log.delivery()),
                log.delivery().body(),
                log.attempts().stream().map(WebhooksApi::json).toList());
    }

    @PostMapping("/deliveries/{id}/replay")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Send the delivery's event again, as a new delivery with its own attempts")
    DeliveryJson replay(OfferdeskPrincipal me, @PathVariable String id) {
        return json(webhooks.replay(me, id));
    }

    private static EndpointJson json(WithSecret created) {
        return json(created.endpoint(), created.secret());
    }

    private static EndpointJson json(Endpoint e, @Nullable String secret) {
        return new EndpointJson(
                e.id(), e.url(), e.eventTypes(), e.active(), e.createdAt(), e.secretRotatedAt(), secret);
    }

    private static DeliveryJson json(Delivery d) {
        return new DeliveryJson(
                d.id(),
                d.endpointId(),
                d.eventId().toString(),
                d.eventType(),
                d.state().name(),
                d.attempts(),
                d.nextAttemptAt(),
                d.giveUpAt(),
                d.replayOf(),
                d.createdAt());
    }

    private static AttemptJson json(Attempt a) {
        return new AttemptJson(a.attempt(), a.attemptedAt(), a.statusCode(), a.latencyMillis(), a.error());
    }
}
