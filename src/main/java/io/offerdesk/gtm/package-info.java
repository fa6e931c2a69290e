/**
 * GTM automation: template library, approval workflows, CRM sync, bulk creation, reminders and the renewal engine.
 *
 * <p>The template library (ADR 0028) keeps EULA clauses with immutable versions, EULA templates composed from the
 * standard body and chosen clause versions, pricing and payment templates, approval forms, risk checklists, and offer
 * templates that combine them. {@link io.offerdesk.gtm.OfferTemplates} starts a full draft offer from a template in
 * one change set; {@link io.offerdesk.gtm.OfferChecklists} tells which checklist items of an offer still lack their
 * evidence or sign-off.
 */
@ApplicationModule(
        displayName = "GTM automation",
        allowedDependencies = {"platform", "parties", "catalog", "offers", "offers :: events", "changesets"})
@NullMarked
package io.offerdesk.gtm;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
