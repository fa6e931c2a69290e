package io.offerdesk.offers.internal.web;

import io.offerdesk.changesets.StartChangeSet.RequestedChange;
import io.offerdesk.offers.Offer;
import io.offerdesk.shared.AccountId;
import java.util.Map;

/**
 * Who may accept the offer: buyer accounts (one per line or separated by commas) and, optionally, the countries it
 * may be accepted in. Saved as {@code UpdateTargeting}, which replaces all targeting.
 */
public record TargetingForm(String buyerAccounts, String countryCodes) {

    static TargetingForm of(Offer offer) {
        var targeting = offer.targeting();
        return new TargetingForm(
                String.join(
                        "\n",
                        offer.buyerAccounts().stream().map(AccountId::value).toList()),
                targeting == null ? "" : String.join(", ", targeting.countryCodes()));
    }

    static TargetingForm from(Map<String, String> params) {
        return new TargetingForm(FormValues.text(params, "buyerAccounts"), FormValues.text(params, "countryCodes"));
    }

    RequestedChange change(String offerId) {
        var details = Details.object();
        var accounts = FormValues.list(buyerAccounts);
        var countries = FormValues.list(countryCodes.toUpperCase(java.util.Locale.ROOT));
        if (!accounts.isEmpty() || !countries.isEmpty()) {
            var positive = details.putObject("PositiveTargeting");
            if (!accounts.isEmpty()) {
                accounts.forEach(positive.putArray("BuyerAccounts")::add);
            }
            if (!countries.isEmpty()) {
                countries.forEach(positive.putArray("CountryCodes")::add);
            }
        }
        return Details.change("UpdateTargeting", offerId, details);
    }
}
