package io.offerdesk.agreements.internal.web;

import io.offerdesk.agreements.Agreements.QuoteRequest;
import io.offerdesk.agreements.RefusalReason;
import io.offerdesk.agreements.TermConfiguration.ContractConfiguration;
import io.offerdesk.agreements.TermConfiguration.DimensionQuantity;
import io.offerdesk.offers.Offer;
import io.offerdesk.offers.Term.ConfigurableUpfrontPricingTerm;
import io.offerdesk.offers.Term.ContractRateCard;
import io.offerdesk.offers.Term.Rate;
import io.offerdesk.shared.InvalidInput;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What the buyer chose on the quote form: the accepting account, a configurable contract's duration and quantities,
 * and automatic renewal. Quantity fields are named {@code quantity.<dimension key>}; a blank or zero quantity leaves
 * the dimension out.
 */
record QuoteForm(
        @Nullable String accountId, @Nullable String selectorValue, Map<String, String> quantities, boolean autoRenew) {

    static final String QUANTITY = "quantity.";

    /** The form as first shown: the only or first duration, no quantities, automatic renewal on. */
    static QuoteForm initial(Offer offer, List<String> accounts) {
        var durations = durations(offer);
        return new QuoteForm(
                accounts.isEmpty() ? null : accounts.getFirst(),
                durations.isEmpty() ? null : durations.getFirst().toString(),
                Map.of(),
                true);
    }

    static QuoteForm from(Map<String, String> params) {
        var quantities = new LinkedHashMap<String, String>();
        params.forEach((name, value) -> {
            if (name.startsWith(QUANTITY)) {
                quantities.put(name.substring(QUANTITY.length()), value);
            }
        });
        return new QuoteForm(
                blankToNull(params.get("accountId")),
                blankToNull(params.get("selectorValue")),
                quantities,
                "true".equals(params.get("autoRenew")));
    }

    /** The durations a configurable contract offers, in the seller's order; none for any other offer. */
    static List<Period> durations(Offer offer) {
        return offer.term(ConfigurableUpfrontPricingTerm.class)
                .map(term -> term.rateCards().stream()
                        .map(ContractRateCard::duration)
                        .distinct()
                        .toList())
                .orElse(List.of());
    }

    /** Every dimension a configurable contract prices, once, in the seller's order. */
    static List<String> dimensions(Offer offer) {
        return offer.term(ConfigurableUpfrontPricingTerm.class)
                .map(term -> term.rateCards().stream()
                        .flatMap(card -> card.rateCard().stream())
                        .map(Rate::dimensionKey)
                        .distinct()
                        .toList())
                .orElse(List.of());
    }

    public String quantity(String dimensionKey) {
        return quantities.getOrDefault(dimensionKey, "");
    }

    /**
     * The quote request; the configuration is sent only for a configurable contract, automatic renewal only where the
     * offer has a renewal term (the service ignores it elsewhere).
     *
     * @throws InvalidInput naming the form field that cannot be read
     */
    QuoteRequest toRequest(Offer offer) {
        ContractConfiguration contract = null;
        if (offer.term(ConfigurableUpfrontPricingTerm.class).isPresent()) {
            contract = new ContractConfiguration(period(), dimensionQuantities());
        }
        return new QuoteRequest(offer.id().value(), accountId, null, null, null, contract, autoRenew, null);
    }

    private Period period() {
        try {
            return Period.parse(String.valueOf(selectorValue));
        } catch (DateTimeParseException unreadable) {
            throw RefusalReason.MISSING_REQUESTED_TERM_CONFIGURATION.at("selectorValue");
        }
    }

    private List<DimensionQuantity> dimensionQuantities() {
        var chosen = new ArrayList<DimensionQuantity>();
        quantities.forEach((key, value) -> {
            if (value.isBlank()) {
                return;
            }
            try {
                var quantity = Integer.parseInt(value.strip());
                if (quantity != 0) {
                    chosen.add(new DimensionQuantity(key, quantity));
                }
            } catch (NumberFormatException unreadable) {
                throw RefusalReason.INVALID_REQUESTED_TERM_CONFIGURATION.at(QUANTITY + key);
            }
        });
        return chosen;
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
