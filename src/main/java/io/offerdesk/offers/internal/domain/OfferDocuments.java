package io.offerdesk.offers.internal.domain;

import io.offerdesk.changesets.DocumentReader;
import io.offerdesk.offers.Offer;
import io.offerdesk.offers.OfferId;
import io.offerdesk.offers.OfferPricingModel;
import io.offerdesk.offers.OfferState;
import io.offerdesk.offers.PreExistingAgreement;
import io.offerdesk.offers.PreExistingAgreement.AcquisitionChannel;
import io.offerdesk.offers.Resale;
import io.offerdesk.offers.Rule;
import io.offerdesk.offers.Rule.AvailabilityRule;
import io.offerdesk.offers.Rule.TargetingRule;
import io.offerdesk.offers.Term;
import io.offerdesk.offers.Term.ByolPricingTerm;
import io.offerdesk.offers.Term.ConfigurableUpfrontPricingTerm;
import io.offerdesk.offers.Term.FixedUpfrontPricingTerm;
import io.offerdesk.offers.Term.FreeTrialPricingTerm;
import io.offerdesk.offers.Term.Grant;
import io.offerdesk.offers.Term.LegalTerm;
import io.offerdesk.offers.Term.NetPaymentTerm;
import io.offerdesk.offers.Term.PaymentScheduleTerm;
import io.offerdesk.offers.Term.PriceIncrease;
import io.offerdesk.offers.Term.Rate;
import io.offerdesk.offers.Term.RecurringPaymentTerm;
import io.offerdesk.offers.Term.RenewalTerm;
import io.offerdesk.offers.Term.SupportTerm;
import io.offerdesk.offers.Term.UsageBasedPricingTerm;
import io.offerdesk.offers.Term.ValidityTerm;
import io.offerdesk.offers.Term.VariablePaymentTerm;
import io.offerdesk.shared.AccountId;
import io.offerdesk.shared.InvalidInput;
import io.offerdesk.shared.Validations;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The offer as JSON: AWS's {@code DescribeEntity} {@code DetailsDocument}, and the stored form, which is the same
 * document with plain dates and the members AWS does not show (seller, pricing model, timestamps, revision). Both are
 * written member by member here and read back through the same shapes that check a change's {@code DetailsDocument},
 * so the offer has exactly one JSON shape.
 */
public final class OfferDocuments {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final Set<String> STORED_MEMBERS = Set.of(
            "Id",
            "State",
            "Name",
            "Description",
            "ProductId",
            "AgreementId",
            "ResaleAuthorizationId",
            "MarkupPercentage",
            "Resale",
            "OfferSetId",
            "PreExistingAgreement",
            "Terms",
            "Rules",
            "SellerPartyId",
            "PricingModel",
            "ReleasedAt",
            "CreatedAt",
            "LastModifiedAt",
            "Revision");

    private OfferDocuments() {}

    /** How dates are written: plain in storage, as instants in {@code DescribeEntity}. */
    private enum Dates {
        STORED,
        DESCRIBED;

        /** Charges are invoiced at the start of their day. */
        String chargeDate(LocalDate date) {
            return this == STORED ? date.toString() : date + "T00:00:00.000Z";
        }

        /** An offer can be accepted until the end of its availability end date. */
        String availabilityEndDate(LocalDate date) {
            return this == STORED ? date.toString() : date + "T23:59:59.999Z";
        }
    }

    /** The {@code DetailsDocument} that {@code DescribeEntity} returns for the offer. */
    public static ObjectNode describe(Offer offer) {
        return document(offer, Dates.DESCRIBED);
    }

