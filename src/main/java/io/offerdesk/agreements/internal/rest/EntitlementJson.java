package io.offerdesk.agreements.internal.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.offerdesk.agreements.Entitlement;
import io.offerdesk.agreements.EntitlementValue;
import io.offerdesk.agreements.Entitlements.ProductDelivery;
import io.offerdesk.agreements.Entitlements.ResolvedCustomer;
import io.offerdesk.catalog.Delivery;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Entitlements in the native API with AWS's information and names, in camel case: {@code AgreementEntitlement} for an
 * agreement's, {@code Entitlement} for GetEntitlements, {@code ResolveCustomer}'s result.
 */
final class EntitlementJson {

    private EntitlementJson() {}

    /** Exactly one of the two is set, as in AWS's {@code EntitlementValue}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Value(@Nullable Integer integerValue, @Nullable Boolean booleanValue) {}

    record Resource(String id, String type) {}

    /** GetAgreementEntitlements' {@code AgreementEntitlement}, with the dimension and value it grants. */
    record AgreementEntitlement(
            Resource resource,
            String type,
            String dimension,
            Value value,
            String status,
            String statusReasonCode,
            String licenseArn,
            String customerIdentifier,
            String customerAwsAccountId,
            Instant startTime,
            @Nullable Instant expirationDate) {}

    record AgreementEntitlements(String agreementId, List<AgreementEntitlement> agreementEntitlements) {}

    /** GetEntitlements' {@code Entitlement}. */
    record ProductEntitlement(
            String productCode,
            String dimension,
            String customerIdentifier,
            String customerAwsAccountId,
            Value value,
            @Nullable Instant expirationDate,
            String licenseArn) {}

    record ProductEntitlements(
            List<ProductEntitlement> entitlements, @Nullable String nextToken) {}

    /** One of a buyer's entitlements: the agreement it comes from and its status. */
    record BuyerEntitlement(
            String agreementId,
            String productId,
            String productType,
            String dimension,
            Value value,
            String status,
            String statusReasonCode,
            String customerAwsAccountId,
            String licenseArn,
            Instant startTime,
            @Nullable Instant expirationDate) {}

    record BuyerEntitlements(List<BuyerEntitlement> entitlements, boolean more) {}

    /** The license an account holds for the product. */
    record License(
            String customerAwsAccountId,
            String agreementId,
            String licenseArn,
            @Nullable Instant expirationDate) {}

    /** How the entitled buyer gets the product; {@code delivery} has the fields of the product type's option. */
    record DeliveryJson(
            String productId,
            String title,
            String productType,
            Delivery delivery,
            List<License> licenses,
            List<BuyerEntitlement> entitlements) {}

    record ResolvedCustomerJson(
            String customerIdentifier, String productCode, String customerAwsAccountId, String licenseArn) {}

    static Value value(EntitlementValue value) {
        return switch (value) {
            case EntitlementValue.IntegerValue i -> new Value(i.value(), null);
            case EntitlementValue.BooleanValue b -> new Value(null, b.value());
        };
    }

    static AgreementEntitlements ofAgreement(String agreementId, List<Entitlement> entitlements) {
        return new AgreementEntitlements(
                agreementId,
                entitlements.stream()
                        .map(e -> new AgreementEntitlement(
                                new Resource(e.productId(), e.resourceType()),
                                e.type(),
                                e.dimension(),
                                value(e.value()),
                                e.status().name(),
                                e.statusReasonCode().name(),
                                e.licenseArn(),
                                e.customerIdentifier(),
                                e.customerAwsAccountId().value(),
                                e.startTime(),
                                e.expirationDate()))
                        .toList());
    }

    static ProductEntitlement ofProduct(Entitlement e) {
        return new ProductEntitlement(
                e.productId(),
                e.dimension(),
                e.customerIdentifier(),
                e.customerAwsAccountId().value(),
                value(e.value()),
                e.expirationDate(),
                e.licenseArn());
    }

    static BuyerEntitlement ofBuyer(Entitlement e) {
        return new BuyerEntitlement(
                e.agreementId().value(),
                e.productId(),
                e.productType().name(),
                e.dimension(),
                value(e.value()),
                e.status().name(),
                e.statusReasonCode().name(),
                e.customerAwsAccountId().value(),
                e.licenseArn(),
                e.startTime(),
                e.expirationDate());
    }

    static DeliveryJson of(ProductDelivery delivery) {
        var product = delivery.product();
        var licenses = delivery.entitlements().stream()
                .map(e -> new License(
                        e.customerAwsAccountId().value(), e.agreementId().value(), e.licenseArn(), e.expirationDate()))
                .distinct()
                .toList();
        return new DeliveryJson(
                product.id().value(),
                product.title(),
                product.type().name(),
                product.delivery(),
                licenses,
                delivery.entitlements().stream().map(EntitlementJson::ofBuyer).toList());
    }

    static ResolvedCustomerJson of(ResolvedCustomer resolved) {
        return new ResolvedCustomerJson(
                resolved.customerIdentifier(),
                resolved.productCode(),
                resolved.customerAwsAccountId().value(),
                resolved.licenseArn());
    }
}
