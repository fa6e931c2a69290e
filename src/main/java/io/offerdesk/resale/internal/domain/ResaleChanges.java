package io.offerdesk.resale.internal.domain;

import static io.offerdesk.changesets.DocumentReader.element;
import static io.offerdesk.changesets.DocumentReader.member;

import io.offerdesk.changesets.DocumentReader;
import io.offerdesk.offers.OfferPricingModel;
import io.offerdesk.offers.PreExistingAgreement;
import io.offerdesk.offers.PreExistingAgreement.AcquisitionChannel;
import io.offerdesk.offers.Term.NetPaymentTerm;
import io.offerdesk.offers.Term.PaymentScheduleTerm;
import io.offerdesk.offers.Term.PricingTerm;
import io.offerdesk.offers.TermDocuments;
import io.offerdesk.resale.ResaleLegalDocument;
import io.offerdesk.resale.internal.domain.ResaleChange.RenewalFlag;
import io.offerdesk.shared.AccountId;
import io.offerdesk.shared.Validations;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Reads a change's {@code DetailsDocument} into a {@link ResaleChange}: the synchronous check of the Catalog API, which
 * answers 422 naming every broken field before a change set starts. Whether the change fits the authorization, the
 * product and the reseller is decided later by {@link ResaleDecisions}.
 */
public final class ResaleChanges {

    public static final String CREATE = "CreateResaleAuthorization";

    public static final Set<String> CHANGE_TYPES = Set.of(
            CREATE,
            "UpdateBuyerTargetingTerms",
            "UpdateAvailability",
            "UpdateBuyerValidityTerms",
            "UpdateLegalTerms",
            "UpdatePricingTerms",
            "UpdatePaymentScheduleTerms",
            "UpdateNetPaymentTerms",
            "UpdateInformation",
            "ReleaseResaleAuthorization",
            "RestrictResaleAuthorization");

    public static final int PRODUCT_ID_MAX = 50;
    public static final int NAME_MAX = 100;
    public static final int DESCRIPTION_MAX = 255;
    private static final int URL_MAX = 2048;
    private static final int VERSION_MAX = 64;

    private static final Pattern ENTITY_ID = Pattern.compile("[a-zA-Z0-9][.a-zA-Z0-9/-]+[a-zA-Z0-9]");
    /** The id of an entity another change of the same change set creates. */
    private static final Pattern REFERENCE = Pattern.compile("\\$[A-Za-z0-9_-]{1,72}\\.Entity\\.Identifier");

    private static final Pattern UUID =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern NO_LEADING_SPACE = Pattern.compile("\\S[\\s\\S]*");
    private static final Pattern URL = Pattern.compile("https?://\\S+");
    /** Like an offer amount's decimals, but without a bare trailing point and with no upper limit of its own. */
    private static final Pattern PERCENTAGE = Pattern.compile("\\d{1,9}(\\.\\d{1,8})?");

    private ResaleChanges() {}

    /**
     * Reads one change, reporting every broken rule to {@code checks} with its full field path.
     *
     * @return the change, or absent when its document broke a rule
     * @throws IllegalArgumentException for a change type not in {@link #CHANGE_TYPES}
     */
    public static @Nullable ResaleChange parse(String changeType, JsonNode details, String path, Validations checks) {
        var reader = DocumentReader.blankIsMissing(checks);
        if (!details.isObject()) {
            reader.fail(path, "validation.type");
            return null;
        }
        ResaleChange change = switch (changeType) {
            case CREATE -> create(reader, details, path);
            case "UpdateBuyerTargetingTerms" -> buyerTargeting(reader, details, path);
            case "UpdateAvailability" -> {
                reader.object(details, path, Set.of("AvailabilityEndDate", "OffersMaxQuantity"));
                yield new ResaleChange.UpdateAvailability(
                        reader.date(details, path, "AvailabilityEndDate", false),
                        offersMaxQuantity(reader, details, path));
            }
            case "UpdateBuyerValidityTerms" -> buyerValidity(reader, details, path);
            case "UpdateLegalTerms" -> legal(reader, details, path);
            case "UpdatePricingTerms" -> pricing(reader, details, path);
            case "UpdatePaymentScheduleTerms" -> {
                var term = single(reader, details, path, "ResalePaymentScheduleTerm");
                yield new ResaleChange.UpdatePaymentScheduleTerms(
                        term == null
                                ? null
                                : (PaymentScheduleTerm)
                                        TermDocuments.read(term.node(), term.path(), "PaymentScheduleTerm", checks));
            }
            case "UpdateNetPaymentTerms" -> {
                var term = single(reader, details, path, "ResaleNetPaymentTerm");
                yield new ResaleChange.UpdateNetPaymentTerms(
                        term == null
                                ? null
                                : (NetPaymentTerm)
                                        TermDocuments.read(term.node(), term.path(), "NetPaymentTerm", checks));
            }
            case "UpdateInformation" -> information(reader, details, path);
            case "ReleaseResaleAuthorization" -> {
                reader.object(details, path, Set.of());
                yield new ResaleChange.Release();
            }
            case "RestrictResaleAuthorization" -> {
                reader.object(details, path, Set.of());
                yield new ResaleChange.Restrict();
            }
            default -> throw new IllegalArgumentException("not a resale authorization change type: " + changeType);
        };
        // Offer-shaped terms report to checks directly, so what they broke counts too.
        return reader.failed() || !checks.isValid() ? null : change;
    }

