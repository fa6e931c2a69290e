package io.offerdesk.gtm.internal.crm;

import io.offerdesk.gtm.OfferTemplates;
import io.offerdesk.gtm.OfferTemplates.StartOffer;
import io.offerdesk.gtm.internal.crm.CrmRepository.Outcome;
import io.offerdesk.gtm.internal.crm.CrmRepository.Receipt;
import io.offerdesk.gtm.internal.crm.CrmRepository.StoredConnection;
import io.offerdesk.gtm.internal.crm.FieldMapping.Target;
import io.offerdesk.parties.User;
import io.offerdesk.parties.UserManagement;
import io.offerdesk.platform.OfferdeskPrincipal;
import io.offerdesk.platform.OfferdeskSignature;
import io.offerdesk.platform.PrincipalSource;
import io.offerdesk.platform.SecretBox;
import io.offerdesk.shared.Actor;
import io.offerdesk.shared.Conflict;
import io.offerdesk.shared.FieldViolation;
import io.offerdesk.shared.InvalidInput;
import io.offerdesk.shared.NotFound;
import io.offerdesk.shared.PartyKind;
import io.offerdesk.shared.RandomIds;
import io.offerdesk.shared.Role;
import io.offerdesk.shared.Unauthenticated;
import io.offerdesk.shared.Validations;
import java.math.BigDecimal;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * CRM connections of a seller or channel partner. The party's administrator creates a connection with a field
 * mapping and a user it acts for, and gets a signing secret once; the CRM posts "opportunity won" or "quote
 * approved" payloads signed with it; each payload the mapping triggers on starts a draft offer from the mapped
 * template as that user, once per opportunity. Another party's connections do not exist for a user (404).
 */
@Service
public class CrmConnections {

    public static final int NAME_MAX = 100;
    public static final int PAGE_MAX = 100;
    public static final int PAYLOAD_MAX = 256 * 1024;
    /** How long the inbound call waits for the draft's change set, so the CRM can store the offer id at once. */
    static final Duration OFFER_WAIT = Duration.ofSeconds(10);

    /** A connection as its owner sees it; the secret is shown only when created or rotated. */
    public record Connection(
            String id,
            String name,
            FieldMapping mapping,
            UUID actingUserId,
            String actingUserEmail,
            boolean active,
            Instant createdAt,
            Instant secretRotatedAt) {}

    public record WithSecret(Connection connection, String secret) {}

    /** What the inbound endpoint answers. */
    public record Received(
            Outcome outcome,
            String receiptId,
            @Nullable String externalId,
            @Nullable String changeSetId,
            @Nullable String offerId,
            boolean duplicate) {}

    private final CrmRepository repository;
    private final OfferTemplates templates;
    private final UserManagement users;
    private final PrincipalSource principals;
    private final SecretBox box;
    private final JsonMapper json;
    private final JsonMapper payloads;
    private final TransactionTemplate transaction;
    private final Clock clock;
    /** Signatures carry real time even in simulation mode: the CRM signs with its own clock. */
    private final Clock signatureClock = Clock.systemUTC();

    private final SecureRandom random = new SecureRandom();

