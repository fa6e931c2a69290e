package io.offerdesk.resale.internal.domain;

import io.offerdesk.offers.TermDocuments;
import io.offerdesk.resale.ResaleAuthorization;
import io.offerdesk.resale.ResaleLegalDocument;
import io.offerdesk.shared.AccountId;
import io.offerdesk.shared.Sha256;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The {@code DescribeEntity} {@code DetailsDocument} of a resale authorization (reference §3.1): its terms under their
 * resale type names, each with a stable id, and its availability and partner-targeting rules.
 */
public final class ResaleDocuments {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ResaleDocuments() {}

    /**
     * The names the document shows beside the ids: the product's title, the legal names of manufacturer and reseller,
     * and of the buyers by account.
     */
    public record Names(
            String productName,
            String manufacturerLegalName,
            @Nullable AccountId manufacturerAccountId,
            String resellerLegalName,
            Map<AccountId, String> buyerLegalNames) {

        public Names {
            buyerLegalNames = Map.copyOf(buyerLegalNames);
        }
    }

    public static ObjectNode describe(ResaleAuthorization authorization, Names names, Instant now) {
        var document = JSON.createObjectNode();
        document.put("Name", authorization.name());
        putIfPresent(document, "Description", authorization.description());
        document.put("ProductId", authorization.productId());
        document.put("ProductName", names.productName());
        var model = authorization.pricingModel();
        putIfPresent(document, "PricingModel", model == null ? null : model.wireName());
        document.put("Status", authorization.status().wireName());
        var renewal = authorization.preExistingBuyerAgreement();
        if (renewal != null) {
            document.putObject("PreExistingBuyerAgreement")
                    .put("AcquisitionChannel", renewal.acquisitionChannel().wireName())
                    .put("PricingModel", renewal.pricingModel().wireName());
        }
        document.putObject("OfferDetails")
                .put("OfferExtendedStatus", authorization.extendedStatus(now).wireName())
                .put("OfferCreatedCount", authorization.offersCreated());
        var terms = document.putArray("Terms");
        for (var term : authorization.pricingTerms()) {
            var node = TermDocuments.describe(term);
            terms.add(typed(node, authorization, WholesaleTerm.Kind.resaleTypeOf(term.type())));
        }
        var schedule = authorization.paymentSchedule();
        if (schedule != null) {
            terms.add(typed(TermDocuments.describe(schedule), authorization, "ResalePaymentScheduleTerm"));
        }
        var ceiling = authorization.netPaymentCeiling();
        if (ceiling != null) {
            terms.add(typed(TermDocuments.describe(ceiling), authorization, "ResaleNetPaymentTerm"));
        }
        if (!authorization.buyerLegalTerms().isEmpty()) {
            legal(terms.addObject(), authorization, "BuyerLegalTerm", authorization.buyerLegalTerms());
        }
        if (!authorization.resaleLegalTerms().isEmpty()) {
            legal(terms.addObject(), authorization, "ResaleLegalTerm", authorization.resaleLegalTerms());
        }
        if (!authorization.buyerAccounts().isEmpty()) {
            var targeting = withId(terms.addObject(), authorization, "BuyerTargetingTerm");
            var buyers = targeting.putObject("PositiveTargeting").putArray("BuyerAccounts");
            for (var account : authorization.buyerAccounts()) {
                var buyer = buyers.addObject().put("AwsAccountId", account.value());
                putIfPresent(buyer, "LegalName", names.buyerLegalNames().get(account));
            }
        }
        var validity = authorization.maximumAgreementStartDate();
        if (validity != null) {
            withId(terms.addObject(), authorization, "BuyerValidityTerm")
                    .put("MaximumAgreementStartDate", validity.toString());
        }
        var rules = document.putArray("Rules");
        var availability = withId(rules.addObject(), authorization, "AvailabilityRule");
        availability.put("Usage", authorization.unlimited() ? "Unlimited" : "Limited");
        var expiresAt = authorization.expiresAt();
        putIfPresent(availability, "AvailabilityEndDate", expiresAt == null ? null : expiresAt.toString());
        if (authorization.offersMaxQuantity() != null) {
            availability.put("OffersMaxQuantity", authorization.offersMaxQuantity());
        }
        withId(rules.addObject(), authorization, "PartnerTargetingRule")
                .put("ResellerAccountId", authorization.resellerAccountId().value())
                .put("ResellerLegalName", names.resellerLegalName());
        document.put("CreatedDate", authorization.createdAt().toString());
        document.put("ManufacturerLegalName", names.manufacturerLegalName());
        var manufacturerAccount = names.manufacturerAccountId();
        putIfPresent(
                document, "ManufacturerAccountId", manufacturerAccount == null ? null : manufacturerAccount.value());
        return document;
    }

    /**
     * A term's or rule's id: {@code term-} and the first 32 hex digits of the hash of authorization id and type, as
     * offers make theirs, so it survives changes to the term.
     */
    public static String termId(ResaleAuthorization authorization, String type) {
        return "term-" + Sha256.hex(authorization.id() + "/" + type).substring(0, 32);
    }

    private static ObjectNode typed(ObjectNode described, ResaleAuthorization authorization, String type) {
        var node = JSON.createObjectNode();
        withId(node, authorization, type);
        described.properties().forEach(member -> {
            if (!member.getKey().equals("Type")) {
                node.set(member.getKey(), member.getValue());
            }
        });
        return node;
    }

    private static ObjectNode withId(ObjectNode node, ResaleAuthorization authorization, String type) {
        return node.put("Type", type).put("Id", termId(authorization, type));
    }

    private static void legal(
            ObjectNode node, ResaleAuthorization authorization, String type, List<ResaleLegalDocument> documents) {
        var array = withId(node, authorization, type).putArray("Documents");
        for (var document : documents) {
            var item = array.addObject().put("Type", document.type().wireName());
            putIfPresent(item, "Url", document.url());
            putIfPresent(item, "Version", document.version());
        }
    }

    private static void putIfPresent(ObjectNode node, String name, @Nullable String value) {
        if (value != null) {
            node.put(name, value);
        }
    }
}
