package io.offerdesk.awsapi.internal.agreement;

import io.offerdesk.agreements.AcceptedTerm;
import io.offerdesk.agreements.TermConfiguration;
import io.offerdesk.offers.Term;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * An agreement's accepted terms as the model's {@code AcceptedTerm} union: one member per term, named after its type
 * in lower camel case, carrying {@code type}, {@code id}, the term's own members and, for the terms that leave the buyer
 * a choice, the buyer's {@code configuration}. Amounts are the decimal strings the seller wrote; dates are timestamps.
 */
final class AcceptedTermShapes {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private AcceptedTermShapes() {}

    /**
     * The union member for the term; empty for {@link Term.NetPaymentTerm}, which the model's union has no member for
     * (AWS keeps payment due dates outside the agreement's terms).
     */
    static Optional<ObjectNode> of(AcceptedTerm accepted) {
        var term = accepted.term();
        var body = NODES.objectNode();
        body.put("type", term.type());
        body.put("id", accepted.id());
        if (term instanceof Term.InCurrency priced) {
            body.put("currencyCode", priced.currencyCode());
        }
        switch (term) {
            case Term.LegalTerm legal -> {
                var documents = body.putArray("documents");
                for (var document : legal.documents()) {
                    var item = documents.addObject().put("type", document.type().wireName());
                    putIfPresent(item, "url", document.url());
                    putIfPresent(item, "version", document.version());
                }
            }
            case Term.SupportTerm support -> body.put("refundPolicy", support.refundPolicy());
            case Term.FixedUpfrontPricingTerm fixed -> {
                if (fixed.duration() != null) {
                    body.put("duration", fixed.duration().toString());
                }
                body.put("price", decimal(fixed.price()));
                grants(body, fixed.grants());
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
                    rates(item.putArray("rateCard"), card.rateCard());
                }
                if (accepted.configuration() instanceof TermConfiguration.ContractConfiguration contract) {
                    var configuration = body.putObject("configuration")
                            .put("selectorValue", contract.selectorValue().toString());
                    var dimensions = configuration.putArray("dimensions");
                    contract.dimensions()
                            .forEach(d -> dimensions
                                    .addObject()
                                    .put("dimensionKey", d.dimensionKey())
                                    .put("dimensionValue", d.dimensionValue()));
                }
            }
            case Term.UsageBasedPricingTerm usage -> {
                var cards = body.putArray("rateCards");
                usage.rateCards().forEach(card -> rates(cards.addObject().putArray("rateCard"), card.rateCard()));
            }
            case Term.RecurringPaymentTerm recurring -> {
                body.put("billingPeriod", recurring.billingPeriod().wireName());
                body.put("price", decimal(recurring.price()));
            }
            case Term.FreeTrialPricingTerm trial -> {
                body.put("duration", trial.duration().toString());
                grants(body, trial.grants());
            }
            case Term.ByolPricingTerm byol -> {
                // type and id are all the model's ByolPricingTerm has
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
                schedule.schedule().forEach(installment -> {
                    var item = items.addObject();
                    putDate(item, "chargeDate", installment.chargeDate());
                    item.put("chargeAmount", decimal(installment.chargeAmount()));
                });
            }
            case Term.VariablePaymentTerm variable -> {
                body.put("maxTotalChargeAmount", decimal(variable.maxTotalChargeAmount()));
                if (accepted.configuration() instanceof TermConfiguration.VariablePaymentConfiguration chosen) {
                    var configuration = body.putObject("configuration")
                            .put(
                                    "paymentRequestApprovalStrategy",
                                    chosen.paymentRequestApprovalStrategy().name());
                    if (chosen.expirationDuration() != null) {
                        configuration.put(
                                "expirationDuration",
                                chosen.expirationDuration().toString());
                    }
                }
            }
            case Term.RenewalTerm renewal -> {
                if (accepted.configuration() instanceof TermConfiguration.RenewalConfiguration chosen) {
                    body.putObject("configuration").put("enableAutoRenew", chosen.enableAutoRenew());
                }
            }
            case Term.NetPaymentTerm net -> {
                return Optional.empty();
            }
        }
        var member = Character.toLowerCase(term.type().charAt(0)) + term.type().substring(1);
        var union = NODES.objectNode();
        union.set(member, body);
        return Optional.of(union);
    }

    static String decimal(BigDecimal amount) {
        return amount.toPlainString();
    }

    private static void grants(ObjectNode body, List<Term.Grant> grants) {
        var items = body.putArray("grants");
        for (var grant : grants) {
            var item = items.addObject().put("dimensionKey", grant.dimensionKey());
            if (grant.maxQuantity() != null) {
                item.put("maxQuantity", grant.maxQuantity());
            }
        }
    }

    private static void rates(ArrayNode into, List<Term.Rate> rates) {
        rates.forEach(rate ->
                into.addObject().put("dimensionKey", rate.dimensionKey()).put("price", decimal(rate.price())));
    }

    /** A date of a term as the timestamp of its first instant in UTC, in epoch seconds. */
    private static void putDate(ObjectNode node, String member, @Nullable LocalDate date) {
        if (date != null) {
            node.put(member, date.atStartOfDay(ZoneOffset.UTC).toEpochSecond());
        }
    }

    private static void putIfPresent(ObjectNode node, String member, @Nullable String value) {
        if (value != null) {
            node.put(member, value);
        }
    }
}
