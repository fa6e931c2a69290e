package io.offerdesk.resale.internal.web;

import io.offerdesk.changesets.StartChangeSet.RequestedChange;
import io.offerdesk.resale.ResaleAuthorization;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * What the authorization wizard collects, and the one change set that creates (and, if asked, releases) the
 * authorization from it. The engine checks every value, so the form only passes on what was filled in.
 *
 * @param buyerAccounts account ids separated by commas, spaces or lines; empty authorizes any buyer
 * @param availability {@code SINGLE_USE}, {@code DATED} or {@code UNLIMITED}
 * @param pricing {@code DISCOUNT} (off list), {@code PRICES} (12-month contract prices per dimension) or {@code
 *     SCHEDULE} (a fixed price paid in installments; single-use, dated authorizations only)
 * @param prices lines of {@code dimension price}
 * @param schedule lines of {@code YYYY-MM-DD amount}
 * @param grants the entitled dimension a scheduled authorization grants
 * @param eulaVersion the standard contract version a standard EULA names
 */
record AuthorizationForm(
        @Nullable String productId,
        @Nullable String name,
        @Nullable String description,
        @Nullable String resellerAccountId,
        @Nullable String buyerAccounts,
        @Nullable String availability,
        @Nullable String availabilityEndDate,
        @Nullable String maximumAgreementStartDate,
        @Nullable String eulaType,
        @Nullable String eulaVersion,
        @Nullable String eulaUrl,
        @Nullable String contractType,
        @Nullable String contractUrl,
        @Nullable String pricing,
        @Nullable String currency,
        @Nullable String discountPercentage,
        @Nullable String prices,
        @Nullable String schedule,
        @Nullable String grants,
        @Nullable String netPaymentDays,
        @Nullable Boolean renewal,
        @Nullable Boolean release) {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String SELF = "$Authorization.Entity.Identifier";

    static AuthorizationForm empty() {
        return new AuthorizationForm(
                null,
                null,
                null,
                null,
                null,
                "DATED",
                null,
                null,
                "StandardEula",
                "1.0",
                null,
                "NONE",
                null,
                "DISCOUNT",
                "USD",
                "20",
                null,
                null,
                null,
                "",
                false,
                false);
    }

    List<RequestedChange> changes() {
        var changes = new ArrayList<RequestedChange>();
        var create = NODES.objectNode();
        put(create, "ProductId", productId);
        put(create, "Name", name);
        put(create, "Description", description);
        put(create, "ResellerAccountId", resellerAccountId);
        changes.add(new RequestedChange(
                "CreateResaleAuthorization", ResaleAuthorization.ENTITY_TYPE, null, "Authorization", create));

        var accounts = words(buyerAccounts);
        if (!accounts.isEmpty()) {
            var targeting = NODES.objectNode();
            var buyers = targeting
                    .putArray("Terms")
                    .addObject()
                    .put("Type", "BuyerTargetingTerm")
                    .putObject("PositiveTargeting")
                    .putArray("BuyerAccounts");
            accounts.forEach(buyers::add);
            changes.add(change("UpdateBuyerTargetingTerms", targeting));
        }

        var availabilityDocument = NODES.objectNode();
        if (!"UNLIMITED".equals(availability)) {
            put(availabilityDocument, "AvailabilityEndDate", availabilityEndDate);
        }
        if ("SINGLE_USE".equals(availability)) {
            availabilityDocument.put("OffersMaxQuantity", 1);
        }
        changes.add(change("UpdateAvailability", availabilityDocument));

        if (present(maximumAgreementStartDate)) {
            var validity = NODES.objectNode();
            validity.putArray("Terms")
                    .addObject()
                    .put("Type", "BuyerValidityTerm")
                    .put("MaximumAgreementStartDate", maximumAgreementStartDate);
            changes.add(change("UpdateBuyerValidityTerms", validity));
        }

        var legal = NODES.objectNode();
        var legalTerms = legal.putArray("Terms");
        var eula = legalTerms
                .addObject()
                .put("Type", "BuyerLegalTerm")
                .putArray("Documents")
                .addObject();
        put(eula, "Type", eulaType);
        put(eula, "Url", eulaUrl);
        if ("StandardEula".equals(eulaType)) {
            put(eula, "Version", eulaVersion);
        }
        if (present(contractType) && !"NONE".equals(contractType)) {
            var contract = legalTerms
                    .addObject()
                    .put("Type", "ResaleLegalTerm")
                    .putArray("Documents")
                    .addObject();
            put(contract, "Type", contractType);
            put(contract, "Url", contractUrl);
        }
        changes.add(change("UpdateLegalTerms", legal));

        changes.addAll(pricingChanges());

        if (present(netPaymentDays)) {
            var net = NODES.objectNode();
            net.putArray("Terms")
                    .addObject()
                    .put("Type", "ResaleNetPaymentTerm")
                    .put("PaymentDuePeriod", "P" + netPaymentDays + "D");
            changes.add(change("UpdateNetPaymentTerms", net));
        }
        if (Boolean.TRUE.equals(renewal)) {
            var information = NODES.objectNode();
            information
                    .putObject("PreExistingBuyerAgreement")
                    .put("AcquisitionChannel", "AwsMarketplace")
                    .put("PricingModel", "Contract");
            changes.add(change("UpdateInformation", information));
        }
        if (Boolean.TRUE.equals(release)) {
            changes.add(change("ReleaseResaleAuthorization", NODES.objectNode()));
        }
        return changes;
    }

    private List<RequestedChange> pricingChanges() {
        var document = NODES.objectNode().put("PricingModel", "Contract");
        var terms = document.putArray("Terms");
        var changes = new ArrayList<RequestedChange>();
        switch (pricing == null ? "DISCOUNT" : pricing) {
            case "PRICES" -> {
                var card = terms.addObject()
                        .put("Type", "ResaleConfigurableUpfrontPricingTerm")
                        .put("CurrencyCode", currency)
                        .putArray("RateCards")
                        .addObject();
                card.putObject("Selector").put("Type", "Duration").put("Value", "P12M");
                card.putObject("Constraints")
                        .put("MultipleDimensionSelection", "Allowed")
                        .put("QuantityConfiguration", "Allowed");
                var rates = card.putArray("RateCard");
                for (var line : lines(prices)) {
                    var parts = line.split("\\s+", 2);
                    rates.addObject().put("DimensionKey", parts[0]).put("Price", parts.length > 1 ? parts[1] : "");
                }
                changes.add(change("UpdatePricingTerms", document));
            }
            case "SCHEDULE" -> {
                var fixed = terms.addObject()
                        .put("Type", "ResaleFixedUpfrontPricingTerm")
                        .put("CurrencyCode", currency)
                        .put("Price", "0.0")
                        .put("Duration", "P12M");
                words(grants)
                        .forEach(key -> fixed.withArray("Grants").addObject().put("DimensionKey", key));
                changes.add(change("UpdatePricingTerms", document));
                var schedule = NODES.objectNode();
                var term = schedule.putArray("Terms")
                        .addObject()
                        .put("Type", "ResalePaymentScheduleTerm")
                        .put("CurrencyCode", currency);
                var charges = term.putArray("Schedule");
                for (var line : lines(this.schedule)) {
                    var parts = line.split("\\s+", 2);
                    charges.addObject()
                            .put("ChargeDate", parts[0])
                            .put("ChargeAmount", parts.length > 1 ? parts[1] : "");
                }
                changes.add(change("UpdatePaymentScheduleTerms", schedule));
            }
            default -> {
                terms.addObject()
                        .put("Type", "ResaleConfigurableUpfrontPricingTerm")
                        .put("DiscountPercentage", discountPercentage);
                changes.add(change("UpdatePricingTerms", document));
            }
        }
        return changes;
    }

    private static RequestedChange change(String type, ObjectNode details) {
        return new RequestedChange(type, ResaleAuthorization.ENTITY_TYPE, SELF, null, details);
    }

    private static void put(ObjectNode node, String name, @Nullable String value) {
        if (value != null && !value.isBlank()) {
            node.put(name, value.strip());
        }
    }

    private static boolean present(@Nullable String value) {
        return value != null && !value.isBlank();
    }

    private static List<String> words(@Nullable String text) {
        return text == null
                ? List.of()
                : Arrays.stream(text.split("[\\s,;]+"))
                        .filter(w -> !w.isBlank())
                        .toList();
    }

    private static List<String> lines(@Nullable String text) {
        return text == null
                ? List.of()
                : text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    }
}