    /** The offer as stored in a {@code jsonb} column. */
    public static String store(Offer offer) {
        var document = document(offer, Dates.STORED);
        document.put("SellerPartyId", offer.sellerPartyId().toString());
        var resale = offer.resale();
        if (resale != null) {
            // Wholesale prices are stored beside the offer, never described: DescribeEntity may reach the buyer's side.
            var stored = document.putObject("Resale");
            stored.put("ManufacturerPartyId", resale.manufacturerPartyId().toString());
            var wholesale = stored.putArray("WholesaleTerms");
            resale.wholesaleTerms().forEach(term -> term(wholesale.addObject(), term, Dates.STORED));
        }
        putIfPresent(
                document,
                "PricingModel",
                offer.pricingModel() == null ? null : offer.pricingModel().wireName());
        putIfPresent(
                document,
                "ReleasedAt",
                offer.releasedAt() == null ? null : offer.releasedAt().toString());
        document.put("CreatedAt", offer.createdAt().toString());
        document.put("LastModifiedAt", offer.lastModifiedAt().toString());
        document.put("Revision", offer.revision());
        return JSON.writeValueAsString(document);
    }

    /**
     * Reads an offer written by {@link #store}.
     *
     * @throws IllegalStateException when the stored JSON is not an offer; stored offers were written by this class
     */
    public static Offer load(String json) {
        var checks = new Validations();
        var reader = new DocumentReader(checks);
        var shapes = new TermShapes(reader);
        var path = "Offer";
        var node = reader.object(JSON.readTree(json), path, STORED_MEMBERS);
        if (node == null) {
            throw new IllegalStateException("a stored offer is a JSON object: " + json);
        }
        var id = reader.text(node, path, "Id", true, 50);
        var state = reader.choice(node, path, "State", true, OfferState.values(), OfferState::wireName);
        var name = reader.text(node, path, "Name", false, OfferChanges.NAME_MAX);
        var description = reader.text(node, path, "Description", false, OfferChanges.DESCRIPTION_MAX);
        var productId = reader.text(node, path, "ProductId", true, 50);
        var replaces = reader.text(node, path, "AgreementId", false, OfferChanges.AGREEMENT_ID_MAX);
        var resale = resale(reader, shapes, node, path);
        var offerSetId = reader.text(node, path, "OfferSetId", false, 50);
        var agreement = preExistingAgreement(reader, node, path);
        var terms = shapes.terms(
                reader.array(node, path, "Terms", true, 0, Integer.MAX_VALUE),
                DocumentReader.member(path, "Terms"),
                TermShapes.ALL_TERMS);
        var rules = new ArrayList<Rule>();
        var ruleElements = reader.array(node, path, "Rules", true, 0, 2);
        if (ruleElements != null) {
            for (int i = 0; i < ruleElements.size(); i++) {
                var rule = shapes.rule(
                        ruleElements.get(i), DocumentReader.element(DocumentReader.member(path, "Rules"), i));
                if (rule != null) {
                    rules.add(rule);
                }
            }
        }
        var seller = reader.text(node, path, "SellerPartyId", true, 36);
        var model = reader.choice(
                node, path, "PricingModel", false, OfferPricingModel.values(), OfferPricingModel::wireName);
        var releasedAt = reader.text(node, path, "ReleasedAt", false, 40);
        var createdAt = reader.text(node, path, "CreatedAt", true, 40);
        var lastModifiedAt = reader.text(node, path, "LastModifiedAt", true, 40);
        var revision = reader.value(node, path, "Revision", true);
        try {
            checks.throwIfInvalid();
            return new Offer(
                    new OfferId(Validations.present("Id", id)),
                    UUID.fromString(Validations.present("SellerPartyId", seller)),
                    Validations.present("ProductId", productId),
                    replaces,
                    resale,
                    offerSetId,
                    Validations.present("State", state),
                    name,
                    description,
                    agreement,
                    model,
                    terms,
                    rules.stream()
                            .filter(TargetingRule.class::isInstance)
                            .map(TargetingRule.class::cast)
                            .findFirst()
                            .orElse(null),
                    rules.stream()
                            .filter(AvailabilityRule.class::isInstance)
                            .map(rule -> ((AvailabilityRule) rule).availabilityEndDate())
                            .findFirst()
                            .orElse(null),
                    releasedAt == null ? null : Instant.parse(releasedAt),
                    Instant.parse(Validations.present("CreatedAt", createdAt)),
                    Instant.parse(Validations.present("LastModifiedAt", lastModifiedAt)),
                    Validations.present("Revision", revision).longValue());
        } catch (InvalidInput | IllegalArgumentException | DateTimeParseException unreadable) {
            throw new IllegalStateException("stored offer is unreadable: " + unreadable.getMessage(), unreadable);
        }
    }

