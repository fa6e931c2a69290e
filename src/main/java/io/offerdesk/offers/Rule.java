package io.offerdesk.offers;

import io.offerdesk.shared.AccountId;
import java.time.LocalDate;
import java.util.List;

/** Who may accept an offer and until when, as the {@code Rules} of an offer's {@code DetailsDocument}. */
public sealed interface Rule {

    /**
     * Limits an offer to buyer accounts (a private offer) and/or countries. Positive and negative targeting are never
     * combined.
     */
    record TargetingRule(List<AccountId> buyerAccounts, List<String> countryCodes, List<String> excludedCountryCodes)
            implements Rule {
        public TargetingRule {
            buyerAccounts = List.copyOf(buyerAccounts);
            countryCodes = List.copyOf(countryCodes);
            excludedCountryCodes = List.copyOf(excludedCountryCodes);
        }

        public boolean isEmpty() {
            return buyerAccounts.isEmpty() && countryCodes.isEmpty() && excludedCountryCodes.isEmpty();
        }
    }

    /** The last day, in UTC, on which the offer can be accepted. */
    record AvailabilityRule(LocalDate availabilityEndDate) implements Rule {}
}
