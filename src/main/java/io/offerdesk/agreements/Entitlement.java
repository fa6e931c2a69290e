package io.offerdesk.agreements;

import io.offerdesk.catalog.ProductType;
import io.offerdesk.shared.AccountId;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What one agreement entitles its buyer account to in one dimension of the product: AWS's {@code Entitlement}
 * (GetEntitlements) and {@code AgreementEntitlement} (GetAgreementEntitlements) in one record. The product id is the
 * product code: Offerdesk has no separate code.
 *
 * @param type the term that granted it, e.g. {@code FixedUpfrontPricingTerm}
 * @param customerIdentifier the SaaS customer identifier of the account for the product, the same across renewals
 * @param licenseArn the license of the agreement
 * @param expirationDate the agreement's end; absent for pay-as-you-go agreements
 */
public record Entitlement(
        AgreementId agreementId,
        String productId,
        ProductType productType,
        String dimension,
        String type,
        EntitlementValue value,
        UUID proposerPartyId,
        UUID acceptorPartyId,
        AccountId customerAwsAccountId,
        String customerIdentifier,
        String licenseArn,
        Instant startTime,
        @Nullable Instant expirationDate,
        EntitlementStatus status,
        EntitlementStatusReason statusReasonCode,
        Instant lastUpdateTime) {

    /** The resource type AWS names the product with in {@code AgreementEntitlement.resource.type}. */
    public String resourceType() {
        return resourceType(productType);
    }

    public static String resourceType(ProductType type) {
        return switch (type) {
            case SAAS -> "SaaSProduct";
            case AMI -> "AmiProduct";
            case CONTAINER -> "ContainerProduct";
            case MACHINE_LEARNING -> "MachineLearningProduct";
            case PROFESSIONAL_SERVICES -> "ProfessionalServicesProduct";
            case DATA -> "DataProduct";
        };
    }
}
