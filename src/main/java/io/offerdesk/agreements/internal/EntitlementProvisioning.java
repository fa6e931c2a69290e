package io.offerdesk.agreements.internal;

import io.offerdesk.agreements.Agreement;
import io.offerdesk.agreements.AgreementId;
import io.offerdesk.agreements.Entitlement;
import io.offerdesk.agreements.EntitlementStatus;
import io.offerdesk.agreements.EntitlementStatusReason;
import io.offerdesk.agreements.events.AgreementAccepted;
import io.offerdesk.agreements.events.AgreementEnded;
import io.offerdesk.agreements.events.AgreementStarted;
import io.offerdesk.agreements.internal.domain.EntitlementGrants;
import io.offerdesk.catalog.CatalogManagement;
import io.offerdesk.catalog.Delivery;
import io.offerdesk.catalog.Product;
import io.offerdesk.catalog.ProductId;
import io.offerdesk.catalog.ProductType;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Keeps entitlements in step with their agreements. Acceptance stays lean: it publishes {@link AgreementAccepted},
 * and this listener derives the entitlements after the acceptance committed. Each handler reads the agreement as it
 * is now and is idempotent, so handlers that run late, twice or out of order still end in the right status.
 */
@Component
class EntitlementProvisioning {

    private static final String CUSTOMER_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    /** AWS's customer identifiers are 11 to 13 letters and digits; Offerdesk makes them 11 long. */
    static final int CUSTOMER_IDENTIFIER_LENGTH = 11;

    private static final int LICENSE_RANDOM_BYTES = 16;

    private final AgreementRepository agreements;
    private final EntitlementRepository entitlements;
    private final FulfillmentPostRepository posts;
    private final FulfillmentPosts fulfillment;
    private final CatalogManagement catalog;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    EntitlementProvisioning(
            AgreementRepository agreements,
            EntitlementRepository entitlements,
            FulfillmentPostRepository posts,
            FulfillmentPosts fulfillment,
            CatalogManagement catalog,
            Clock clock) {
        this.agreements = agreements;
        this.entitlements = entitlements;
        this.posts = posts;
        this.fulfillment = fulfillment;
        this.catalog = catalog;
        this.clock = clock;
    }

    /**
     * One entitlement per granted dimension, under the account's customer identifier for the product (kept across
     * renewals and replacements) and a new license.
     */
    @ApplicationModuleListener
    void on(AgreementAccepted accepted) {
        var agreement = agreements.find(new AgreementId(accepted.agreementId())).orElseThrow();
        var now = clock.instant();
        var provisioning =
                EntitlementGrants.statusAt(agreement.isActive(), agreement.startTime(), agreement.endTime(), now);
        var customer = entitlements.customerIdentifier(
                agreement.acceptorAccountId(), agreement.productId(), freshCustomerIdentifier());
        var license = freshLicenseArn(agreement);
        var granted = EntitlementGrants.of(agreement.terms()).stream()
                .map(grant -> new Entitlement(
                        agreement.id(),
                        agreement.productId(),
                        agreement.productType(),
                        grant.dimensionKey(),
                        grant.type(),
                        grant.value(),
                        agreement.proposerPartyId(),
                        agreement.acceptorPartyId(),
                        agreement.acceptorAccountId(),
                        customer,
                        license,
                        agreement.startTime(),
                        agreement.endTime(),
                        provisioning.status(),
                        provisioning.reason(),
                        now))
                .toList();
        entitlements.insert(granted);
        if (provisioning.status() == EntitlementStatus.PROVISIONED) {
            provisioned(agreement, now);
        }
    }

    /** A future-dated agreement reached its start: its scheduled entitlements are provisioned. */
    @ApplicationModuleListener
    void on(AgreementStarted started) {
        var agreement = agreements.find(new AgreementId(started.agreementId())).orElseThrow();
        var now = clock.instant();
        var moved = entitlements.move(
                agreement.id(),
                List.of(EntitlementStatus.SCHEDULED),
                EntitlementStatus.PROVISIONED,
                EntitlementStatusReason.AGREEMENT_ACTIVE,
                now);
        if (moved > 0) {
            provisioned(agreement, now);
        }
    }

    /** An agreement that ended (expired, cancelled, renewed, replaced, terminated) entitles to nothing any more. */
    @ApplicationModuleListener
    void on(AgreementEnded ended) {
        entitlements.move(
                new AgreementId(ended.agreementId()),
                List.of(EntitlementStatus.PENDING, EntitlementStatus.SCHEDULED, EntitlementStatus.PROVISIONED),
                EntitlementStatus.DEPROVISIONED,
                EntitlementStatusReason.AGREEMENT_INACTIVE,
                ended.occurredAt());
    }

    /**
     * The agreement's entitlements took over from its predecessor's; a new SaaS subscription (not a renewal, whose
     * customer is registered already) is announced to the seller's fulfillment URL.
     */
    private void provisioned(Agreement agreement, Instant now) {
        entitlements.deprovisionPredecessors(agreement.acceptorAccountId(), agreement.productId(), agreement.id(), now);
        if (agreement.productType() != ProductType.SAAS || agreement.renewals() > 0) {
            return;
        }
        catalog.find(new ProductId(agreement.productId()))
                .map(Product::delivery)
                .filter(Delivery.Saas.class::isInstance)
                .map(Delivery.Saas.class::cast)
                .ifPresent(saas -> {
                    posts.enqueue(agreement.id(), saas.fulfillmentUrl(), now);
                    fulfillment.postAfterCommit();
                });
    }

    private String freshCustomerIdentifier() {
        var identifier = new StringBuilder(CUSTOMER_IDENTIFIER_LENGTH);
        for (int i = 0; i < CUSTOMER_IDENTIFIER_LENGTH; i++) {
            identifier.append(CUSTOMER_ALPHABET.charAt(random.nextInt(CUSTOMER_ALPHABET.length())));
        }
        return identifier.toString();
    }

    /** A License Manager license ARN in AWS's form, under the proposer's account. */
    private String freshLicenseArn(Agreement agreement) {
        var bytes = new byte[LICENSE_RANDOM_BYTES];
        random.nextBytes(bytes);
        return "arn:aws:license-manager::%s:license:l-%s"
                .formatted(agreement.proposerAccountId().value(), HexFormat.of().formatHex(bytes));
    }
}
