package io.offerdesk.gtm.internal.renewals;

import io.offerdesk.agreements.Agreement;
import io.offerdesk.agreements.AgreementFilter;
import io.offerdesk.agreements.Agreements;
import io.offerdesk.agreements.EndTimeBehavior;
import io.offerdesk.agreements.PartyType;
import io.offerdesk.gtm.events.RenewalFailed;
import io.offerdesk.gtm.internal.renewals.RenewalRepository.Settings;
import io.offerdesk.parties.Party;
import io.offerdesk.parties.PartyManagement;
import io.offerdesk.platform.DueWork;
import io.offerdesk.platform.OfferdeskPrincipal;
import io.offerdesk.shared.Actor;
import io.offerdesk.shared.Conflict;
import io.offerdesk.shared.InvalidInput;
import io.offerdesk.shared.NotFound;
import io.offerdesk.shared.QuotaExceeded;
import io.offerdesk.shared.ResourceInUse;
import io.offerdesk.shared.Role;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The renewal engine's due work: for each party that switched it on, its active agreements (it proposed them) ending
 * within the lead days that do not renew automatically and have no draft yet get their renewal drafted, each in a
 * transaction of its own. The draft's primary key (the agreement) makes every agreement drafted once, whichever node
 * runs; a refusal is recorded with its reason and not tried again, while a party with too many change sets open waits
 * for the next run.
 */
@Component
class RenewalEngine implements DueWork {

    /** The engine's name in the audit trail and the approval trail. */
    static final String NAME = "Renewal engine";

    private static final Logger log = LoggerFactory.getLogger(RenewalEngine.class);

    private final RenewalRepository repository;
    private final RenewalDrafter drafter;
    private final Agreements agreements;
    private final PartyManagement parties;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;

    RenewalEngine(
            RenewalRepository repository,
            RenewalDrafter drafter,
            Agreements agreements,
            PartyManagement parties,
            ApplicationEventPublisher events,
            TransactionTemplate transactions) {
        this.repository = repository;
        this.drafter = drafter;
        this.agreements = agreements;
        this.parties = parties;
        this.events = events;
        this.transactions = transactions;
    }

    /**
     * How the engine acts for a party: as an offer author of the party named after the engine, so the party's own
     * rules (offer rules, change-set quota, approval policy) apply to its drafts and the trails name the engine. The
     * user id is fixed per party and belongs to no user, so no one can sign in as the engine.
     */
    static OfferdeskPrincipal principal(Party party) {
        var userId = UUID.nameUUIDFromBytes(("renewal-engine:" + party.id()).getBytes(StandardCharsets.UTF_8));
        return new OfferdeskPrincipal(
                userId,
                "renewal-engine@offerdesk.invalid",
                NAME,
                party.id(),
                party.name(),
                party.kind(),
                Set.of(Role.OFFER_AUTHOR),
                Actor.Kind.SYSTEM);
    }

    Optional<OfferdeskPrincipal> principal(UUID partyId) {
        return parties.find(partyId).map(RenewalEngine::principal);
    }

    @Override
    public Optional<Instant> nextDueAfter(Instant after) {
        Optional<Instant> next = Optional.empty();
        for (var party : repository.enabledParties()) {
            var engine = principal(party.partyId());
            if (engine.isEmpty()) {
                continue;
            }
            var lead = Duration.ofDays(party.settings().leadDays());
            var first = agreements
                    .search(
                            engine.get(),
                            AgreementFilter.activeEnding(PartyType.PROPOSER, after.plus(lead), null),
                            0,
                            1)
                    .agreements()
                    .stream()
                    .map(Agreement::endTime)
                    .filter(Objects::nonNull)
                    .map(end -> end.minus(lead))
                    .findFirst();
            if (first.isPresent() && (next.isEmpty() || first.get().isBefore(next.get()))) {
                next = first;
            }
        }
        return next;
    }

    @Override
    public void runDue(Instant now) {
        for (var party : repository.enabledParties()) {
            var engine = principal(party.partyId());
            if (engine.isPresent()) {
                for (var agreement : due(engine.get(), party.settings(), now)) {
                    draft(engine.get(), party.settings(), agreement, now);
                }
            }
        }
    }

    /**
     * The party's active agreements ending within the lead days from {@code now}, soonest first, that will not renew by
     * themselves and have no draft yet.
     */
    List<Agreement> due(OfferdeskPrincipal engine, Settings settings, Instant now) {
        var window = upcoming(engine, settings.leadDays(), now).stream()
                .filter(a -> a.endTimeBehavior().type() != EndTimeBehavior.Type.RENEW)
                .toList();
        var drafted = new HashSet<>(repository.drafted(
                engine.partyId(), window.stream().map(a -> a.id().value()).toList()));
        return window.stream().filter(a -> !drafted.contains(a.id().value())).toList();
    }

    /** The party's active agreements ending within {@code days} from {@code now}, soonest first. */
    List<Agreement> upcoming(OfferdeskPrincipal engine, int days, Instant now) {
        return agreements.searchAll(
                engine, AgreementFilter.activeEnding(PartyType.PROPOSER, now, now.plus(Duration.ofDays(days))));
    }

    private void draft(OfferdeskPrincipal engine, Settings settings, Agreement agreement, Instant now) {
        var plan = drafter.plan(engine, settings, agreement);
        String reason;
        try {
            transactions.executeWithoutResult(status -> drafter.draft(engine, plan, agreement, now));
            return;
        } catch (QuotaExceeded | ResourceInUse busy) {
            // The party has too many change sets open, or one changes the agreement's offer: the next run tries again.
            log.info("Renewal of agreement {} waits: {}", agreement.id().value(), busy.toString());
            return;
        } catch (InvalidInput refused) {
            reason = refused.violations().stream()
                    .map(v -> v.field() + ": " + v.code() + " " + v.arguments())
                    .collect(Collectors.joining("; "));
        } catch (NotFound gone) {
            reason = "Not found: " + gone.entityType() + " " + gone.entityId();
        } catch (Conflict | AccessDeniedException refused) {
            reason = String.valueOf(refused.getMessage());
        }
        log.info(
                "Renewal of agreement {} could not be drafted: {}",
                agreement.id().value(),
                reason);
        var failure = reason;
        transactions.executeWithoutResult(status -> {
            if (drafter.failed(engine, plan, agreement, failure, now)) {
                events.publishEvent(new RenewalFailed(
                        agreement.id().value(), engine.partyId(), plan.mode().name(), failure, engine.actor(), now));
            }
        });
    }
}
