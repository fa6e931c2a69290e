package io.offerdesk.gtm.internal.strategy.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * A seller's or channel partner's deal strategy: segment rules in rank order (the first is rank 1). An empty strategy
 * places no offer.
 */
public record DealStrategy(List<SegmentRule> rules) {

    public DealStrategy {
        rules = List.copyOf(rules);
    }

    /** The first rule by rank that matches wins; the findings compare the deal with it. */
    public Position position(Deal deal) {
        for (int i = 0; i < rules.size(); i++) {
            var rule = rules.get(i);
            if (rule.matches(deal)) {
                return new Position(i + 1, rule, deal.discountPercent(), deal.contractValue(), findings(rule, deal));
            }
        }
        return new Position(null, null, deal.discountPercent(), deal.contractValue(), List.of(Finding.NO_SEGMENT));
    }

    private static List<Finding> findings(SegmentRule rule, Deal deal) {
        var findings = new ArrayList<Finding>();
        if (rule.route() == Route.PUBLIC_PRICE) {
            findings.add(Finding.PUBLIC_PRICE_SEGMENT);
        }
        var discount = deal.discountPercent();
        // An offer whose prices compare to no list price has no discount to hold against the band.
        if (discount != null && discount.compareTo(rule.discountMax()) > 0) {
            findings.add(Finding.DISCOUNT_ABOVE_BAND);
        }
        if (discount != null && discount.compareTo(rule.discountMin()) < 0) {
            findings.add(Finding.DISCOUNT_BELOW_BAND);
        }
        return findings;
    }
}
