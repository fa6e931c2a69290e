package io.offerdesk.changesets;

import io.offerdesk.changesets.ChangeSet.Change;
import io.offerdesk.changesets.StartChangeSet.RequestedChange;
import io.offerdesk.changesets.events.ChangeSetCancelled;
import io.offerdesk.changesets.events.ChangeSetStarted;
import io.offerdesk.changesets.internal.ChangeSetRepository;
import io.offerdesk.changesets.internal.ChangeSetRepository.Stored;
import io.offerdesk.changesets.internal.ChangeSetSettings;
import io.offerdesk.changesets.internal.ChangeSetWorker;
import io.offerdesk.changesets.internal.domain.ChangePlan;
import io.offerdesk.parties.Account;
import io.offerdesk.parties.Party;
import io.offerdesk.parties.PartyManagement;
import io.offerdesk.platform.OfferdeskPrincipal;
import io.offerdesk.shared.Actor;
import io.offerdesk.shared.Conflict;
import io.offerdesk.shared.FieldViolation;
import io.offerdesk.shared.InvalidInput;
import io.offerdesk.shared.NotFound;
import io.offerdesk.shared.PartyKind;
import io.offerdesk.shared.QuotaExceeded;
import io.offerdesk.shared.RandomIds;
import io.offerdesk.shared.ResourceInUse;
import io.offerdesk.shared.Role;
import io.offerdesk.shared.Sha256;
import io.offerdesk.shared.Validations;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * The one write path for catalog entities (offers now; resale authorizations, products and private-marketplace
 * entities later), with the semantics of the AWS Catalog API. Starting a change set checks its shape, ownership and
 * revisions at once and answers with the change set in {@code PREPARING}; a worker applies it in the background, all
 * changes or none. While it runs, every entity it names is locked against other change sets.
 */
@Service
public class ChangeSets {

    public static final int MAX_CHANGES = 20;
    public static final int NAME_MAX = 100;
    public static final int TOKEN_MAX = 64;
    public static final int CHANGE_NAME_MAX = 72;
    public static final int PAGE_MAX = 20;
    /** The longest a client may long-poll a change set. */
    public static final Duration WAIT_MAX = Duration.ofSeconds(20);

    private static final Pattern NAME = Pattern.compile("^[\\w\\s+=.:@-]+$");
    private static final Pattern TOKEN = Pattern.compile("^[!-~]+$");
    private static final Pattern CHANGE_NAME = Pattern.compile("^[a-zA-Z]+$");
    private static final Pattern CHANGE_TYPE = Pattern.compile("^[A-Z]\\w*$");
    private static final Pattern IDENTIFIER = Pattern.compile("^[\\w-]+(@\\d+)?$");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Map<String, ChangeHandler> handlers;
    private final ChangeSetRepository changeSets;
    private final PartyManagement parties;
    private final ApplicationEventPublisher events;
    private final ChangeSetWorker worker;
    private final ChangeSetSettings settings;
    private final Clock clock;
    private final RandomGenerator random = new SecureRandom();

    ChangeSets(
            List<ChangeHandler> handlers,
            ChangeSetRepository changeSets,
            PartyManagement parties,
            ApplicationEventPublisher events,
            ChangeSetWorker worker,
            ChangeSetSettings settings,
            Clock clock) {
        this.handlers = handlers.stream().collect(Collectors.toMap(ChangeHandler::entityType, Function.identity()));
        this.changeSets = changeSets;
        this.parties = parties;
        this.events = events;
        this.worker = worker;
        this.settings = settings;
        this.clock = clock;
    }

    /** Starts a change set for the signed-in user's party; authors and administrators may. */
    @Transactional
    public ChangeSet start(OfferdeskPrincipal me, StartChangeSet request) {
        if (!me.has(Role.ADMIN) && !me.has(Role.OFFER_AUTHOR) && !me.has(Role.MARKETPLACE_ADMIN)) {
            throw new AccessDeniedException("only authors and administrators start change sets");
        }
        return start(me.actor(), me.partyId(), request);
    }