    CrmConnections(
            CrmRepository repository,
            OfferTemplates templates,
            UserManagement users,
            PrincipalSource principals,
            SecretBox box,
            JsonMapper json,
            PlatformTransactionManager transactions,
            Clock clock) {
        this.repository = repository;
        this.templates = templates;
        this.users = users;
        this.principals = principals;
        this.box = box;
        this.json = json;
        // Amounts in a CRM's payload keep every digit and their scale, which doubles would not.
        this.payloads = json.rebuild()
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .build();
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    @Transactional
    public WithSecret create(
            OfferdeskPrincipal me,
            @Nullable String name,
            @Nullable JsonNode mapping,
            @Nullable UUID actingUserId,
            boolean active) {
        requireAdministrator(me);
        var checkedName = checkName(name);
        var checkedMapping = FieldMapping.parse(mapping);
        var actor = actingUser(me, actingUserId == null ? me.userId() : actingUserId);
        var id = RandomIds.of("crm-", 16, random);
        var secret = newSecret();
        var now = clock.instant();
        repository.insert(new StoredConnection(
                id,
                me.partyId(),
                checkedName,
                box.seal(secret, id),
                json.writeValueAsString(checkedMapping.document()),
                actor.id(),
                actor.email(),
                active,
                now,
                now));
        return new WithSecret(connection(stored(me, id)), secret);
    }

    @Transactional
    public Connection update(
            OfferdeskPrincipal me,
            String id,
            @Nullable String name,
            @Nullable JsonNode mapping,
            @Nullable UUID actingUserId,
            boolean active) {
        requireAdministrator(me);
        var current = stored(me, id);
        var checkedName = checkName(name);
        var checkedMapping = FieldMapping.parse(mapping);
        var actor = actingUser(me, actingUserId == null ? current.actingUserId() : actingUserId);
        repository.update(
                me.partyId(),
                id,
                checkedName,
                json.writeValueAsString(checkedMapping.document()),
                actor.id(),
                actor.email(),
                active);
        return connection(stored(me, id));
    }

    /** A new secret; payloads signed with the old one are refused from now on. */
    @Transactional
    public WithSecret rotateSecret(OfferdeskPrincipal me, String id) {
        requireAdministrator(me);
        stored(me, id);
        var secret = newSecret();
        repository.rotateSecret(me.partyId(), id, box.seal(secret, id), clock.instant());
        return new WithSecret(connection(stored(me, id)), secret);
    }

    /** Who a connection may act for: the party's active offer authors. */
    @Transactional(readOnly = true)
    public List<User> actingUsers(OfferdeskPrincipal me) {
        requireAdministrator(me);
        return users.activeHolders(me.partyId(), Role.OFFER_AUTHOR, null);
    }

    @Transactional(readOnly = true)
    public List<Connection> connections(OfferdeskPrincipal me) {
        requireAdministrator(me);
        return repository.connections(me.partyId()).stream()
                .map(this::connection)
                .toList();
    }

    @Transactional(readOnly = true)
    public Connection connection(OfferdeskPrincipal me, String id) {
        requireAdministrator(me);
        return connection(stored(me, id));
    }

    @Transactional(readOnly = true)
    public List<Receipt> receipts(OfferdeskPrincipal me, String id, int offset, int limit) {
        requireAdministrator(me);
        Validations.checkPage(offset, limit, PAGE_MAX);
        stored(me, id);
        return repository.receipts(me.partyId(), id, offset, limit);
    }

    /**
     * Runs a sample payload through a mapping, saved or not, and changes nothing: what the owner sees before pointing
     * the CRM at the connection.
     *
     * @param request {@code {"mapping": …, "payload": …}} as sent
     */
    public FieldMapping.Outcome test(OfferdeskPrincipal me, String request) {
        var document = read("request", request);
        return test(me, document.get("mapping"), document.get("payload"));
    }

    /** {@link #test(OfferdeskPrincipal, String)} for a mapping and a payload typed separately, as on the page. */
    public FieldMapping.Outcome test(OfferdeskPrincipal me, String mapping, String payload) {
        return test(me, read("mapping", mapping), read("payload", payload));
    }

    private FieldMapping.Outcome test(OfferdeskPrincipal me, @Nullable JsonNode mapping, @Nullable JsonNode payload) {
        requireAdministrator(me);
        var checked = FieldMapping.parse(mapping);
        if (payload == null || !payload.isObject()) {
            throw new InvalidInput("payload", "crm.payload.notObject");
        }
        return checked.apply(payload);
    }

    /** Reads JSON the owner typed or sent, refused naming {@code field} when it is not JSON. */
    JsonNode read(String field, String text) {
        try {
            return payloads.readTree(text);
        } catch (JacksonException unreadable) {
            throw new InvalidInput(field, "crm.json.unreadable", unreadable.getOriginalMessage());
        }
    }

    /**
     * Takes a payload the CRM posted. The signature is checked before anything else is read; a payload the trigger
     * does not match is recorded and ignored; one that cannot fill the mapping is recorded and refused with the
     * fields it lacks; otherwise the draft is started once per opportunity and a repeat answers with the first.
     *
     * @throws NotFound for an unknown or inactive connection
     * @throws Unauthenticated when the signature is missing, wrong or stale
     */
    public Received receive(String connectionId, @Nullable String signature, String body) {
        var connection = repository
                .connection(connectionId)
                .filter(StoredConnection::active)
                .orElseThrow(() -> new NotFound("CRM connection", connectionId));
        var secret = box.open(connection.secretBox(), connection.id());
        if (signature == null
                || body.length() > PAYLOAD_MAX
                || !OfferdeskSignature.verify(secret, signature, body, signatureClock.instant())) {
            throw new Unauthenticated("crm.signature.invalid");
        }
        JsonNode payload;
        try {
            payload = payloads.readTree(body);
        } catch (JacksonException unreadable) {
            throw new InvalidInput("payload", "crm.payload.notObject");
        }
        if (!payload.isObject()) {
            throw new InvalidInput("payload", "crm.payload.notObject");
        }
        var outcome = FieldMapping.parse(json.readTree(connection.mapping())).apply(payload);
        if (!outcome.triggered()) {
            return record(connection, Outcome.IGNORED, null, null, null, List.of(), body);
        }
        var externalId = outcome.value(Target.EXTERNAL_ID);
        if (!outcome.violations().isEmpty() || externalId == null) {
            record(connection, Outcome.REFUSED, externalId, null, null, outcome.violations(), body);
            throw new InvalidInput(outcome.violations());
        }
        var earlier = repository.created(connection.id(), externalId);
        if (earlier.isPresent()) {
            return repeat(connection, earlier.get());
        }
        var me = actingPrincipal(connection);
        var templateId = outcome.value(Target.TEMPLATE_ID);
        StartOffer request;
        try {
            request = startOffer(outcome);
        } catch (InvalidInput notNumbers) {
            record(connection, Outcome.REFUSED, externalId, null, templateId, notNumbers.violations(), body);
            throw notNumbers;
        }
        Received received;
        try {
            received = transaction.execute(tx -> {
                var started = templates.start(me, String.valueOf(templateId), request);
                var receipt = receipt(
                        connection,
                        Outcome.CREATED,
                        externalId,
                        started.changeSet().id(),
                        templateId,
                        List.of(),
                        body);
                if (!repository.insert(connection.partyId(), receipt)) {
                    // A resend raced this one and won: its draft stands, this one rolls back.
                    tx.setRollbackOnly();
                    return null;
                }
                return new Received(
                        Outcome.CREATED,
                        receipt.id(),
                        externalId,
                        started.changeSet().id(),
                        null,
                        false);
            });
        } catch (InvalidInput refused) {
            var violations = refused.violations().stream()
                    .map(v -> new FieldViolation("offer." + v.field(), v.code(), v.arguments()))
                    .toList();
            record(connection, Outcome.REFUSED, externalId, null, templateId, violations, body);
            throw new InvalidInput(violations);
        } catch (NotFound missing) {
            var violation = FieldViolation.of("payload.templateId", "crm.payload.notFound", missing.getMessage());
            record(connection, Outcome.REFUSED, externalId, null, templateId, List.of(violation), body);
            throw new InvalidInput(List.of(violation));
        }
        if (received == null) {
            return repeat(
                    connection, repository.created(connection.id(), externalId).orElseThrow());
        }
        var offerId = templates.offerOf(me, String.valueOf(received.changeSetId()), OFFER_WAIT);
        return new Received(
                received.outcome(),
                received.receiptId(),
                externalId,
                received.changeSetId(),
                offerId.orElse(null),
                false);
    }

    private Received repeat(StoredConnection connection, Receipt first) {
        var me = actingPrincipal(connection);
        var offerId = first.changeSetId() == null
                ? null
                : templates.offerOf(me, first.changeSetId(), Duration.ZERO).orElse(null);
        return new Received(Outcome.CREATED, first.id(), first.externalId(), first.changeSetId(), offerId, true);
    }

    private Received record(
            StoredConnection connection,
            Outcome outcome,
            @Nullable String externalId,
            @Nullable String changeSetId,
            @Nullable String templateId,
            List<FieldViolation> violations,
            String body) {
        var receipt = receipt(connection, outcome, externalId, changeSetId, templateId, violations, body);
        transaction.executeWithoutResult(tx -> repository.insert(connection.partyId(), receipt));
        return new Received(outcome, receipt.id(), externalId, changeSetId, null, false);
    }

    private Receipt receipt(
            StoredConnection connection,
            Outcome outcome,
            @Nullable String externalId,
            @Nullable String changeSetId,
            @Nullable String templateId,
            List<FieldViolation> violations,
            String body) {
        return new Receipt(
                RandomIds.of("crmr-", 20, random),
                connection.id(),
                clock.instant(),
                outcome,
                externalId,
                changeSetId,
                templateId,
                violations,
                body);
    }

    private static StartOffer startOffer(FieldMapping.Outcome outcome) {
        var accounts = outcome.value(Target.BUYER_ACCOUNT_IDS);
        return new StartOffer(
                outcome.value(Target.PRODUCT_ID),
                outcome.value(Target.RESALE_AUTHORIZATION_ID),
                accounts == null ? null : Arrays.asList(accounts.split(",")),
                outcome.value(Target.OFFER_NAME),
                decimal(outcome, Target.DISCOUNT_PERCENT),
                decimal(outcome, Target.CONTRACT_PRICE),
                quantity(outcome),
                decimal(outcome, Target.MARKUP_PERCENT));
    }

    private static @Nullable BigDecimal decimal(FieldMapping.Outcome outcome, Target target) {
        var text = outcome.value(target);
        if (text == null) {
            return null;
        }
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException notANumber) {
            throw new InvalidInput("payload." + target.wireName(), "crm.payload.notANumber", text);
        }
    }

