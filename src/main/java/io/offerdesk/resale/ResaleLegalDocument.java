package io.offerdesk.resale;

import org.jspecify.annotations.Nullable;

/**
 * One document of an authorization's legal terms: the EULA passed on to the buyer ({@code BuyerLegalTerm}) or the
 * reseller contract between ISV and partner ({@code ResaleLegalTerm}).
 *
 * @param url where the document is; every type but the standard EULA has one
 * @param version the standard contract version a {@link Type#STANDARD_EULA} names, as an offer's standard EULA does
 */
public record ResaleLegalDocument(
        Type type, @Nullable String url, @Nullable String version) {

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
