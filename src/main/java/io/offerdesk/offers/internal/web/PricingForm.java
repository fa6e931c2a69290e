package io.offerdesk.offers.internal.web;

import io.offerdesk.catalog.Dimension;
import io.offerdesk.catalog.DimensionType;
import io.offerdesk.catalog.PricingModel;
import io.offerdesk.catalog.Product;
import io.offerdesk.changesets.StartChangeSet.RequestedChange;
import io.offerdesk.offers.Offer;
import io.offerdesk.offers.OfferPricingModel;
import io.offerdesk.offers.Term.ConfigurableUpfrontPricingTerm;
import io.offerdesk.offers.Term.FixedUpfrontPricingTerm;
import io.offerdesk.offers.Term.FreeTrialPricingTerm;
import io.offerdesk.offers.Term.Grant;
import io.offerdesk.offers.Term.RecurringPaymentTerm;
import io.offerdesk.offers.Term.UsageBasedPricingTerm;
import io.offerdesk.offers.Term.VariablePaymentTerm;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import tools.jackson.databind.node.ObjectNode;

/**
 * The offer's prices, fitted to what the product type sells: a contract (entitlements granted for an upfront price
 * that a payment schedule carries, or tiered prices per contract duration), a monthly subscription, usage rates for
 * metered dimensions, and a free trial. Saved as one {@code UpdatePricingTerms}, which replaces all pricing terms, and,
 * for SaaS products, the most the seller may later charge through payment requests as {@code
 * UpdateVariablePaymentTerms}: it is money in the same currency, so it is typed next to the prices.
 *
 * @param contract a {@link Contract} name
 * @param grants entitled dimension key to the quantity granted; blank grants nothing
 * @param tiers {@code <duration>.<dimension key>} to the price for that duration
 * @param usage metered dimension key to the price per unit; blank leaves the dimension unpriced
 * @param variableMax the variable payment term's maximum total; blank for none
 */
