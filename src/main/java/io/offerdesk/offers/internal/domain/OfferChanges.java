package io.offerdesk.offers.internal.domain;

import static io.offerdesk.changesets.DocumentReader.member;

import io.offerdesk.changesets.DocumentReader;
import io.offerdesk.offers.OfferPricingModel;
import io.offerdesk.offers.PreExistingAgreement;
import io.offerdesk.offers.PreExistingAgreement.AcquisitionChannel;
import io.offerdesk.offers.Term;
import io.offerdesk.offers.Term.LegalTerm;
import io.offerdesk.offers.Term.NetPaymentTerm;
import io.offerdesk.offers.Term.PaymentScheduleTerm;
import io.offerdesk.offers.Term.PricingTerm;
import io.offerdesk.offers.Term.RenewalTerm;
import io.offerdesk.offers.Term.SupportTerm;
import io.offerdesk.offers.Term.ValidityTerm;
import io.offerdesk.offers.Term.VariablePaymentTerm;
import io.offerdesk.offers.internal.domain.OfferChange.AgreementUpdate;
import io.offerdesk.offers.internal.domain.OfferChange.CreateOffer;
import io.offerdesk.offers.internal.domain.OfferChange.CreateOfferUsingResaleAuthorization;
import io.offerdesk.offers.internal.domain.OfferChange.CreateReplacementOffer;
import io.offerdesk.offers.internal.domain.OfferChange.CreateReplacementOfferUsingResaleAuthorization;
import io.offerdesk.offers.internal.domain.OfferChange.ReleaseOffer;
import io.offerdesk.offers.internal.domain.OfferChange.UpdateAvailability;
import io.offerdesk.offers.internal.domain.OfferChange.UpdateInformation;
import io.offerdesk.offers.internal.domain.OfferChange.UpdateLegalTerms;
import io.offerdesk.offers.internal.domain.OfferChange.UpdateMarkup;
import io.offerdesk.offers.internal.domain.OfferChange.UpdateNetPaymentTerms;
import io.offerdesk.offers.internal.domain.OfferChange.UpdatePaymentScheduleTerms;
import io.offerdesk.offers.internal.domain.OfferChange.UpdatePricingTerms;
import io.offerdesk.offers.internal.domain.OfferChange.UpdateRenewalTerms;
import io.offerdesk.offers.internal.domain.OfferChange.UpdateSupportTerms;
import io.offerdesk.offers.internal.domain.OfferChange.UpdateTargeting;
import io.offerdesk.offers.internal.domain.OfferChange.UpdateValidityTerms;
import io.offerdesk.offers.internal.domain.OfferChange.UpdateVariablePaymentTerms;
import io.offerdesk.shared.Validations;
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Reads a change's {@code DetailsDocument} into an {@link OfferChange}: the synchronous check of the Catalog API, which
 * answers 422 with every broken field before a change set starts. Only the shape is checked here; whether the change
 * fits the offer, the product and the seller is decided later by {@link OfferDecisions}.
 */
public final class OfferChanges {

    public static final String CREATE_OFFER = "CreateOffer";
    public static final String CREATE_REPLACEMENT_OFFER = "CreateReplacementOffer";
    public static final String CREATE_OFFER_USING_RESALE_AUTHORIZATION = "CreateOfferUsingResaleAuthorization";
    public static final String CREATE_REPLACEMENT_OFFER_USING_RESALE_AUTHORIZATION =
            "CreateReplacementOfferUsingResaleAuthorization";

    /**
     * Every change type of {@code Offer@1.0} Offerdesk applies: AWS's, and {@code UpdateVariablePaymentTerms}, which AWS
     * does not document (ADR 0009).
     */
    public static final Set<String> CHANGE_TYPES = Set.of(
            CREATE_OFFER,
            CREATE_REPLACEMENT_OFFER,
            CREATE_OFFER_USING_RESALE_AUTHORIZATION,
            CREATE_REPLACEMENT_OFFER_USING_RESALE_AUTHORIZATION,
            "UpdateMarkup",
            "UpdateInformation",
            "UpdateTargeting",
            "UpdateSupportTerms",
            "UpdateLegalTerms",
            "UpdatePricingTerms",
            "UpdateValidityTerms",
            "UpdatePaymentScheduleTerms",
            "UpdateNetPaymentTerms",
            "UpdateVariablePaymentTerms",
            "UpdateRenewalTerms",
            "UpdateAvailability",
            "ReleaseOffer");