    /**
     * One term read from an AWS-shaped JSON object as a term of {@code type}, whatever its own {@code Type} member
     * says: how another module (resale) reads its own term types that share an offer term's shape. Broken members are
     * reported to {@code checks} under {@code path}.
     */
    public static @Nullable Term readTerm(JsonNode node, String path, String type, Validations checks) {
        if (!node.isObject()) {
            checks.add(io.offerdesk.shared.FieldViolation.of(path, "validation.type"));
            return null;
        }
        var reader = new DocumentReader(checks);
        var term = new TermShapes(reader).term(((ObjectNode) node.deepCopy()).put("Type", type), path, Set.of(type));
        return reader.failed() ? null : term;
    }

    /** One term as {@code DescribeEntity} shows it, for another module's documents (resale). */
    public static ObjectNode describeTerm(Term term) {
        var node = JSON.createObjectNode();
        term(node, term, Dates.DESCRIBED);
        return node;
    }

    /** The term as a change document takes it: dates as days, like the stored form. */
    public static ObjectNode changeTerm(Term term) {
        var node = JSON.createObjectNode();
        term(node, term, Dates.STORED);
        return node;
    }

    private static @Nullable Resale resale(DocumentReader reader, TermShapes shapes, JsonNode node, String path) {
        var authorizationId = reader.text(node, path, "ResaleAuthorizationId", false, 50);
        var field = DocumentReader.member(path, "Resale");
        var stored = reader.object(
                reader.value(node, path, "Resale", false), field, Set.of("ManufacturerPartyId", "WholesaleTerms"));
        if (authorizationId == null || stored == null) {
            return null;
        }
        var manufacturer = reader.text(stored, field, "ManufacturerPartyId", true, 36);
        var wholesale = shapes.terms(
                reader.array(stored, field, "WholesaleTerms", true, 0, Integer.MAX_VALUE),
                DocumentReader.member(field, "WholesaleTerms"),
                TermShapes.ALL_TERMS);
        var markup = reader.text(node, path, "MarkupPercentage", false, 40);
        return new Resale(
                authorizationId,
                UUID.fromString(Validations.present("ManufacturerPartyId", manufacturer)),
                wholesale,
                markup == null ? null : new BigDecimal(markup));
    }

    private static @Nullable PreExistingAgreement preExistingAgreement(
            DocumentReader reader, JsonNode node, String path) {
        var field = DocumentReader.member(path, "PreExistingAgreement");
        var agreement = reader.object(
                reader.value(node, path, "PreExistingAgreement", false),
                field,
                Set.of("AcquisitionChannel", "PricingModel"));
        if (agreement == null) {
            return null;
        }
        var channel = reader.choice(
                agreement,
                field,
                "AcquisitionChannel",
                true,
                AcquisitionChannel.values(),
                AcquisitionChannel::wireName);
        var model = reader.choice(
                agreement, field, "PricingModel", true, OfferPricingModel.values(), OfferPricingModel::wireName);
        return channel == null || model == null ? null : new PreExistingAgreement(channel, model);
    }

