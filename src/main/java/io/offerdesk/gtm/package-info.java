/**
 * GTM automation: template library, approval workflows, CRM sync, bulk creation, reminders and the renewal engine.
 *
 * <p>The template library (ADR 0028) keeps EULA clauses with immutable versions, EULA templates composed from the
 * standard body and chosen clause versions, pricing and payment templates, approval forms, risk checklists, and offer
 * templates that combine them. {@link io.offerdesk.gtm.OfferTemplates} starts a full draft offer from a template in
 * one change set; {@link io.offerdesk.gtm.OfferChecklists} tells which checklist items of an offer still lack their
 * evidence or sign-off.
 *
 * <p>Approval workflows ({@link io.offerdesk.gtm.OfferApprovals}, ADR 0029): a seller's or channel partner's policy
 * selects the approvals a draft needs; offers asks this module, through {@link io.offerdesk.offers.ReleaseApprovals},
 * before it releases one.
 *
 * <p>Bulk offers ({@link io.offerdesk.gtm.BulkOffers}, ADR 0030): many private offers from one CSV or XLSX file,
 * each row validated and created as its own change set in the background.
 *
 * <p>Deal strategy (ADR 0032): a party's ranked segment rules say which buyers the public price serves and which get
 * private offers, with a discount band and a default offer template per segment. The offer composer shows a draft's
 * position through {@link io.offerdesk.offers.ComposerAdvice}; each released offer's position is published as
 * {@link io.offerdesk.gtm.events.OfferPositioned}.
 *
 * <p>The renewal engine (ADR 0033) drafts the renewal of agreements approaching their end (a replacement, future-dated
 * or new offer, the price raised, flagged as a renewal) and queues it for approval, acting for the party as its
 * renewal engine; it reads agreements through the agreements module's API.
 */
@ApplicationModule(
        displayName = "GTM automation",
        allowedDependencies = {
            "platform",
            "parties",
            "catalog",
            "offers",
            "offers :: events",
            "changesets",
            "changesets :: events",
            "agreements"
        })
@NullMarked
package io.offerdesk.gtm;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
