package io.offerdesk.offers;

/**
 * How an offer charges, as {@code UpdatePricingTerms.PricingModel} names it. A contract is bought up front (possibly
 * with usage on top), usage is paid as metered, a free offer costs nothing, and BYOL brings a license bought
 * elsewhere.
 */
public enum OfferPricingModel {
    USAGE("Usage"),
    CONTRACT("Contract"),
    FREE("Free"),
    BYOL("Byol");

    private final String wireName;

    OfferPricingModel(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }
}
