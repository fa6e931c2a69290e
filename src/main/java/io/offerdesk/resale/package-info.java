/**
 * Resale: the resale authorizations an ISV grants a channel partner, as AWS Marketplace's
 * {@code ResaleAuthorization@1.0} entity. The ISV builds an authorization as a draft through change sets (product,
 * reseller account, buyers, availability, buyer validity, legal terms, wholesale pricing, payment schedule, net payment
 * ceiling, renewal flag) and releases it; the partner then sees it and creates channel partner private offers (CPPOs)
 * from it. A released authorization is never edited again: it is restricted or cloned.
 *
 * <p>The module root holds what other modules read: {@link io.offerdesk.resale.ResaleAuthorization} and
 * {@link io.offerdesk.resale.ResaleAuthorizations} (lists, detail, the {@code DescribeEntity} document, clone). It
 * provides offers' {@link io.offerdesk.offers.ResaleAuthorizationSource}, writing wholesale prices as offers' terms.
 */
@ApplicationModule(
        displayName = "Resale authorizations",
        allowedDependencies = {"platform", "parties", "catalog", "changesets", "offers"})
@NullMarked
package io.offerdesk.resale;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
