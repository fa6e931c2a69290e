package io.offerdesk.notifications.internal.webhooks;

import io.offerdesk.notifications.internal.webhooks.WebhookRepository.Attempt;
import io.offerdesk.notifications.internal.webhooks.WebhookRepository.Delivery;
import io.offerdesk.notifications.internal.webhooks.WebhookRepository.State;
import io.offerdesk.notifications.internal.webhooks.WebhookRepository.StoredEndpoint;
import io.offerdesk.notifications.internal.webhooks.WebhookRepository.Subscription;
import io.offerdesk.platform.OfferdeskPrincipal;
import io.offerdesk.platform.SecretBox;
import io.offerdesk.shared.InvalidInput;
import io.offerdesk.shared.NotFound;
import io.offerdesk.shared.RandomIds;
import io.offerdesk.shared.Role;
import io.offerdesk.shared.Validations;
import java.net.URI;
import java.net.URISyntaxException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Outbound webhooks of a party: its administrators register endpoints, read the delivery log and replay deliveries;
 * the outbox listener queues each event for the owning party's subscribed endpoints. Another party's endpoints and
 * deliveries do not exist for a user (404).
 */
@Service
@EnableConfigurationProperties(WebhookSettings.class)
public class Webhooks {

    public static final int PAGE_MAX = 100;
    public static final int URL_MAX = 2000;

    /** An endpoint as its owner sees it; the secret is shown only when created or rotated. */
    public record Endpoint(
            String id,
            String url,
            List<String> eventTypes,
            boolean active,
            Instant createdAt,
            Instant secretRotatedAt) {}

    /** An endpoint with its new signing secret, shown this once. */
    public record WithSecret(Endpoint endpoint, String secret) {}

    public record DeliveryLog(Delivery delivery, List<Attempt> attempts) {}

    /**
     * An event for one party's endpoints.
     *
     * @param eventKey what makes the event unique within its type, e.g. the offer id
     */
    public record Event(UUID party, WebhookEventType type, String eventKey, Instant occurredAt, Map<String, ?> data) {}

    private final WebhookRepository repository;
    private final WebhookDeliveries deliveries;
    private final SecretBox box;
    private final WebhookSettings settings;
    private final JsonMapper json;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    Webhooks(
            WebhookRepository repository,
            WebhookDeliveries deliveries,
            SecretBox box,
            WebhookSettings settings,
            JsonMapper json,
            Clock clock) {
        this.repository = repository;
        this.deliveries = deliveries;
        this.box = box;
        this.settings = settings;
        this.json = json;
        this.clock = clock;
    }

    @Transactional
    public WithSecret create(
            OfferdeskPrincipal me, @Nullable String url, @Nullable List<String> eventTypes, boolean active) {
        requireAdministrator(me);
        var checkedUrl = checkUrl(url);
        var types = checkEventTypes(eventTypes);
        var id = RandomIds.of("whep-", 16, random);
        var secret = newSecret();
        var now = clock.instant();
        var stored = new StoredEndpoint(id, me.partyId(), checkedUrl, types, active, box.seal(secret, id), now, now);
        repository.insertEndpoint(stored);
        return new WithSecret(endpoint(stored), secret);
    }

    @Transactional
    public Endpoint update(
            OfferdeskPrincipal me, String id, @Nullable String url, @Nullable List<String> eventTypes, boolean active) {
        requireAdministrator(me);
        stored(me, id);
        repository.updateEndpoint(me.partyId(), id, checkUrl(url), checkEventTypes(eventTypes), active);
        return endpoint(stored(me, id));
    }

    /** A new secret for the endpoint; deliveries signed from now on use it, the old one stops working at once. */
    @Transactional
    public WithSecret rotateSecret(OfferdeskPrincipal me, String id) {
        requireAdministrator(me);
        stored(me, id);
        var secret = newSecret();
        repository.rotateSecret(me.partyId(), id, box.seal(secret, id), clock.instant());
        return new WithSecret(endpoint(stored(me, id)), secret);
    }

    @Transactional(readOnly = true)
    public List<Endpoint> endpoints(OfferdeskPrincipal me) {
        requireAdministrator(me);
        return repository.endpoints(me.partyId()).stream()
                .map(Webhooks::endpoint)
                .toList();
    }

    @Transactional(readOnly = true)
    public Endpoint endpoint(OfferdeskPrincipal me, String id) {
        requireAdministrator(me);
        return endpoint(stored(me, id));
    }

    @Transactional(readOnly = true)
    public List<Delivery> deliveries(
            OfferdeskPrincipal me, @Nullable String endpointId, @Nullable String state, int offset, int limit) {
        requireAdministrator(me);
        Validations.checkPage(offset, limit, PAGE_MAX);
        return repository.deliveries(me.partyId(), endpointId, state(state), offset, limit);
    }

    @Transactional(readOnly = true)
    public DeliveryLog delivery(OfferdeskPrincipal me, String id) {
        requireAdministrator(me);
        var delivery = repository.delivery(me.partyId(), id).orElseThrow(() -> new NotFound("webhook delivery", id));
        return new DeliveryLog(delivery, repository.attempts(me.partyId(), id));
    }

