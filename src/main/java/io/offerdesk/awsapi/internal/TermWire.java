package io.offerdesk.awsapi.internal;

import io.offerdesk.offers.Term;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A term's members on the wire, as the Agreement API's {@code AcceptedTerm} and Discovery's {@code OfferTerm} unions
 * both carry them: currency, prices, grants, rate cards, schedules, validity, documents and refund policy. The two
 * models differ only in how a grant or a rate names its dimension (Discovery adds the product's name and unit for the
 * buyer) and in the URL of a legal document (Discovery links a standard EULA to the offer's page), so those are
 * parameters; each caller writes what comes before (type and id) and after (an accepted term's configuration). Amounts
 * are the decimal strings the seller wrote; dates are timestamps of the start of their day in UTC.
 */
public final class TermWire {

    /** Writes the members that name a dimension into an item of a term's grants or rate card, and returns the item. */
    @FunctionalInterface
    public interface DimensionWriter {
        ObjectNode write(ObjectNode item, String dimensionKey);
    }

    /** A dimension named by its key alone. */
    public static final DimensionWriter KEY_ONLY = (item, key) -> item.put("dimensionKey", key);

    private TermWire() {}

    /** The union member that holds a term's body: the term's type in lower camel case. */
    public static ObjectNode union(Term term, ObjectNode body) {
        var union = JsonNodeFactory.instance.objectNode();
        union.set(Character.toLowerCase(term.type().charAt(0)) + term.type().substring(1), body);
        return union;
    }

    /**
     * Writes the term's own members into {@code body}, the currency first for the terms that have one. The terms that
     * have no member of their own (BYOL, renewal, net payment) add nothing.
     */
    public static void members(
            ObjectNode body,
            Term term,
            DimensionWriter dimensions,
            Function<Term.LegalDocument, @Nullable String> documentUrl) {
        if (term instanceof Term.InCurrency priced) {
            body.put("currencyCode", priced.currencyCode());
        }
        switch (term) {
            case Term.LegalTerm legal -> {
                var documents = body.putArray("documents");
                for (var document : legal.documents()) {
                    var item = documents.addObject().put("type", document.type().wireName());
                    putIfPresent(item, "url", documentUrl.apply(document));
                    putIfPresent(item, "version", document.version());
                }
            }
            case Term.SupportTerm support -> body.put("refundPolicy", support.refundPolicy());
            case Term.FixedUpfrontPricingTerm fixed -> {
                if (fixed.duration() != null) {
                    body.put("duration", fixed.duration().toString());
                }
                body.put("price", decimal(fixed.price()));
                grants(body, fixed.grants(), dimensions);
            }
            case Term.ConfigurableUpfrontPricingTerm configurable -> {
                var cards = body.putArray("rateCards");
                for (var card : configurable.rateCards()) {
                    var item = cards.addObject();
                    item.putObject("selector")
                            .put("type", "Duration")
                            .put("value", card.duration().toString());
                    item.putObject("constraints")
                            .put(
                                    "multipleDimensionSelection",
                                    card.constraints()
                                            .multipleDimensionSelection()
                                            .wireName())
                            .put(
                                    "quantityConfiguration",
                                    card.constraints().quantityConfiguration().wireName());
                    rates(item, card.rateCard(), dimensions);
                }
            }
            case Term.UsageBasedPricingTerm usage -> {
                var cards = body.putArray("rateCards");
                usage.rateCards().forEach(card -> rates(cards.addObject(), card.rateCard(), dimensions));
            }
            case Term.RecurringPaymentTerm recurring -> {
                body.put("billingPeriod", recurring.billingPeriod().wireName());
                body.put("price", decimal(recurring.price()));
            }
            case Term.FreeTrialPricingTerm trial -> {
                body.put("duration", trial.duration().toString());
                grants(body, trial.grants(), dimensions);
            }
            case Term.ValidityTerm validity -> {
                if (validity.agreementDuration() != null) {
                    body.put("agreementDuration", validity.agreementDuration().toString());
                }
                putDate(body, "agreementStartDate", validity.agreementStartDate());
                putDate(body, "agreementEndDate", validity.agreementEndDate());
            }
            case Term.PaymentScheduleTerm schedule -> {
                var items = body.putArray("schedule");
                for (var installment : schedule.schedule()) {
                    var item = items.addObject();
                    putDate(item, "chargeDate", installment.chargeDate());
                    item.put("chargeAmount", decimal(installment.chargeAmount()));
                }
            }
            case Term.VariablePaymentTerm variable ->
                body.put("maxTotalChargeAmount", decimal(variable.maxTotalChargeAmount()));
            case Term.ByolPricingTerm byol -> {}
            case Term.RenewalTerm renewal -> {}
            case Term.NetPaymentTerm netPayment -> {}
        }
    }

    /** An amount as the decimal string the seller wrote. */
    public static String decimal(BigDecimal amount) {
        return amount.toPlainString();
    }

    private static void grants(ObjectNode body, List<Term.Grant> grants, DimensionWriter dimensions) {
        var items = body.putArray("grants");
        for (var grant : grants) {
            var item = dimensions.write(items.addObject(), grant.dimensionKey());
            if (grant.maxQuantity() != null) {
                item.put("maxQuantity", grant.maxQuantity());
            }
        }
    }

    private static void rates(ObjectNode card, List<Term.Rate> rates, DimensionWriter dimensions) {
        var items = card.putArray("rateCard");
        rates.forEach(
                rate -> dimensions.write(items.addObject(), rate.dimensionKey()).put("price", decimal(rate.price())));
    }

    private static void putDate(ObjectNode node, String member, @Nullable LocalDate date) {
        if (date != null) {
            EpochSeconds.put(node, member, date.atStartOfDay(ZoneOffset.UTC).toInstant());
        }
    }

    private static void putIfPresent(ObjectNode node, String member, @Nullable String value) {
        if (value != null) {
            node.put(member, value);
        }
    }
}