    private static ResaleChange.@Nullable Create create(DocumentReader reader, JsonNode details, String path) {
        reader.object(details, path, Set.of("ProductId", "Name", "Description", "ResellerAccountId", "BulkRequestId"));
        var productId = reader.text(details, path, "ProductId", true, PRODUCT_ID_MAX);
        if (productId != null
                && !ENTITY_ID.matcher(productId).matches()
                && !REFERENCE.matcher(productId).matches()) {
            reader.fail(member(path, "ProductId"), "validation.offer.productId");
        }
        var name = reader.text(details, path, "Name", true, NAME_MAX, NO_LEADING_SPACE, "validation.leadingSpace");
        var description = reader.text(
                details, path, "Description", false, DESCRIPTION_MAX, NO_LEADING_SPACE, "validation.leadingSpace");
        var reseller =
                reader.text(details, path, "ResellerAccountId", true, 12, AccountId.FORMAT, "validation.accountId");
        var bulk = reader.text(details, path, "BulkRequestId", false, 36, UUID, "validation.resale.uuid");
        return productId == null || name == null || reseller == null
                ? null
                : new ResaleChange.Create(productId, name, description, new AccountId(reseller), bulk);
    }

    private static ResaleChange.UpdateBuyerTargetingTerms buyerTargeting(
            DocumentReader reader, JsonNode details, String path) {
        var term = single(reader, details, path, "BuyerTargetingTerm");
        var accounts = new ArrayList<AccountId>();
        if (term != null) {
            reader.object(term.node(), term.path(), Set.of("Type", "PositiveTargeting"));
            var positivePath = member(term.path(), "PositiveTargeting");
            var positive = reader.object(
                    reader.value(term.node(), term.path(), "PositiveTargeting", true),
                    positivePath,
                    Set.of("BuyerAccounts"));
            var elements =
                    positive == null ? null : reader.array(positive, positivePath, "BuyerAccounts", true, 1, 1000);
            var field = member(positivePath, "BuyerAccounts");
            for (int i = 0; elements != null && i < elements.size(); i++) {
                var element = elements.get(i);
                if (!element.isString() || !AccountId.isValid(element.stringValue())) {
                    reader.fail(element(field, i), "validation.accountId");
                } else if (accounts.contains(new AccountId(element.stringValue()))) {
                    reader.fail(element(field, i), "validation.resale.duplicate");
                } else {
                    accounts.add(new AccountId(element.stringValue()));
                }
            }
        }
        return new ResaleChange.UpdateBuyerTargetingTerms(accounts);
    }

    private static ResaleChange.UpdateBuyerValidityTerms buyerValidity(
            DocumentReader reader, JsonNode details, String path) {
        var term = single(reader, details, path, "BuyerValidityTerm");
        if (term == null) {
            return new ResaleChange.UpdateBuyerValidityTerms(null);
        }
        reader.object(term.node(), term.path(), Set.of("Type", "MaximumAgreementStartDate"));
        return new ResaleChange.UpdateBuyerValidityTerms(
                reader.date(term.node(), term.path(), "MaximumAgreementStartDate", true));
    }

