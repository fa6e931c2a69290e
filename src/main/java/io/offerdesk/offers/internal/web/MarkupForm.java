package io.offerdesk.offers.internal.web;

import io.offerdesk.changesets.StartChangeSet.RequestedChange;
import io.offerdesk.offers.Offer;
import io.offerdesk.offers.Term;
import io.offerdesk.offers.internal.domain.ResalePrices;
import io.offerdesk.offers.internal.domain.ResalePrices.PricePair;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The pricing step of a channel partner's resale offer: a markup percentage over the wholesale prices, and each price
 * and installment with its wholesale amount, the buyer's amount and the partner's margin. The margins are worked out
 * with the same arithmetic the engine applies, so the calculator shows what {@code UpdateMarkup} will save.
 *
 * @param percentage as typed
 * @param lines each wholesale price beside the buyer's price
 * @param marginPaidOnce the margin on the installments (or the upfront price); absent when all prices are per unit
 * @param valid whether the percentage reads as a markup; the lines show the offer's current prices when it does not
 */
public record MarkupForm(
        String percentage,
        List<PricePair> lines,
        @Nullable BigDecimal marginPaidOnce,
        @Nullable String currency,
        boolean valid) {

    public MarkupForm {
        lines = List.copyOf(lines);
    }

    /** The offer's prices as they are, with the markup it carries (empty when the partner set its own prices). */
    static MarkupForm of(Offer offer) {
        var resale = offer.resale();
        var markup = resale == null || resale.markupPercentage() == null
                ? ""
                : resale.markupPercentage().toPlainString();
        return form(markup, offer, offer.terms(), true);
    }

    /** The prices {@code percentage} would give, without saving anything. */
    static MarkupForm preview(Offer offer, @Nullable String percentage) {
        var typed = percentage == null ? "" : percentage.strip();
        var markup = markup(typed);
        var resale = offer.resale();
        if (markup.isEmpty() || resale == null) {
            return form(typed, offer, offer.terms(), typed.isEmpty());
        }
        var buyer = new ArrayList<Term>(offer.terms());
        buyer.addAll(0, ResalePrices.markedUp(resale.wholesaleTerms(), markup.get()));
        return form(typed, offer, buyer, true);
    }

    static RequestedChange change(String offerId, String percentage) {
        var details = Details.object();
        details.put("Percentage", percentage.strip());
        return Details.change("UpdateMarkup", offerId, details);
    }

    private static MarkupForm form(String typed, Offer offer, List<Term> buyerTerms, boolean valid) {
        var resale = offer.resale();
        var lines = resale == null ? List.<PricePair>of() : ResalePrices.pairs(resale.wholesaleTerms(), buyerTerms);
        return new MarkupForm(
                typed,
                lines,
                ResalePrices.marginPaidOnce(lines).orElse(null),
                lines.isEmpty() ? null : lines.get(0).currencyCode(),
                valid);
    }

    /** A non-negative decimal; the engine checks the rest (decimals) when it is saved. */
    private static Optional<BigDecimal> markup(String typed) {
        try {
            var value = new BigDecimal(typed);
            return value.signum() < 0 ? Optional.empty() : Optional.of(value);
        } catch (NumberFormatException notADecimal) {
            return Optional.empty();
        }
    }
}
