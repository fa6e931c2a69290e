package io.offerdesk.agreements.internal.web;

import io.offerdesk.platform.NavigationItem;
import io.offerdesk.shared.PartyKind;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class AgreementNavigation {

    /** Every role of a buyer reads the agreements of its accounts. */
    @Bean
    NavigationItem buyerAgreementsNavigation() {
        return new NavigationItem("agreementPages.nav", "/buyer/agreements", 25, Set.of(PartyKind.BUYER), Set.of());
    }

    /** Sellers (and channel partners, as proposers) follow the agreements made from their offers. */
    @Bean
    NavigationItem agreementsNavigation() {
        return new NavigationItem(
                "agreementPages.nav", "/agreements", 35, Set.of(PartyKind.SELLER, PartyKind.CHANNEL_PARTNER), Set.of());
    }
}
