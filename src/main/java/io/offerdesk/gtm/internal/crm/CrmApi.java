package io.offerdesk.gtm.internal.crm;

import io.offerdesk.gtm.internal.crm.CrmConnections.Connection;
import io.offerdesk.gtm.internal.crm.CrmConnections.Received;
import io.offerdesk.gtm.internal.crm.CrmConnections.WithSecret;
import io.offerdesk.gtm.internal.crm.CrmRepository.Receipt;
import io.offerdesk.platform.OfferdeskPrincipal;
import io.offerdesk.platform.OfferdeskSignature;
import io.offerdesk.shared.FieldViolation;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * CRM integration: the party's connections, their mapping test and receipts (for its administrators), and the
 * inbound endpoint the CRM posts to, authenticated by the payload's signature instead of an API key.
 */
@RestController
@RequestMapping("/api/v1/crm")
@Tag(name = "CRM", description = "Signed inbound CRM payloads that start draft offers from templates")
class CrmApi {

    /** @param active absent counts as true; @param actingUserId absent keeps the current one (the caller's at first) */
    record ConnectionRequest(
            @Nullable String name,
            @Nullable JsonNode mapping,
            @Nullable UUID actingUserId,
            @Nullable Boolean active) {
        boolean isActive() {
            return active == null || active;
        }
    }

    /** @param secret the signing secret, present only in the answer that created or rotated it */
    record ConnectionJson(
            String id,
            String name,
            Map<String, Object> mapping,
            UUID actingUserId,
            String actingUserEmail,
            boolean active,
            String inboundPath,
            Instant createdAt,
            Instant secretRotatedAt,
            @Nullable String secret) {}

    record ConnectionsJson(List<ConnectionJson> connections) {}

    record MappingTestRequest(
            @Nullable JsonNode mapping, @Nullable JsonNode payload) {}

    record MappingTestJson(boolean triggered, Map<String, String> values, List<FieldViolation> violations) {}

    record ReceiptJson(
            String id,
            Instant receivedAt,
            String outcome,
            @Nullable String externalId,
            @Nullable String templateId,
            @Nullable String changeSetId,
            List<FieldViolation> violations) {}

    record ReceiptsJson(List<ReceiptJson> receipts) {}

    record ReceivedJson(
            String outcome,
            String receiptId,
            @Nullable String externalId,
            @Nullable String changeSetId,
            @Nullable String offerId,
            boolean duplicate) {}

    private final CrmConnections connections;

    CrmApi(CrmConnections connections) {
        this.connections = connections;
    }

    @GetMapping("/connections")
    @Operation(summary = "The party's CRM connections")
    ConnectionsJson connections(OfferdeskPrincipal me) {
        return new ConnectionsJson(
                connections.connections(me).stream().map(c -> json(c, null)).toList());
    }

    @PostMapping("/connections")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create a connection; the answer shows its signing secret, this once")
    ConnectionJson create(OfferdeskPrincipal me, @RequestBody ConnectionRequest request) {
        return json(
                connections.create(me, request.name(), request.mapping(), request.actingUserId(), request.isActive()));
    }

    @GetMapping("/connections/{id}")
    @Operation(summary = "One connection, without its secret")
    ConnectionJson connection(OfferdeskPrincipal me, @PathVariable String id) {
        return json(connections.connection(me, id), null);
    }

    @PutMapping("/connections/{id}")
    @Operation(summary = "Change a connection's name, mapping, acting user or active flag")
    ConnectionJson update(OfferdeskPrincipal me, @PathVariable String id, @RequestBody ConnectionRequest request) {
        return json(
                connections.update(
                        me, id, request.name(), request.mapping(), request.actingUserId(), request.isActive()),
                null);
    }

    @PostMapping("/connections/{id}/rotate-secret")
    @Operation(summary = "Replace the connection's signing secret; the answer shows the new one, this once")
    ConnectionJson rotateSecret(OfferdeskPrincipal me, @PathVariable String id) {
        return json(connections.rotateSecret(me, id));
    }

    @GetMapping("/connections/{id}/receipts")
    @Operation(summary = "The payloads the connection received and what became of each, newest first")
    ReceiptsJson receipts(
            OfferdeskPrincipal me,
            @PathVariable String id,
            @RequestParam(defaultValue = "0") int offset,
            @RequestParam(defaultValue = "50") int limit) {
        return new ReceiptsJson(connections.receipts(me, id, offset, limit).stream()
                .map(CrmApi::json)
                .toList());
    }

    @PostMapping(path = "/mapping-test", consumes = "application/json")
    @Operation(
            summary = "Run a sample payload through a mapping; changes nothing",
            description = "Body: {\"mapping\": <mapping document>, \"payload\": <sample payload>}.")
    MappingTestJson test(OfferdeskPrincipal me, @RequestBody String request) {
        return json(connections.test(me, request));
    }

    @PostMapping("/inbound/{connectionId}")
    @Operation(
            summary = "Receive a CRM payload signed with the connection's secret",
            description = "Header Offerdesk-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, t + \".\" + body)>."
                    + " 201 with the change set (and the offer id once it exists) for a new draft; 200 for a"
                    + " repeat of an opportunity already turned into a draft; 202 when the mapping's trigger does"
                    + " not match; 401 for a missing, wrong or stale signature; 422 naming the fields the payload"
                    + " could not fill.")
    ResponseEntity<ReceivedJson> inbound(
            @PathVariable String connectionId,
            @RequestHeader(name = OfferdeskSignature.HEADER, required = false) @Nullable String signature,
            @RequestBody String body) {
        var received = connections.receive(connectionId, signature, body);
        var status = switch (received.outcome()) {
            case CREATED -> received.duplicate() ? HttpStatus.OK : HttpStatus.CREATED;
            case IGNORED -> HttpStatus.ACCEPTED;
            case REFUSED -> HttpStatus.UNPROCESSABLE_CONTENT;
        };
        return ResponseEntity.status(status).body(json(received));
    }

    static MappingTestJson json(FieldMapping.Outcome outcome) {
        var values = new java.util.TreeMap<String, String>();
        outcome.values().forEach((target, value) -> values.put(target.wireName(), value));
        return new MappingTestJson(outcome.triggered(), values, outcome.violations());
    }

    private static ConnectionJson json(WithSecret created) {
        return json(created.connection(), created.secret());
    }

    private static ConnectionJson json(Connection c, @Nullable String secret) {
        return new ConnectionJson(
                c.id(),
                c.name(),
                c.mapping().document(),
                c.actingUserId(),
                c.actingUserEmail(),
                c.active(),
                "/api/v1/crm/inbound/" + c.id(),
                c.createdAt(),
                c.secretRotatedAt(),
                secret);
    }

    private static ReceiptJson json(Receipt r) {
        return new ReceiptJson(
                r.id(),
                r.receivedAt(),
                r.outcome().name(),
                r.externalId(),
                r.templateId(),
                r.changeSetId(),
                r.violations());
    }

    private static ReceivedJson json(Received r) {
        return new ReceivedJson(
                r.outcome().name(), r.receiptId(), r.externalId(), r.changeSetId(), r.offerId(), r.duplicate());
    }
}
