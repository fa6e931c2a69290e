package io.offerdesk.gtm.internal.approvals.domain;

import java.math.BigDecimal;
import java.util.List;
import org.joda.money.Money;
import org.jspecify.annotations.Nullable;

/** What about a draft makes a rule apply. Every condition reads only {@link OfferFacts}. */
public sealed interface Condition {

    /** The wire names of the conditions, in the order pages offer them. */
    List<String> TYPES = List.of(
            "DISCOUNT",
            "CONTRACT_VALUE",
            "CUSTOM_EULA",
            "CHANGED_CLAUSES",
            "BACK_LOADED",
            "MARGIN_BELOW",
            "RENEWAL_GAP",
            "MISSING_EVIDENCE");

    boolean matches(OfferFacts offer);

    /** The wire name, e.g. {@code DISCOUNT}. */
    String type();

    /** The number the condition compares with, as the policy states it; absent for {@link CustomEula}. */
    default @Nullable BigDecimal threshold() {
        return switch (this) {
            case Discount d -> d.percent();
            case ContractValue v -> v.amount().getAmount();
            case CustomEula c -> null;
            case ChangedClauses c -> null;
            case MissingEvidence m -> null;
            case BackLoaded b -> b.factor();
            case MarginBelow m -> m.percent();
            case RenewalGap g -> BigDecimal.valueOf(g.days());
        };
    }

    /** The highest discount against the product's list price is at least {@code percent}. */
    record Discount(BigDecimal percent) implements Condition {
        @Override
        public boolean matches(OfferFacts offer) {
            var discount = offer.discountPercent();
            return discount != null && discount.compareTo(percent) >= 0;
        }

        @Override
        public String type() {
            return "DISCOUNT";
        }
    }

    /** The total contract value is at least {@code amount}; offers in another currency are not compared. */
    record ContractValue(Money amount) implements Condition {
        @Override
        public boolean matches(OfferFacts offer) {
            var value = offer.totalContractValue();
            return value != null
                    && value.getCurrencyUnit().equals(amount.getCurrencyUnit())
                    && !value.isLessThan(amount);
        }

        @Override
        public String type() {
            return "CONTRACT_VALUE";
        }
    }

    /** The offer's EULA is a custom document rather than the standard contract. */
    record CustomEula() implements Condition {
        @Override
        public boolean matches(OfferFacts offer) {
            return offer.customEula();
        }

        @Override
        public String type() {
            return "CUSTOM_EULA";
        }
    }

    /**
     * The offer was made from a template whose EULA replaces or adds clauses to the standard contract (liability cap,
     * data protection, SLA, …), so legal may want to read what was agreed to.
     */
    record ChangedClauses() implements Condition {
        @Override
        public boolean matches(OfferFacts offer) {
            return offer.changedClauses();
        }

        @Override
        public String type() {
            return "CHANGED_CLAUSES";
        }
    }

    /** An item of the offer's risk checklist still lacks its evidence or sign-off. */
    record MissingEvidence() implements Condition {
        @Override
        public boolean matches(OfferFacts offer) {
            return offer.missingChecklistItems() > 0;
        }

        @Override
        public String type() {
            return "MISSING_EVIDENCE";
        }
    }

    /** A later installment is at least {@code factor} times the first (see {@link OfferFacts#backLoadFactor}). */
    record BackLoaded(BigDecimal factor) implements Condition {
        @Override
        public boolean matches(OfferFacts offer) {
            var load = offer.backLoadFactor();
            return load != null && load.compareTo(factor) >= 0;
        }

        @Override
        public String type() {
            return "BACK_LOADED";
        }
    }

    /** A channel partner's markup over the wholesale price is below {@code percent}. */
    record MarginBelow(BigDecimal percent) implements Condition {
        @Override
        public boolean matches(OfferFacts offer) {
            var markup = offer.markupPercent();
            return markup != null && markup.compareTo(percent) < 0;
        }

        @Override
        public String type() {
            return "MARGIN_BELOW";
        }
    }

    /** A replacement leaves at least {@code days} days uncovered after the replaced agreement ends. */
    record RenewalGap(int days) implements Condition {
        @Override
        public boolean matches(OfferFacts offer) {
            var gap = offer.renewalGapDays();
            return gap != null && gap >= days;
        }

        @Override
        public String type() {
            return "RENEWAL_GAP";
        }
    }
}