    private static ObjectNode document(Offer offer, Dates dates) {
        var document = JSON.createObjectNode();
        document.put("Id", offer.id().value());
        document.put("State", offer.state().wireName());
        putIfPresent(document, "Name", offer.name());
        putIfPresent(document, "Description", offer.description());
        document.put("ProductId", offer.productId());
        // A replacement offer shows the agreement it replaces under the member CreateReplacementOffer took it in, as a
        // resale offer shows its ResaleAuthorizationId (AWS does not document the member for replacement offers).
        putIfPresent(document, "AgreementId", offer.replacesAgreementId());
        var resale = offer.resale();
        if (resale != null) {
            document.put("ResaleAuthorizationId", resale.authorizationId());
            var markup = resale.markupPercentage();
            putIfPresent(document, "MarkupPercentage", markup == null ? null : decimal(markup));
        }
        putIfPresent(document, "OfferSetId", offer.offerSetId());
        var agreement = offer.preExistingAgreement();
        if (agreement != null) {
            document.putObject("PreExistingAgreement")
                    .put("AcquisitionChannel", agreement.acquisitionChannel().wireName())
                    .put("PricingModel", agreement.pricingModel().wireName());
        }
        var terms = document.putArray("Terms");
        offer.terms().forEach(term -> term(terms.addObject(), term, dates));
        var rules = document.putArray("Rules");
        offer.rules().forEach(rule -> rule(rules.addObject(), rule, dates));
        return document;
    }

    private static void rule(ObjectNode node, Rule rule, Dates dates) {
        node.put("Type", rule.getClass().getSimpleName());
        switch (rule) {
            case AvailabilityRule availability ->
                node.put("AvailabilityEndDate", dates.availabilityEndDate(availability.availabilityEndDate()));
            case TargetingRule targeting -> {
                if (!targeting.buyerAccounts().isEmpty()
                        || !targeting.countryCodes().isEmpty()) {
                    var positive = node.putObject("PositiveTargeting");
                    strings(positive, "CountryCodes", targeting.countryCodes());
                    strings(
                            positive,
                            "BuyerAccounts",
                            targeting.buyerAccounts().stream()
                                    .map(AccountId::value)
                                    .toList());
                }
                if (!targeting.excludedCountryCodes().isEmpty()) {
                    strings(node.putObject("NegativeTargeting"), "CountryCodes", targeting.excludedCountryCodes());
                }
            }
        }
    }

    private static void term(ObjectNode node, Term term, Dates dates) {
        node.put("Type", term.type());
        switch (term) {
            case LegalTerm legal -> {
                var documents = node.putArray("Documents");
                for (var document : legal.documents()) {
                    var item = documents.addObject().put("Type", document.type().wireName());
                    putIfPresent(item, "Url", document.url());
                    putIfPresent(item, "Version", document.version());
                }
            }
            case SupportTerm support -> node.put("RefundPolicy", support.refundPolicy());
            case FixedUpfrontPricingTerm fixed -> {
                node.put("CurrencyCode", fixed.currencyCode());
                node.put("Price", decimal(fixed.price()));
                grants(node, fixed.grants());
                putIfPresent(
                        node,
                        "Duration",
                        fixed.duration() == null ? null : fixed.duration().toString());
            }
            case ConfigurableUpfrontPricingTerm configurable -> {
                node.put("CurrencyCode", configurable.currencyCode());
                var cards = node.putArray("RateCards");
                for (var card : configurable.rateCards()) {
                    var item = cards.addObject();
                    item.putObject("Selector")
                            .put("Type", "Duration")
                            .put("Value", card.duration().toString());
                    item.putObject("Constraints")
                            .put(
                                    "MultipleDimensionSelection",
                                    card.constraints()
                                            .multipleDimensionSelection()
                                            .wireName())
                            .put(
                                    "QuantityConfiguration",
                                    card.constraints().quantityConfiguration().wireName());
                    rates(item, card.rateCard());
                }
            }
            case UsageBasedPricingTerm usage -> {
                node.put("CurrencyCode", usage.currencyCode());
                var cards = node.putArray("RateCards");
                usage.rateCards().forEach(card -> rates(cards.addObject(), card.rateCard()));
            }
            case RecurringPaymentTerm recurring -> {
                node.put("CurrencyCode", recurring.currencyCode());
                node.put("BillingPeriod", recurring.billingPeriod().wireName());
                node.put("Price", decimal(recurring.price()));
            }
            case FreeTrialPricingTerm trial -> {
                node.put("Duration", trial.duration().toString());
                grants(node, trial.grants());
            }
            case ByolPricingTerm byol -> {
                // The type is the whole term.
            }
            case ValidityTerm validity -> {
                var duration = validity.agreementDuration();
                var start = validity.agreementStartDate();
                var end = validity.agreementEndDate();
                putIfPresent(node, "AgreementDuration", duration == null ? null : duration.toString());
                putIfPresent(node, "AgreementStartDate", start == null ? null : start.toString());
                putIfPresent(node, "AgreementEndDate", end == null ? null : end.toString());
            }
            case PaymentScheduleTerm schedule -> {
                node.put("CurrencyCode", schedule.currencyCode());
                var items = node.putArray("Schedule");
                for (var installment : schedule.schedule()) {
                    items.addObject()
                            .put("ChargeDate", dates.chargeDate(installment.chargeDate()))
                            .put("ChargeAmount", decimal(installment.chargeAmount()));
                }
            }
            case NetPaymentTerm netPayment ->
                node.put("PaymentDuePeriod", netPayment.paymentDuePeriod().toString());
            case VariablePaymentTerm variable -> {
                node.put("CurrencyCode", variable.currencyCode());
                node.put("MaxTotalChargeAmount", decimal(variable.maxTotalChargeAmount()));
            }
            case RenewalTerm renewal -> renewal(node, renewal);
        }
    }