    public static final int NAME_MAX = 150;
    public static final int DESCRIPTION_MAX = 255;
    public static final int AGREEMENT_ID_MAX = 64;
    private static final int PRODUCT_ID_MAX = 50;
    private static final int RESALE_AUTHORIZATION_ID_MAX = 50;
    /** AWS: a markup percentage is a string with at most 9 decimals; a negative markup would sell below wholesale. */
    private static final Pattern PERCENTAGE = Pattern.compile("\\d{1,9}(\\.\\d{1,9})?");

    static final int MARKUP_DECIMALS_MAX = 9;

    /** AWS's entity id pattern, which product and offer-set ids follow. */
    private static final Pattern ENTITY_ID = Pattern.compile("[a-zA-Z0-9][.a-zA-Z0-9/-]+[a-zA-Z0-9]");
    /** The id of an entity another change of the same change set creates. */
    private static final Pattern REFERENCE = Pattern.compile("\\$[A-Za-z0-9_-]{1,72}\\.Entity\\.Identifier");
    /** AWS: an agreement id is one word. */
    private static final Pattern NO_SPACE = Pattern.compile("\\S+");
    /** AWS: a name or description starts with a character that is not a space. */
    private static final Pattern NO_LEADING_SPACE = Pattern.compile("\\S[\\s\\S]*");

    private OfferChanges() {}

    /** The change type that sets terms of a type: all pricing terms together, every other term on its own. */
    public static String changeTypeFor(String termType) {
        if (TermShapes.PRICING_TERMS.contains(termType)) {
            return "UpdatePricingTerms";
        }
        return switch (termType) {
            case "LegalTerm" -> "UpdateLegalTerms";
            case "SupportTerm" -> "UpdateSupportTerms";
            case "ValidityTerm" -> "UpdateValidityTerms";
            case "PaymentScheduleTerm" -> "UpdatePaymentScheduleTerms";
            case "NetPaymentTerm" -> "UpdateNetPaymentTerms";
            case "VariablePaymentTerm" -> "UpdateVariablePaymentTerms";
            case "RenewalTerm" -> "UpdateRenewalTerms";
            default -> throw new IllegalArgumentException("not an offer term type: " + termType);
        };
    }

    /**
     * Reads one change, reporting every broken rule to {@code checks} with its full field path.
     *
     * @param path the document's path in the request, e.g. {@code ChangeSet[2].DetailsDocument}
     * @return the change, or absent when its document broke a rule
     * @throws IllegalArgumentException for a change type not in {@link #CHANGE_TYPES}; the engine dispatches only those
     */
    public static @Nullable OfferChange parse(String changeType, JsonNode details, String path, Validations checks) {
        var reader = new DocumentReader(checks);
        var shapes = new TermShapes(reader);
        if (!details.isObject()) {
            reader.fail(path, "validation.type");
            return null;
        }
        OfferChange change = switch (changeType) {
            case CREATE_OFFER -> createOffer(reader, details, path);
            case CREATE_REPLACEMENT_OFFER -> createReplacementOffer(reader, details, path);
            case CREATE_OFFER_USING_RESALE_AUTHORIZATION -> createOfferUsingResaleAuthorization(reader, details, path);
            case CREATE_REPLACEMENT_OFFER_USING_RESALE_AUTHORIZATION ->
                createReplacementOfferUsingResaleAuthorization(reader, details, path);
            case "UpdateMarkup" -> updateMarkup(reader, details, path);
            case "UpdateInformation" -> updateInformation(reader, details, path);
            case "UpdateTargeting" -> {
                reader.object(details, path, Set.of("PositiveTargeting", "NegativeTargeting"));
                yield new UpdateTargeting(shapes.targeting(details, path));
            }
            case "UpdateSupportTerms" ->
                new UpdateSupportTerms(single(reader, shapes, details, path, "SupportTerm", SupportTerm.class, false));
            case "UpdateLegalTerms" -> {
                var term = single(reader, shapes, details, path, "LegalTerm", LegalTerm.class, true);
                yield term == null ? null : new UpdateLegalTerms(term);
            }
            case "UpdatePricingTerms" -> updatePricingTerms(reader, shapes, details, path);
            case "UpdateValidityTerms" ->
                new UpdateValidityTerms(
                        single(reader, shapes, details, path, "ValidityTerm", ValidityTerm.class, false));
            case "UpdatePaymentScheduleTerms" ->
                new UpdatePaymentScheduleTerms(
                        single(reader, shapes, details, path, "PaymentScheduleTerm", PaymentScheduleTerm.class, false));
            case "UpdateNetPaymentTerms" ->
                new UpdateNetPaymentTerms(
                        single(reader, shapes, details, path, "NetPaymentTerm", NetPaymentTerm.class, false));
            case "UpdateVariablePaymentTerms" ->
                new UpdateVariablePaymentTerms(
                        single(reader, shapes, details, path, "VariablePaymentTerm", VariablePaymentTerm.class, false));
            case "UpdateRenewalTerms" ->
                new UpdateRenewalTerms(single(reader, shapes, details, path, "RenewalTerm", RenewalTerm.class, false));
            case "UpdateAvailability" -> {
                reader.object(details, path, Set.of("AvailabilityEndDate"));
                var date = reader.date(details, path, "AvailabilityEndDate", true);
                yield date == null ? null : new UpdateAvailability(date);
            }
            case "ReleaseOffer" -> {
                // AWS requires an empty document; any member is unknown.
                reader.object(details, path, Set.of());
                yield new ReleaseOffer();
            }
            default -> throw new IllegalArgumentException("not an offer change type: " + changeType);
        };
        return reader.failed() ? null : change;
    }

