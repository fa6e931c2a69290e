package io.offerdesk.offers.internal.web;

import io.offerdesk.platform.NavigationItem;
import io.offerdesk.shared.PartyKind;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class BuyerNavigation {

    /** Every role of a buyer reads the offers sent to its accounts. */
    @Bean
    NavigationItem buyerOffersNavigation() {
        return new NavigationItem("buyer.nav.offers", "/buyer/offers", 20, Set.of(PartyKind.BUYER), Set.of());
    }
}
