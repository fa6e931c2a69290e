package io.offerdesk.offers;

/**
 * Marks an offer as the renewal of an agreement the buyer already has, bought on the marketplace or elsewhere; a
 * renewal pays a lower listing fee.
 */
public record PreExistingAgreement(AcquisitionChannel acquisitionChannel, OfferPricingModel pricingModel) {

    /** Where the earlier agreement was made. */
    public enum AcquisitionChannel {
        AWS_MARKETPLACE("AwsMarketplace"),
        EXTERNAL("External");

        private final String wireName;

        AcquisitionChannel(String wireName) {
            this.wireName = wireName;
        }

        public String wireName() {
            return wireName;
        }
    }
}