    private static @Nullable Integer quantity(FieldMapping.Outcome outcome) {
        var number = decimal(outcome, Target.QUANTITY);
        if (number == null) {
            return null;
        }
        try {
            return number.intValueExact();
        } catch (ArithmeticException notWhole) {
            throw new InvalidInput("payload.quantity", "crm.payload.notAWholeNumber", number.toPlainString());
        }
    }

    /**
     * The user a connection acts for, as that user is now: a disabled user or one who lost the offer author's role
     * stops the connection rather than letting the CRM act with rights nobody holds any more.
     */
    private OfferdeskPrincipal actingPrincipal(StoredConnection connection) {
        var login = principals
                .findLogin(connection.actingUserEmail())
                .filter(PrincipalSource.Login::enabled)
                .map(PrincipalSource.Login::principal)
                .filter(p -> p.userId().equals(connection.actingUserId())
                        && p.partyId().equals(connection.partyId())
                        && p.has(Role.OFFER_AUTHOR))
                .orElseThrow(() -> new Conflict("crm.connection.actingUserGone", connection.actingUserEmail()));
        return new OfferdeskPrincipal(
                login.userId(),
                login.email(),
                login.displayName() + " via CRM connection " + connection.name(),
                login.partyId(),
                login.partyName(),
                login.partyKind(),
                login.roles(),
                Actor.Kind.API_KEY);
    }