public record PricingForm(
        String contract,
        String currency,
        String price,
        Map<String, String> grants,
        Map<String, String> tiers,
        Map<String, String> usage,
        String monthly,
        String trialDays,
        String trialQuantity,
        String variableMax) {

    /** How the contract part is priced. */
    public enum Contract {
        NONE,
        FIXED,
        TIERED,
        SUBSCRIPTION
    }

    /** Upfront prices and installments may be in these currencies; usage and subscriptions only in USD (AWS). */
    static final List<String> CURRENCIES = List.of("USD", "EUR", "GBP", "AUD", "JPY");

    /** The contract durations a tiered rate card offers, as AWS's console lists them. */
    static final List<String> TIER_DURATIONS = List.of("P1M", "P12M", "P24M", "P36M");

    public PricingForm {
        grants = Map.copyOf(grants);
        tiers = Map.copyOf(tiers);
        usage = Map.copyOf(usage);
    }

    static PricingForm of(Offer offer, Product product) {
        var grants = new LinkedHashMap<String, String>();
        var tiers = new LinkedHashMap<String, String>();
        var usage = new LinkedHashMap<String, String>();
        var contract = product.type().allows(PricingModel.CONTRACT) ? Contract.FIXED : Contract.NONE;
        var price = "0";
        var monthly = "";
        var fixed = offer.term(FixedUpfrontPricingTerm.class);
        if (fixed.isPresent()) {
            contract = Contract.FIXED;
            price = fixed.get().price().toPlainString();
            for (var grant : fixed.get().grants()) {
                grants.put(grant.dimensionKey(), quantity(grant));
            }
        }
        var configurable = offer.term(ConfigurableUpfrontPricingTerm.class);
        if (configurable.isPresent()) {
            contract = Contract.TIERED;
            for (var card : configurable.get().rateCards()) {
                for (var rate : card.rateCard()) {
                    tiers.put(
                            card.duration() + "." + rate.dimensionKey(),
                            rate.price().toPlainString());
                }
            }
        }
        var recurring = offer.term(RecurringPaymentTerm.class);
        if (recurring.isPresent()) {
            contract = Contract.SUBSCRIPTION;
            monthly = recurring.get().price().toPlainString();
        }
        offer.term(UsageBasedPricingTerm.class)
                .ifPresent(term -> term.rateCards().stream()
                        .flatMap(card -> card.rateCard().stream())
                        .forEach(rate ->
                                usage.put(rate.dimensionKey(), rate.price().toPlainString())));
        if (offer.term(UsageBasedPricingTerm.class).isPresent()
                && fixed.isEmpty()
                && configurable.isEmpty()
                && recurring.isEmpty()) {
            contract = Contract.NONE;
        }
        var trial = offer.term(FreeTrialPricingTerm.class);
        return new PricingForm(
                contract.name(),
                offer.currency().map(c -> c.getCode()).orElse("USD"),
                price,
                grants,
                tiers,
                usage,
                monthly,
                trial.map(t -> Integer.toString(t.duration().getDays())).orElse(""),
                trial.flatMap(t -> t.grants().stream().findFirst())
                        .map(PricingForm::quantity)
                        .orElse(""),
                offer.term(VariablePaymentTerm.class)
                        .map(v -> v.maxTotalChargeAmount().toPlainString())
                        .orElse(""));
    }

    static PricingForm from(Map<String, String> params) {
        return new PricingForm(
                FormValues.text(params, "contract"),
                FormValues.text(params, "CurrencyCode"),
                FormValues.text(params, "Price"),
                FormValues.keyed(params, "grant"),
                FormValues.keyed(params, "tier"),
                FormValues.keyed(params, "usage"),
                FormValues.text(params, "monthly"),
                FormValues.text(params, "trialDays"),
                FormValues.text(params, "trialQuantity"),
                FormValues.text(params, "MaxTotalChargeAmount"));
    }

    /**
     * The pricing change between the variable payment changes: an existing maximum is removed before the prices and a
     * typed one set after them, so that a change of currency never meets the maximum in the old one.
     */
    List<RequestedChange> changes(String offerId, Product product, Offer offer) {
        var changes = new ArrayList<RequestedChange>();
        if (offer.term(VariablePaymentTerm.class).isPresent()) {
            changes.add(Details.change("UpdateVariablePaymentTerms", offerId, Details.terms(null)));
        }
        changes.add(pricingChange(offerId, product));
        if (!variableMax.isBlank()) {
            var term = priced("VariablePaymentTerm");
            term.put("MaxTotalChargeAmount", variableMax);
            changes.add(Details.change("UpdateVariablePaymentTerms", offerId, Details.terms(term)));
        }
        return changes;
    }

    private RequestedChange pricingChange(String offerId, Product product) {
        var entitled = keys(product, DimensionType.ENTITLED);
        var terms = new ArrayList<ObjectNode>();
        var hasUsage = usage.values().stream().anyMatch(v -> !v.isBlank());
        var chosen = chosenContract();
        switch (chosen) {
            case FIXED -> {
                var term = priced("FixedUpfrontPricingTerm");
                term.put("Price", price.isEmpty() ? "0" : price);
                var list = term.putArray("Grants");
                for (var key : entitled) {
                    var quantity = grants.getOrDefault(key, "");
                    if (!quantity.isBlank()) {
                        Details.putInteger(list.addObject().put("DimensionKey", key), "MaxQuantity", quantity);
                    }
                }
                terms.add(term);
            }
            case TIERED -> {
                var term = priced("ConfigurableUpfrontPricingTerm");
                var cards = term.putArray("RateCards");
                // AWS: a tiered contract disallows picking several dimensions and quantities; with usage on top
                // (contract with consumption) both are allowed.
                var constraint = hasUsage ? "Allowed" : "Disallowed";
                for (var duration : TIER_DURATIONS) {
                    var priced = entitled.stream()
                            .filter(key -> !tiers.getOrDefault(duration + "." + key, "")
                                    .isBlank())
                            .toList();
                    if (priced.isEmpty()) {
                        continue;
                    }
                    var card = cards.addObject();
                    card.putObject("Selector").put("Type", "Duration").put("Value", duration);
                    card.putObject("Constraints")
                            .put("MultipleDimensionSelection", constraint)
                            .put("QuantityConfiguration", constraint);
                    var rates = card.putArray("RateCard");
                    priced.forEach(key ->
                            rates.addObject().put("DimensionKey", key).put("Price", tiers.get(duration + "." + key)));
                }
                terms.add(term);
            }
            case SUBSCRIPTION -> {
                var term = priced("RecurringPaymentTerm");
                term.put("BillingPeriod", "Monthly");
                term.put("Price", monthly);
                terms.add(term);
            }
            case NONE -> {}
        }
        if (hasUsage) {
            var term = priced("UsageBasedPricingTerm");
            var rates = term.putArray("RateCards").addObject().putArray("RateCard");
            for (var key : keys(product, DimensionType.METERED)) {
                var rate = usage.getOrDefault(key, "");
                if (!rate.isBlank()) {
                    rates.addObject().put("DimensionKey", key).put("Price", rate);
                }
            }
            terms.add(term);
        }
        if (!trialDays.isBlank()) {
            var term = Details.term("FreeTrialPricingTerm");
            term.put("Duration", "P" + trialDays + "D");
            var list = term.putArray("Grants");
            for (var key : entitled) {
                var grant = list.addObject().put("DimensionKey", key);
                if (!trialQuantity.isBlank()) {
                    Details.putInteger(grant, "MaxQuantity", trialQuantity);
                }
            }
            terms.add(term);
        }
        var model = chosen != Contract.NONE
                ? OfferPricingModel.CONTRACT
                : hasUsage ? OfferPricingModel.USAGE : OfferPricingModel.FREE;
        var details = Details.object();
        details.put("PricingModel", model.wireName());
        terms.forEach(details.putArray("Terms")::add);
        return Details.change("UpdatePricingTerms", offerId, details);
    }

    public Contract chosenContract() {
        try {
            return Contract.valueOf(contract);
        } catch (IllegalArgumentException unknown) {
            return Contract.NONE;
        }
    }

    /** The contract kinds the product type sells, always with "none" for usage-only or trial-only offers. */
    static List<Contract> contracts(Product product) {
        var kinds = new ArrayList<Contract>();
        kinds.add(Contract.NONE);
        if (product.type().allows(PricingModel.CONTRACT)) {
            kinds.add(Contract.FIXED);
            kinds.add(Contract.TIERED);
        }
        if (product.type().allows(PricingModel.SUBSCRIPTION)) {
            kinds.add(Contract.SUBSCRIPTION);
        }
        return kinds;
    }

    static List<Dimension> dimensions(Product product, DimensionType type) {
        return product.dimensions().stream().filter(d -> d.type() == type).toList();
    }

    private ObjectNode priced(String type) {
        var term = Details.term(type);
        term.put("CurrencyCode", currency.isEmpty() ? "USD" : currency);
        return term;
    }

    private static List<String> keys(Product product, DimensionType type) {
        return dimensions(product, type).stream().map(Dimension::key).toList();
    }

    private static String quantity(Grant grant) {
        return Objects.toString(grant.maxQuantity(), "");
    }
}
