package io.offerdesk.gtm;

import io.offerdesk.gtm.events.ChecklistItemRecorded;
import io.offerdesk.gtm.internal.templates.TemplateLibrary;
import io.offerdesk.gtm.internal.templates.TemplateOrigins;
import io.offerdesk.gtm.internal.templates.TemplateRepository;
import io.offerdesk.gtm.internal.templates.TemplateRepository.ChecklistEntry;
import io.offerdesk.offers.OfferQueries;
import io.offerdesk.platform.OfferdeskPrincipal;
import io.offerdesk.shared.InvalidInput;
import io.offerdesk.shared.NotFound;
import io.offerdesk.shared.Role;
import io.offerdesk.shared.Validations;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The risk checklist of an offer made from an offer template: its items and what has been recorded for each (evidence
 * by an author, a sign-off by an approver, finance or an administrator). Every record is audited. Approval workflows
 * read {@link #missingItems} to hold an offer until its checklist is complete. An offer not made from a template with a
 * checklist has no items.
 */
@Service
public class OfferChecklists {

    public static final int EVIDENCE_MAX = 2000;

    private final TemplateOrigins origins;
    private final TemplateRepository repository;
    private final OfferQueries offers;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    OfferChecklists(
            TemplateOrigins origins,
            TemplateRepository repository,
            OfferQueries offers,
            ApplicationEventPublisher events,
            Clock clock) {
        this.origins = origins;
        this.repository = repository;
        this.offers = offers;
        this.events = events;
        this.clock = clock;
    }

    /** The offer's checklist items with their state; another party's offer is not found. */
    @Transactional(readOnly = true)
    public List<ChecklistItemStatus> items(OfferdeskPrincipal me, String offerId) {
        TemplateLibrary.requireReader(me);
        offers.offer(me, offerId);
        return items(me.partyId(), offerId);
    }

    /** The items of the seller's (or partner's) offer that still lack their evidence or sign-off, in checklist order. */
    @Transactional(readOnly = true)
    public List<ChecklistItemStatus> missingItems(UUID sellerPartyId, String offerId) {
        return items(sellerPartyId, offerId).stream().filter(i -> !i.done()).toList();
    }

    /** The checklist the offer follows, if it was made from a template that has one. */
    @Transactional(readOnly = true)
    public @Nullable String checklistId(UUID sellerPartyId, String offerId) {
        return origins.ofOffer(sellerPartyId, offerId).map(o -> o.checklistId()).orElse(null);
    }

    /** Records evidence (a text or a link) for an item that needs evidence; authors and administrators may. */
    @Transactional
    public ChecklistItemStatus recordEvidence(
            OfferdeskPrincipal me, String offerId, String itemKey, @Nullable String evidence) {
        TemplateLibrary.requireAuthor(me);
        var item = item(me, offerId, itemKey, ChecklistRequirement.EVIDENCE);
        new Validations().text("evidence", evidence, EVIDENCE_MAX).throwIfInvalid();
        return record(
                me,
                offerId,
                item.key(),
                Validations.present("evidence", evidence).strip(),
                false);
    }

    /** Signs off an item that needs a sign-off; approvers, finance and administrators may. */
    @Transactional
    public ChecklistItemStatus signOff(OfferdeskPrincipal me, String offerId, String itemKey) {
        TemplateLibrary.requireReader(me);
        if (!me.has(Role.OFFER_APPROVER) && !me.has(Role.FINANCE) && !me.has(Role.ADMIN)) {
            throw new AccessDeniedException("only approvers, finance and administrators sign off checklist items");
        }
        var item = item(me, offerId, itemKey, ChecklistRequirement.SIGN_OFF);
        return record(me, offerId, item.key(), null, true);
    }

    private ChecklistItemStatus record(
            OfferdeskPrincipal me, String offerId, String itemKey, @Nullable String evidence, boolean signedOff) {
        var now = clock.instant();
        repository.recordEntry(
                me.partyId(),
                offerId,
                new ChecklistEntry(itemKey, evidence, signedOff, me.actor().name(), now));
        var checklistId = Validations.present("checklistId", checklistId(me.partyId(), offerId));
        events.publishEvent(new ChecklistItemRecorded(
                offerId, me.partyId(), checklistId, itemKey, evidence, signedOff, me.actor(), now));
        return items(me.partyId(), offerId).stream()
                .filter(i -> i.key().equals(itemKey))
                .findFirst()
                .orElseThrow();
    }

    private ChecklistItemStatus item(
            OfferdeskPrincipal me, String offerId, String itemKey, ChecklistRequirement requirement) {
        var item = items(me, offerId).stream()
                .filter(i -> i.key().equals(itemKey))
                .findFirst()
                .orElseThrow(() -> new NotFound("checklist-item", itemKey));
        if (item.requirement() != requirement) {
            throw new InvalidInput("itemKey", "templates.checklist.requirement", item.requirement());
        }
        return item;
    }

    private List<ChecklistItemStatus> items(UUID owner, String offerId) {
        var checklistId = checklistId(owner, offerId);
        if (checklistId == null) {
            return List.of();
        }
        var checklist = repository.checklist(owner, checklistId).orElseThrow();
        var entries = repository.entries(owner, offerId).stream()
                .collect(Collectors.toMap(ChecklistEntry::itemKey, Function.identity()));
        return checklist.items().stream()
                .map(item -> {
                    var entry = entries.get(item.key());
                    return new ChecklistItemStatus(
                            item.key(),
                            item.text(),
                            item.requirement(),
                            entry == null ? null : entry.evidence(),
                            entry != null && entry.signedOff(),
                            entry == null ? null : entry.recordedBy(),
                            entry == null ? null : entry.recordedAt());
                })
                .toList();
    }
}