    private User actingUser(OfferdeskPrincipal me, UUID userId) {
        User user;
        try {
            user = users.user(me, userId);
        } catch (NotFound missing) {
            throw new InvalidInput("actingUserId", "crm.actingUser.unknown", userId);
        }
        var author = user.roles().stream().anyMatch(g -> g.role() == Role.OFFER_AUTHOR);
        if (user.status() != User.Status.ACTIVE || !author) {
            throw new InvalidInput("actingUserId", "crm.actingUser.notAuthor", user.email());
        }
        return user;
    }

    private StoredConnection stored(OfferdeskPrincipal me, String id) {
        return repository.connection(me.partyId(), id).orElseThrow(() -> new NotFound("CRM connection", id));
    }

    private Connection connection(StoredConnection c) {
        return new Connection(
                c.id(),
                c.name(),
                FieldMapping.parse(json.readTree(c.mapping())),
                c.actingUserId(),
                c.actingUserEmail(),
                c.active(),
                c.createdAt(),
                c.secretRotatedAt());
    }

    private static String checkName(@Nullable String name) {
        if (name == null || name.isBlank()) {
            throw new InvalidInput("name", "crm.name.required");
        }
        if (name.strip().length() > NAME_MAX) {
            throw new InvalidInput("name", "crm.name.tooLong", NAME_MAX);
        }
        return name.strip();
    }

    private static void requireAdministrator(OfferdeskPrincipal me) {
        var offersMaker = me.partyKind() == PartyKind.SELLER || me.partyKind() == PartyKind.CHANNEL_PARTNER;
        if (!offersMaker || !me.has(Role.administratorOf(me.partyKind()))) {
            throw new AccessDeniedException("only the party's administrators manage CRM connections");
        }
    }

    private String newSecret() {
        var bytes = new byte[32];
        random.nextBytes(bytes);
        return "crmsec_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