    /** Sends a delivery's event again as a new delivery with its own attempt chain, whatever became of the first. */
    @Transactional
    public Delivery replay(OfferdeskPrincipal me, String id) {
        requireAdministrator(me);
        var original = repository.delivery(me.partyId(), id).orElseThrow(() -> new NotFound("webhook delivery", id));
        var now = clock.instant();
        var replay = new Delivery(
                RandomIds.of("whdl-", 20, random),
                original.endpointId(),
                original.partyId(),
                original.eventId(),
                original.eventType(),
                original.body(),
                State.PENDING,
                0,
                now,
                now.plus(settings.retryFor()),
                original.id(),
                now);
        repository.enqueue(List.of(replay));
        deliveries.deliverAfterCommit();
        return replay;
    }

    /**
     * Queues an event for the party's active endpoints subscribed to its type, in the caller's transaction; sends
     * after commit. See {@link #queue(List)}.
     *
     * @param eventKey what makes the event unique within its type, e.g. the offer id
     * @return how many deliveries were queued
     */
    @Transactional
    public int queue(UUID party, WebhookEventType type, String eventKey, Instant occurredAt, Map<String, ?> data) {
        return queue(List.of(new Event(party, type, eventKey, occurredAt, data)));
    }

    /**
     * The parties of {@code parties} with an active endpoint subscribed to {@code type}: a listener asks before it reads
     * what the events of the others would need.
     */
    @Transactional(readOnly = true)
    public Set<UUID> subscribed(Collection<UUID> parties, WebhookEventType type) {
        return repository
                .subscribers(parties.stream()
                        .map(party -> new Subscription(party, type.wireName()))
                        .toList())
                .keySet()
                .stream()
                .map(Subscription::party)
                .collect(Collectors.toSet());
    }

    /**
     * Queues each event for its party's active endpoints subscribed to its type, in the caller's transaction, with
     * one query for the endpoints and one insert however many events (an invoicing run's batch brings thousands);
     * sends after commit. The event id is the same however often the event is heard, so each endpoint gets it once.
     *
     * @return how many deliveries were queued
     */
    @Transactional
    public int queue(List<Event> events) {
        var subscribers = repository.subscribers(events.stream()
                .map(e -> new Subscription(e.party(), e.type().wireName()))
                .toList());
        var now = clock.instant();
        var queued = new ArrayList<Delivery>();
        for (var event : events) {
            var type = event.type().wireName();
            var endpoints = subscribers.getOrDefault(new Subscription(event.party(), type), List.of());
            if (endpoints.isEmpty()) {
                continue;
            }
            var eventId = UUID.nameUUIDFromBytes(
                    (type + ":" + event.eventKey()).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            var body = new LinkedHashMap<String, Object>();
            body.put("id", eventId.toString());
            body.put("type", type);
            body.put("occurredAt", event.occurredAt().toString());
            body.put("data", event.data());
            var text = json.writeValueAsString(body);
            for (var endpoint : endpoints) {
                queued.add(new Delivery(
                        RandomIds.of("whdl-", 20, random),
                        endpoint,
                        event.party(),
                        eventId,
                        type,
                        text,
                        State.PENDING,
                        0,
                        now,
                        now.plus(settings.retryFor()),
                        null,
                        now));
            }
        }
        var count = repository.enqueue(queued);
        if (count > 0) {
            deliveries.deliverAfterCommit();
        }
        return count;
    }

    private StoredEndpoint stored(OfferdeskPrincipal me, String id) {
        return repository.endpoint(me.partyId(), id).orElseThrow(() -> new NotFound("webhook endpoint", id));
    }

    private static Endpoint endpoint(StoredEndpoint e) {
        return new Endpoint(e.id(), e.url(), e.eventTypes(), e.active(), e.createdAt(), e.secretRotatedAt());
    }

    private static void requireAdministrator(OfferdeskPrincipal me) {
        if (!me.has(Role.administratorOf(me.partyKind()))) {
            throw new AccessDeniedException("only the party's administrators manage webhooks");
        }
    }

    private String checkUrl(@Nullable String url) {
        if (url == null || url.isBlank()) {
            throw new InvalidInput("url", "webhooks.url.required");
        }
        if (url.length() > URL_MAX) {
            throw new InvalidInput("url", "webhooks.url.tooLong", URL_MAX);
        }
        URI uri;
        try {
            uri = new URI(url.trim());
        } catch (URISyntaxException malformed) {
            throw new InvalidInput("url", "webhooks.url.invalid", url);
        }
        var scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        var host = uri.getHost();
        var plainHttpAllowed = "http".equals(scheme)
                && host != null
                && settings.plainHttpHosts().contains(host);
        if (host == null || !("https".equals(scheme) || plainHttpAllowed)) {
            throw new InvalidInput("url", "webhooks.url.notHttps", url);
        }
        return uri.toString();
    }

    private static List<String> checkEventTypes(@Nullable List<String> eventTypes) {
        if (eventTypes == null || eventTypes.isEmpty()) {
            throw new InvalidInput("eventTypes", "webhooks.eventTypes.required");
        }
        for (var type : eventTypes) {
            if (WebhookEventType.of(type).isEmpty()) {
                throw new InvalidInput("eventTypes", "webhooks.eventTypes.unknown", type);
            }
        }
        return eventTypes.stream().distinct().sorted().toList();
    }

    private static @Nullable State state(@Nullable String state) {
        if (state == null || state.isBlank()) {
            return null;
        }
        try {
            return State.valueOf(state.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            throw new InvalidInput("state", "webhooks.state.unknown", state);
        }
    }

    private String newSecret() {
        var bytes = new byte[32];
        random.nextBytes(bytes);
        return "whsec_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