    private static ResaleChange.UpdateLegalTerms legal(DocumentReader reader, JsonNode details, String path) {
        reader.object(details, path, Set.of("Terms"));
        var termsPath = member(path, "Terms");
        var elements = reader.array(details, path, "Terms", true, 1, 2);
        var buyer = new ArrayList<ResaleLegalDocument>();
        var resale = new ArrayList<ResaleLegalDocument>();
        var types = new ArrayList<String>();
        for (int i = 0; elements != null && i < elements.size(); i++) {
            var termPath = element(termsPath, i);
            var node = reader.object(elements.get(i), termPath, Set.of("Type", "Documents"));
            if (node == null) {
                continue;
            }
            var type = reader.choice(
                    node,
                    termPath,
                    "Type",
                    true,
                    new String[] {"BuyerLegalTerm", "ResaleLegalTerm"},
                    Function.identity());
            if (type == null) {
                continue;
            }
            if (types.contains(type)) {
                reader.fail(member(termPath, "Type"), "validation.resale.duplicate");
            }
            types.add(type);
            var forBuyer = type.equals("BuyerLegalTerm");
            var documentsPath = member(termPath, "Documents");
            var documents = reader.array(node, termPath, "Documents", true, 1, 1);
            for (int j = 0; documents != null && j < documents.size(); j++) {
                var document = document(reader, documents.get(j), element(documentsPath, j), forBuyer);
                if (document != null) {
                    (forBuyer ? buyer : resale).add(document);
                }
            }
        }
        if (elements != null && !types.contains("BuyerLegalTerm")) {
            reader.fail(termsPath, "validation.resale.buyerLegalTerm");
        }
        return new ResaleChange.UpdateLegalTerms(buyer, resale);
    }

    private static @Nullable ResaleLegalDocument document(
            DocumentReader reader, JsonNode node, String path, boolean forBuyer) {
        if (reader.object(node, path, Set.of("Type", "Url", "Version")) == null) {
            return null;
        }
        var allowed = Arrays.stream(ResaleLegalDocument.Type.values())
                .filter(type -> type.forBuyer() == forBuyer)
                .toList();
        var type = reader.choice(
                node,
                path,
                "Type",
                true,
                allowed.toArray(ResaleLegalDocument.Type[]::new),
                ResaleLegalDocument.Type::wireName);
        var standard = type == ResaleLegalDocument.Type.STANDARD_EULA;
        var url = reader.text(node, path, "Url", !standard, URL_MAX, URL, "validation.url");
        var version = reader.text(node, path, "Version", false, VERSION_MAX);
        if (version != null && !standard) {
            reader.fail(member(path, "Version"), "validation.unknownField");
        }
        if (type == null || (url == null && !standard)) {
            return null;
        }
        return new ResaleLegalDocument(type, url, standard ? version : null);
    }

    private static ResaleChange.@Nullable UpdatePricingTerms pricing(
            DocumentReader reader, JsonNode details, String path) {
        reader.object(details, path, Set.of("PricingModel", "Terms"));
        var pricingModel = reader.choice(
                details,
                path,
                "PricingModel",
                true,
                new OfferPricingModel[] {OfferPricingModel.USAGE, OfferPricingModel.CONTRACT},
                OfferPricingModel::wireName);
        var termsPath = member(path, "Terms");
        var elements = reader.array(details, path, "Terms", true, 1, 3);
        var terms = new ArrayList<WholesaleTerm>();
        for (int i = 0; elements != null && i < elements.size(); i++) {
            var termPath = element(termsPath, i);
            var node = elements.get(i);
            if (!node.isObject()) {
                reader.fail(termPath, "validation.type");
                continue;
            }
            var kind = reader.choice(
                    node, termPath, "Type", true, WholesaleTerm.Kind.values(), WholesaleTerm.Kind::wireName);
            if (kind == null) {
                continue;
            }
            var term = wholesaleTerm(reader, node, termPath, kind);
            if (term != null) {
                terms.add(term);
            }
        }
        return pricingModel == null ? null : new ResaleChange.UpdatePricingTerms(pricingModel, terms);
    }