    /**
     * Starts a change set for a party.
     *
     * @throws InvalidInput when the request is malformed, names a stale revision, or reuses a token for another request
     * @throws NotFound when it names an entity the party does not own
     * @throws ResourceInUse when another unfinished change set changes one of its entities
     * @throws QuotaExceeded when the party has too many unfinished change sets
     */
    @Transactional
    public ChangeSet start(Actor actor, UUID owner, StartChangeSet request) {
        var locked = check(owner, request);
        var token = request.clientRequestToken();
        var fingerprint = Sha256.hex(
                JSON.writeValueAsString(new StartChangeSet(request.changes(), request.name(), null, request.intent())));
        if (token != null) {
            var earlier = changeSets.findByToken(owner, token);
            if (earlier.isPresent()) {
                return sameRequest(earlier.get(), fingerprint);
            }
        }
        // Checked before the insert, without a lock: concurrent starts may pass it together, so a party can briefly
        // hold a few more open change sets than the quota while they all commit.
        if (changeSets.countOpen(owner, settings.maxOpen()) >= settings.maxOpen()) {
            throw new QuotaExceeded("quota.openChangeSets", settings.maxOpen());
        }
        var account = parties.accountsOf(owner).stream()
                .filter(a -> a.kind() == Account.Kind.MANAGEMENT)
                .findFirst()
                .orElseThrow(() -> new AccessDeniedException("the party has no account"));
        var id = freshId();
        var changes = Validations.present("changeSet", request.changes()).stream()
                .map(c -> new Change(
                        Validations.present("changeType", c.changeType()),
                        c.changeName(),
                        Validations.present("entityType", c.entityType()),
                        c.entityIdentifier(),
                        c.details() == null ? JsonNodeFactory.instance.objectNode() : c.details(),
                        List.of(),
                        c.entityTags()))
                .toList();
        var name = request.name() != null
                ? request.name()
                : "Submitted by " + account.id().value();
        var now = clock.instant();
        var stored = new Stored(
                new ChangeSet(
                        id,
                        ChangeSetRepository.arn(account.id().value(), id),
                        owner,
                        name,
                        request.intent() == null ? Intent.APPLY : request.intent(),
                        ChangeSetStatus.PREPARING,
                        null,
                        null,
                        now,
                        null,
                        actor.name(),
                        changes),
                account.id().value(),
                actor,
                fingerprint);
        if (!changeSets.insert(stored, token, List.copyOf(locked))) {
            // Another request with the token committed first (its insert held ours until then): answer as it did.
            return sameRequest(
                    changeSets
                            .findByToken(owner, Validations.present("token", token))
                            .orElseThrow(),
                    fingerprint);
        }
        for (var entityId : locked) {
            if (!changeSets.lock(entityId, id)) {
                throw new ResourceInUse(entityId);
            }
        }
        events.publishEvent(new ChangeSetStarted(
                id, owner, name, changes.stream().map(Change::changeType).toList(), actor, now));
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                worker.wake();
            }
        });
        return stored.changeSet();
    }

    private static ChangeSet sameRequest(Stored earlier, String fingerprint) {
        if (!earlier.fingerprint().equals(fingerprint)) {
            throw new InvalidInput("clientRequestToken", "changeSet.tokenReused");
        }
        return earlier.changeSet();
    }

    @Transactional(readOnly = true)
    public ChangeSet describe(OfferdeskPrincipal me, String id) {
        return describe(me.partyId(), id);
    }

    @Transactional(readOnly = true)
    public ChangeSet describe(UUID owner, String id) {
        return changeSets
                .find(owner, id)
                .orElseThrow(() -> new NotFound("change-set", id))
                .changeSet();
    }

    /**
     * A page of the party's change sets.
     *
     * @param nextToken from the previous page, absent for the first
     * @param maxResults 1 to {@link #PAGE_MAX}
     */
    @Transactional(readOnly = true)
    public ChangeSetPage list(UUID owner, ChangeSetFilter filter, @Nullable String nextToken, int maxResults) {
        var checks = new Validations();
        checks.check(maxResults >= 1 && maxResults <= PAGE_MAX, "maxResults", "validation.range", 1, PAGE_MAX);
        int offset = 0;
        if (nextToken != null) {
            try {
                offset = Integer.parseInt(nextToken);
            } catch (NumberFormatException e) {
                offset = -1;
            }
            checks.check(offset >= 0, "nextToken", "validation.nextToken");
        }
        checks.throwIfInvalid();
        var page = changeSets.list(owner, filter, offset, maxResults + 1);
        var more = page.size() > maxResults;
        return new ChangeSetPage(
                page.stream().limit(maxResults).map(Stored::changeSet).toList(),
                more ? Integer.toString(offset + maxResults) : null);
    }

    /** Cancels a change set that has not started applying. */
    @Transactional
    public ChangeSet cancel(OfferdeskPrincipal me, String id) {
        return cancel(me.actor(), me.partyId(), id);
    }

    @Transactional
    public ChangeSet cancel(Actor actor, UUID owner, String id) {
        var current = describe(owner, id);
        var now = clock.instant();
        if (!changeSets.cancel(owner, id, now)) {
            throw new Conflict("changeSet.notCancellable", current.status().name());
        }
        changeSets.unlock(id);
        events.publishEvent(new ChangeSetCancelled(id, owner, actor, now));
        return describe(owner, id);
    }

    /**
     * Waits until the change set is final or the timeout passes, and returns it as it is then: for pages that show a
     * change's outcome at once, and for API clients that long-poll instead of asking again and again.
     */
    public ChangeSet awaitFinal(UUID owner, String id, Duration timeout) {
        var status = changeSets.status(owner, id).orElseThrow(() -> new NotFound("change-set", id));
        if (!status.isFinal() && timeout.isPositive()) {
            worker.awaitFinal(id, timeout);
        }
        return describe(owner, id);
    }

    /** Checks the request synchronously and returns the entities it locks. */
    private LinkedHashSet<String> check(UUID owner, StartChangeSet request) {
        var checks = new Validations();
        checks.maxLength("changeSetName", request.name(), NAME_MAX);
        checks.matches("changeSetName", request.name(), NAME, "validation.pattern");
        checks.maxLength("clientRequestToken", request.clientRequestToken(), TOKEN_MAX);
        checks.matches("clientRequestToken", request.clientRequestToken(), TOKEN, "validation.pattern");
        var changes = request.changes();
        checks.required("changeSet", changes);
        if (changes == null) {
            checks.throwIfInvalid();
            return new LinkedHashSet<>();
        }
        checks.check(
                !changes.isEmpty() && changes.size() <= MAX_CHANGES, "changeSet", "validation.size", 1, MAX_CHANGES);
        checks.throwIfInvalid();
        var ownerKind = parties.find(owner).map(Party::kind).orElse(null);
        var names = new HashSet<String>();
        var seen = new HashSet<String>();
        var steps = new ArrayList<ChangePlan.Step>();
        for (int i = 0; i < changes.size(); i++) {
            var path = "changeSet[" + i + "]";
            var change = changes.get(i);
            checkChange(checks, path, change, owner, ownerKind, names, seen);
            steps.add(new ChangePlan.Step(
                    change.changeName(),
                    change.entityIdentifier(),
                    change.details() == null ? JsonNodeFactory.instance.objectNode() : change.details()));
        }
        var ordering = new ArrayList<FieldViolation>();
        ChangePlan.order(steps, "changeSet", ordering);
        ordering.forEach(checks::add);
        checks.throwIfInvalid();
        var locked = new LinkedHashSet<String>();
        for (int i = 0; i < changes.size(); i++) {
            var identifier = changes.get(i).entityIdentifier();
            if (identifier == null || ChangePlan.referencedName(identifier) != null) {
                continue;
            }
            var at = identifier.indexOf('@');
            var entityId = at < 0 ? identifier : identifier.substring(0, at);
            var handler = handlers.get(
                    Validations.present("entityType", changes.get(i).entityType()));
            var current = Validations.present("handler", handler).revisionOf(owner, entityId);
            if (at >= 0 && Long.parseLong(identifier.substring(at + 1)) != current) {
                checks.check(false, "changeSet[" + i + "].entity.identifier", "changeSet.staleRevision", current);
            }
            locked.add(entityId);
        }
        checks.throwIfInvalid();
        return locked;
    }

    private void checkChange(
            Validations checks,
            String path,
            RequestedChange change,
            UUID owner,
            @Nullable PartyKind ownerKind,
            HashSet<String> names,
            HashSet<String> seen) {
        checks.required(path + ".changeType", change.changeType());
        checks.matches(path + ".changeType", change.changeType(), CHANGE_TYPE, "validation.pattern");
        checks.required(path + ".entity.type", change.entityType());
        checks.maxLength(path + ".changeName", change.changeName(), CHANGE_NAME_MAX);
        checks.matches(path + ".changeName", change.changeName(), CHANGE_NAME, "validation.pattern");
        ResourceMetadata.checkTags(
                checks,
                path + ".entityTags",
                change.entityTags(),
                change.entityTags().size());
        var changeName = change.changeName();
        if (changeName != null) {
            checks.check(names.add(changeName), path + ".changeName", "changeSet.duplicateChangeName", changeName);
        }
        var entityType = change.entityType();
        var changeType = change.changeType();
        if (entityType == null || changeType == null) {
            return;
        }
        var handler = handlers.get(entityType);
        if (handler == null || ownerKind == null || !handler.ownerKinds().contains(ownerKind)) {
            checks.check(false, path + ".entity.type", "changeSet.unknownEntityType", entityType);
            return;
        }
        if (!handler.changeTypes().contains(changeType)) {
            checks.check(false, path + ".changeType", "changeSet.unknownChangeType", changeType, entityType);
            return;
        }
        var identifier = change.entityIdentifier();
        if (handler.creatingChangeTypes().contains(changeType)) {
            checks.check(identifier == null, path + ".entity.identifier", "changeSet.identifierOnCreate");
        } else if (identifier == null) {
            checks.required(path + ".entity.identifier", null);
        } else {
            checks.check(
                    ChangePlan.referencedName(identifier) != null
                            || (identifier.length() <= 255
                                    && IDENTIFIER.matcher(identifier).matches()),
                    path + ".entity.identifier",
                    "validation.pattern");
            var target = identifier.contains("@") ? identifier.substring(0, identifier.indexOf('@')) : identifier;
            checks.check(
                    seen.add(changeType + " " + target),
                    path + ".changeType",
                    "changeSet.duplicateChangeType",
                    changeType,
                    target);
        }
        var details = change.details();
        if (details == null || !details.isObject()) {
            checks.check(false, path + ".detailsDocument", "changeSet.detailsObject");
            return;
        }
        var before = checks.isValid();
        handler.checkShape(changeType, details, path + ".detailsDocument", checks);
        if (before && checks.isValid()) {
            handler.checkForOwner(owner, changeType, details, path + ".detailsDocument", checks);
        }
    }

    private String freshId() {
        return RandomIds.of("", 25, random);
    }
}
