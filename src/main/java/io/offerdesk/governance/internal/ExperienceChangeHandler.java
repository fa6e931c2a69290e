package io.offerdesk.governance.internal;

import io.offerdesk.catalog.CatalogManagement;
import io.offerdesk.catalog.ProductId;
import io.offerdesk.changesets.ChangeHandler;
import io.offerdesk.changesets.ChangeRejected;
import io.offerdesk.changesets.ChangeSession;
import io.offerdesk.changesets.ChangeSetContext;
import io.offerdesk.changesets.ChangedEntities;
import io.offerdesk.changesets.ResolvedChange;
import io.offerdesk.governance.Experience;
import io.offerdesk.governance.Experience.ProductRule;
import io.offerdesk.governance.events.ExperienceChanged;
import io.offerdesk.governance.internal.domain.ExperienceChange;
import io.offerdesk.governance.internal.domain.ExperienceChanges;
import io.offerdesk.governance.internal.domain.ExperienceDecisions;
import io.offerdesk.parties.Account;
import io.offerdesk.parties.OrganizationalUnit;
import io.offerdesk.parties.PartyManagement;
import io.offerdesk.shared.FieldViolation;
import io.offerdesk.shared.NotFound;
import io.offerdesk.shared.PartyKind;
import io.offerdesk.shared.RandomIds;
import io.offerdesk.shared.Validations;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.random.RandomGenerator;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Applies private-marketplace changes for the change-set engine: load each experience once, decide every change
 * purely with {@link ExperienceDecisions}, then store each one once with a new revision and its event. Only buyer
 * organizations own experiences, and an audience names only the owner's own organization, units and accounts.
 */
@Component
class ExperienceChangeHandler implements ChangeHandler {

    private final ExperienceRepository experiences;
    private final CatalogManagement catalog;
    private final PartyManagement parties;
    private final ApplicationEventPublisher events;
    private final RandomGenerator random = new SecureRandom();

    ExperienceChangeHandler(
            ExperienceRepository experiences,
            CatalogManagement catalog,
            PartyManagement parties,
            ApplicationEventPublisher events) {
        this.experiences = experiences;
        this.catalog = catalog;
        this.parties = parties;
        this.events = events;
    }

    @Override
    public String entityType() {
        return Experience.ENTITY_TYPE;
    }

    @Override
    public Set<String> changeTypes() {
        return ExperienceChanges.CHANGE_TYPES;
    }

    @Override
    public Set<String> creatingChangeTypes() {
        return Set.of(ExperienceChanges.CREATE);
    }

    @Override
    public Set<PartyKind> ownerKinds() {
        return Set.of(PartyKind.BUYER);
    }

    @Override
    public void checkShape(String changeType, JsonNode details, String path, Validations checks) {
        ExperienceChanges.parse(changeType, details, path, checks);
    }

    @Override
    public void checkForOwner(UUID owner, String changeType, JsonNode details, String path, Validations checks) {
        var change = ExperienceChanges.parse(changeType, details, path, new Validations());
        switch (change) {
            case ExperienceChange.AssociateAudience associate ->
                checkPrincipals(owner, associate.principals(), path + ".Principals", checks);
            case ExperienceChange.AllowProducts allow -> checkProducts(allow.products(), path + ".Products", checks);
            case ExperienceChange.DenyProducts deny -> checkProducts(deny.products(), path + ".Products", checks);
            case null, default -> {}
        }
    }

    /** Every principal must be the organization itself, one of its units or one of its accounts. */
    void checkPrincipals(UUID owner, List<String> principals, String field, Validations checks) {
        var known = new HashSet<String>();
        known.add(owner.toString());
        parties.accountsOf(owner).stream().map(Account::id).forEach(id -> known.add(id.value()));
        parties.organizationalUnitsOf(owner).stream()
                .map(OrganizationalUnit::id)
                .forEach(id -> known.add(id.toString()));
        for (int i = 0; i < principals.size(); i++) {
            checks.check(
                    known.contains(principals.get(i)),
                    field + "[" + i + "]",
                    "governance.principalNotInOrganization",
                    principals.get(i));
        }
    }

    private void checkProducts(List<ProductRule> products, String field, Validations checks) {
        for (var rule : products) {
            var exists =
                    ProductId.parse(rule.productId()).flatMap(catalog::find).isPresent();
            if (!exists) {
                checks.add(FieldViolation.of(field, "governance.unknownProduct", rule.productId()));
            }
        }
    }

    @Override
    public long revisionOf(UUID ownerPartyId, String entityId) {
        return experiences.revision(ownerPartyId, entityId).orElseThrow(() -> new NotFound("experience", entityId));
    }

    @Override
    public ChangeSession open(ChangeSetContext context) {
        return new Session(context);
    }

    private String freshId(String prefix) {
        return RandomIds.of(prefix, Experience.ID_RANDOM_LENGTH, random);
    }

    /** The experiences of one change set, held in memory until {@link #finish}. */
    private final class Session implements ChangeSession {

        private final ChangeSetContext context;
        private final ChangedEntities<String, Experience> changed = new ChangedEntities<>();
        private final List<ExperienceChanged> pending = new ArrayList<>();

        Session(ChangeSetContext context) {
            this.context = context;
        }

        @Override
        public String apply(ResolvedChange change) {
            var checks = new Validations();
            var parsed = ExperienceChanges.parse(change.changeType(), change.details(), "DetailsDocument", checks);
            if (parsed == null || !checks.isValid()) {
                // Only a resolved reference can differ from what was checked at the start.
                throw new ChangeRejected("INVALID_INPUT", "DetailsDocument: " + checks);
            }
            var current = change.entityId() == null ? null : current(change.entityId());
            var next = ExperienceDecisions.apply(
                    current,
                    parsed,
                    new ExperienceDecisions.Context(
                            context.now(), context.ownerPartyId(), ExperienceChangeHandler.this::freshId));
            changed.record(next.id(), current, next, change.changeType());
            return next.id();
        }

        @Override
        public Map<String, Long> finish() {
            var revisions = new HashMap<String, Long>();
            changed.forEach((id, previous, latest, changeTypes) -> {
                var experience = latest.withRevision(previous == null ? 1 : previous.revision() + 1);
                experiences.save(experience);
                pending.add(new ExperienceChanged(
                        id,
                        experience.ownerPartyId(),
                        experience.revision(),
                        changeTypes,
                        experience.status().wireName(),
                        context.changeSetId(),
                        context.actor(),
                        context.now()));
                revisions.put(id, experience.revision());
            });
            return revisions;
        }

        @Override
        public void publish() {
            pending.forEach(events::publishEvent);
        }

        private Experience current(String entityId) {
            var held = changed.latest(entityId);
            if (held != null) {
                return held;
            }
            return experiences
                    .find(context.ownerPartyId(), entityId)
                    .orElseThrow(
                            () -> new ChangeRejected("RESOURCE_NOT_FOUND", "Experience " + entityId + " not found."));
        }
    }
}