    private static @Nullable CreateOffer createOffer(DocumentReader reader, JsonNode details, String path) {
        reader.object(details, path, Set.of("ProductId", "Name", "OfferSetId"));
        var productId = reader.text(details, path, "ProductId", true, PRODUCT_ID_MAX);
        if (productId != null
                && !ENTITY_ID.matcher(productId).matches()
                && !REFERENCE.matcher(productId).matches()) {
            reader.fail(member(path, "ProductId"), "validation.offer.productId");
        }
        var name = name(reader, details, path);
        noOfferSet(reader, details, path);
        return productId == null ? null : new CreateOffer(productId, name);
    }

    private static @Nullable CreateReplacementOffer createReplacementOffer(
            DocumentReader reader, JsonNode details, String path) {
        reader.object(details, path, Set.of("AgreementId", "Name"));
        var agreementId = reader.text(
                details, path, "AgreementId", true, AGREEMENT_ID_MAX, NO_SPACE, "validation.offer.agreementId");
        var name = name(reader, details, path);
        return agreementId == null ? null : new CreateReplacementOffer(agreementId, name);
    }

    private static @Nullable CreateOfferUsingResaleAuthorization createOfferUsingResaleAuthorization(
            DocumentReader reader, JsonNode details, String path) {
        reader.object(details, path, Set.of("ResaleAuthorizationId", "Name", "Description", "OfferSetId"));
        var authorizationId = resaleAuthorizationId(reader, details, path);
        var name = name(reader, details, path);
        var description = description(reader, details, path);
        noOfferSet(reader, details, path);
        return authorizationId == null
                ? null
                : new CreateOfferUsingResaleAuthorization(authorizationId, name, description);
    }

    /**
     * An offer joins a set through the set's {@code AssociateOffers}, where the set's rules (2–7 offers, the same
     * buyers, different products) are checked; a creating change naming a set would bypass them.
     */
    private static void noOfferSet(DocumentReader reader, JsonNode details, String path) {
        if (details.has("OfferSetId")) {
            reader.fail(member(path, "OfferSetId"), "validation.offer.offerSetByAssociation");
        }
    }

    private static @Nullable CreateReplacementOfferUsingResaleAuthorization
            createReplacementOfferUsingResaleAuthorization(DocumentReader reader, JsonNode details, String path) {
        reader.object(details, path, Set.of("ResaleAuthorizationId", "AgreementId", "Name"));
        var authorizationId = resaleAuthorizationId(reader, details, path);
        var agreementId = reader.text(
                details, path, "AgreementId", true, AGREEMENT_ID_MAX, NO_SPACE, "validation.offer.agreementId");
        var name = name(reader, details, path);
        return authorizationId == null || agreementId == null
                ? null
                : new CreateReplacementOfferUsingResaleAuthorization(authorizationId, agreementId, name);
    }