    /** Explicit prices in the offer term's shape, or Offerdesk's {@code DiscountPercentage} off list (ADR 0012). */
    private static @Nullable WholesaleTerm wholesaleTerm(
            DocumentReader reader, JsonNode node, String path, WholesaleTerm.Kind kind) {
        if (!node.has("DiscountPercentage")) {
            var term = TermDocuments.read(node, path, kind.offerTermType(), reader.checks());
            return term == null ? null : new WholesaleTerm.Explicit((PricingTerm) term);
        }
        if (kind == WholesaleTerm.Kind.FIXED_UPFRONT) {
            reader.fail(member(path, "DiscountPercentage"), "validation.resale.discountNotForFixed");
            return null;
        }
        reader.object(node, path, Set.of("Type", "DiscountPercentage"));
        var text = reader.text(node, path, "DiscountPercentage", true, 20);
        if (text == null) {
            return null;
        }
        if (!PERCENTAGE.matcher(text).matches()) {
            reader.fail(member(path, "DiscountPercentage"), "validation.decimal", 8);
            return null;
        }
        var percentage = new BigDecimal(text);
        if (percentage.signum() <= 0 || percentage.compareTo(BigDecimal.valueOf(100)) >= 0) {
            reader.fail(member(path, "DiscountPercentage"), "validation.resale.discount");
            return null;
        }
        return new WholesaleTerm.Discount(kind, percentage);
    }

    private static ResaleChange.UpdateInformation information(DocumentReader reader, JsonNode details, String path) {
        var members = List.of("Name", "Description", "PreExistingBuyerAgreement");
        reader.object(details, path, Set.copyOf(members));
        if (members.stream().noneMatch(details::has)) {
            reader.fail(path, "validation.atLeastOne", String.join(", ", members));
        }
        var name = reader.text(details, path, "Name", false, NAME_MAX, NO_LEADING_SPACE, "validation.leadingSpace");
        var description = reader.text(
                details, path, "Description", false, DESCRIPTION_MAX, NO_LEADING_SPACE, "validation.leadingSpace");
        return new ResaleChange.UpdateInformation(name, description, renewal(reader, details, path));
    }

    private static RenewalFlag renewal(DocumentReader reader, JsonNode details, String path) {
        var node = details.get("PreExistingBuyerAgreement");
        if (node == null) {
            return new RenewalFlag.Keep();
        }
        if (node.isNull()) {
            return new RenewalFlag.Clear();
        }
        var field = member(path, "PreExistingBuyerAgreement");
        if (reader.object(node, field, Set.of("AcquisitionChannel", "PricingModel")) == null) {
            return new RenewalFlag.Keep();
        }
        var channel = reader.choice(
                node, field, "AcquisitionChannel", true, AcquisitionChannel.values(), AcquisitionChannel::wireName);
        var model = reader.choice(
                node, field, "PricingModel", true, OfferPricingModel.values(), OfferPricingModel::wireName);
        if (channel == null || model == null) {
            return new RenewalFlag.Keep();
        }
        return new RenewalFlag.Set(new PreExistingAgreement(channel, model));
    }

    /** At most one offer per authorization; anything else, a number or not, is reported as out of range. */
    private static @Nullable Integer offersMaxQuantity(DocumentReader reader, JsonNode details, String path) {
        var value = reader.value(details, path, "OffersMaxQuantity", false);
        if (value != null && !(value.isIntegralNumber() && value.canConvertToInt() && value.intValue() == 1)) {
            reader.fail(member(path, "OffersMaxQuantity"), "validation.range", 1, 1);
            return null;
        }
        return value == null ? null : value.intValue();
    }

    /** A term of a {@code Terms} list holding at most one term of {@code type}; absent for an empty list. */
    private record Located(JsonNode node, String path) {}

    private static @Nullable Located single(DocumentReader reader, JsonNode details, String path, String type) {
        reader.object(details, path, Set.of("Terms"));
        var elements = reader.array(details, path, "Terms", true, 0, 1);
        if (elements == null || elements.isEmpty()) {
            return null;
        }
        var termPath = element(member(path, "Terms"), 0);
        var node = elements.get(0);
        if (!node.isObject()) {
            reader.fail(termPath, "validation.type");
            return null;
        }
        return reader.choice(node, termPath, "Type", true, new String[] {type}, Function.identity()) == null
                ? null
                : new Located(node, termPath);
    }
}
