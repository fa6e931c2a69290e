package io.offerdesk.offers.internal.web;

import io.offerdesk.platform.NavigationItem;
import io.offerdesk.shared.PartyKind;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class OfferNavigation {

    /** Sellers send offers for their products; channel partners will resell them through their own offers. */
    @Bean
    NavigationItem offersNavigation() {
        return new NavigationItem(
                "nav.offers", "/offers", 30, Set.of(PartyKind.SELLER, PartyKind.CHANNEL_PARTNER), Set.of());
    }
}