    private static @Nullable String resaleAuthorizationId(DocumentReader reader, JsonNode details, String path) {
        return reader.text(
                details,
                path,
                "ResaleAuthorizationId",
                true,
                RESALE_AUTHORIZATION_ID_MAX,
                ENTITY_ID,
                "validation.offer.resaleAuthorizationId");
    }

    private static @Nullable UpdateMarkup updateMarkup(DocumentReader reader, JsonNode details, String path) {
        reader.object(details, path, Set.of("Percentage"));
        var percentage = reader.text(details, path, "Percentage", true, 20);
        if (percentage != null && !PERCENTAGE.matcher(percentage).matches()) {
            reader.fail(member(path, "Percentage"), "validation.decimal", MARKUP_DECIMALS_MAX);
            return null;
        }
        return percentage == null ? null : new UpdateMarkup(new BigDecimal(percentage));
    }

    private static @Nullable String description(DocumentReader reader, JsonNode details, String path) {
        return reader.text(
                details, path, "Description", false, DESCRIPTION_MAX, NO_LEADING_SPACE, "validation.leadingSpace");
    }

    private static @Nullable String name(DocumentReader reader, JsonNode details, String path) {
        return reader.text(details, path, "Name", false, NAME_MAX, NO_LEADING_SPACE, "validation.leadingSpace");
    }

    private static UpdateInformation updateInformation(DocumentReader reader, JsonNode details, String path) {
        var members = List.of("Name", "Description", "PreExistingAgreement");
        reader.object(details, path, Set.copyOf(members));
        if (members.stream().noneMatch(details::has)) {
            reader.fail(path, "validation.atLeastOne", String.join(", ", members));
        }
        var name = name(reader, details, path);
        var description = description(reader, details, path);
        return new UpdateInformation(name, description, agreementUpdate(reader, details, path));
    }

    /** Absent keeps the marker, {@code null} removes it: the one member where AWS tells the two apart. */
    private static AgreementUpdate agreementUpdate(DocumentReader reader, JsonNode details, String path) {
        var node = details.get("PreExistingAgreement");
        if (node == null) {
            return new AgreementUpdate.Keep();
        }
        if (node.isNull()) {
            return new AgreementUpdate.Clear();
        }
        var field = member(path, "PreExistingAgreement");
        if (reader.object(node, field, Set.of("AcquisitionChannel", "PricingModel")) == null) {
            return new AgreementUpdate.Keep();
        }
        var channel = reader.choice(
                node, field, "AcquisitionChannel", true, AcquisitionChannel.values(), AcquisitionChannel::wireName);
        var model = reader.choice(
                node, field, "PricingModel", true, OfferPricingModel.values(), OfferPricingModel::wireName);
        return channel == null || model == null
                ? new AgreementUpdate.Keep()
                : new AgreementUpdate.Replace(new PreExistingAgreement(channel, model));
    }

    private static @Nullable UpdatePricingTerms updatePricingTerms(
            DocumentReader reader, TermShapes shapes, JsonNode details, String path) {
        reader.object(details, path, Set.of("PricingModel", "Terms"));
        var model = reader.choice(
                details, path, "PricingModel", true, OfferPricingModel.values(), OfferPricingModel::wireName);
        var terms = shapes.terms(
                reader.array(details, path, "Terms", true, 1, Integer.MAX_VALUE),
                member(path, "Terms"),
                TermShapes.PRICING_TERMS);
        var pricingTerms = terms.stream()
                .filter(PricingTerm.class::isInstance)
                .map(PricingTerm.class::cast)
                .toList();
        return model == null ? null : new UpdatePricingTerms(model, pricingTerms);
    }

    /**
     * The one term of a {@code Terms} list that holds at most one ({@code required}: exactly one) term of one type;
     * absent for an empty list.
     */
    private static <T extends Term> @Nullable T single(
            DocumentReader reader,
            TermShapes shapes,
            JsonNode details,
            String path,
            String type,
            Class<T> termClass,
            boolean required) {
        reader.object(details, path, Set.of("Terms"));
        var elements = reader.array(details, path, "Terms", true, required ? 1 : 0, 1);
        var terms = shapes.terms(elements, member(path, "Terms"), Set.of(type));
        return terms.isEmpty() ? null : termClass.cast(terms.get(0));
    }
}