    private static void renewal(ObjectNode node, RenewalTerm renewal) {
        var lockout = renewal.lockoutPeriod();
        var deadline = renewal.adjustmentDeadline();
        putIfPresent(node, "LockoutPeriod", lockout == null ? null : lockout.toString());
        putIfPresent(node, "AdjustmentDeadline", deadline == null ? null : deadline.toString());
        if (renewal.maxRenewals() != null) {
            node.put("MaxRenewals", renewal.maxRenewals());
        }
        var increase = renewal.priceIncrease();
        if (increase != null) {
            var item = node.putObject("PriceIncrease");
            switch (increase) {
                case PriceIncrease.FixedPercentage fixed ->
                    item.put("Type", "FixedPercentage").put("Value", decimal(fixed.value()));
                case PriceIncrease.PercentageRange range ->
                    item.put("Type", "PercentageRange")
                            .putObject("Range")
                            .put("MinValue", decimal(range.minValue()))
                            .put("MaxValue", decimal(range.maxValue()))
                            .put("DefaultValue", decimal(range.defaultValue()));
            }
        }
        var template = renewal.paymentScheduleTemplate();
        if (template != null) {
            var item = node.putArray("TermTemplates").addObject().put("Type", "PaymentScheduleTermTemplate");
            var schedule = item.putArray("Schedule");
            for (var charge : template.schedule()) {
                var entry = schedule.addObject()
                        .put("ChargeDateOffset", charge.chargeDateOffset().toString())
                        .put("ChargePercentage", decimal(charge.chargePercentage()));
                if (charge.dayOfMonth() != null) {
                    entry.put("DayOfMonth", charge.dayOfMonth());
                }
            }
        }
    }

    private static void grants(ObjectNode node, List<Grant> grants) {
        var items = node.putArray("Grants");
        for (var grant : grants) {
            var item = items.addObject().put("DimensionKey", grant.dimensionKey());
            if (grant.maxQuantity() != null) {
                item.put("MaxQuantity", grant.maxQuantity());
            }
        }
    }

    private static void rates(ObjectNode node, List<Rate> rates) {
        var items = node.putArray("RateCard");
        rates.forEach(rate ->
                items.addObject().put("DimensionKey", rate.dimensionKey()).put("Price", decimal(rate.price())));
    }

    private static void strings(ObjectNode node, String name, List<String> values) {
        if (!values.isEmpty()) {
            ArrayNode array = node.putArray(name);
            values.forEach(array::add);
        }
    }

    /** AWS writes amounts as decimal strings, exactly as the seller gave them. */
    private static String decimal(BigDecimal value) {
        return value.toPlainString();
    }

    private static void putIfPresent(ObjectNode node, String name, @Nullable String value) {
        if (value != null) {
            node.put(name, value);
        }
    }
}
