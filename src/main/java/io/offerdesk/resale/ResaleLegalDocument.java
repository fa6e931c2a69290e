package io.offerdesk.resale;

/**
 * One document of an authorization's legal terms: the EULA passed on to the buyer ({@code BuyerLegalTerm}) or the
 * reseller contract between ISV and partner ({@code ResaleLegalTerm}).
 */
public record ResaleLegalDocument(Type type, String url) {

    public enum Type {
        STANDARD_EULA("StandardEula", true),
        ENTERPRISE_EULA("EnterpriseEula", true),
        CUSTOM_EULA("CustomEula", true),
        STANDARD_RESELLER_CONTRACT("StandardResellerContract", false),
        CUSTOM_RESELLER_CONTRACT("CustomResellerContract", false);

        private final String wireName;
        private final boolean forBuyer;

        Type(String wireName, boolean forBuyer) {
            this.wireName = wireName;
            this.forBuyer = forBuyer;
        }

        public String wireName() {
            return wireName;
        }

        /** Whether the document is a buyer EULA; the others are reseller contracts. */
        public boolean forBuyer() {
            return forBuyer;
        }
    }
}
