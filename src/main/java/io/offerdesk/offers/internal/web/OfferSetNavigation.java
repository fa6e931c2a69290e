package io.offerdesk.offers.internal.web;

import io.offerdesk.platform.NavigationItem;
import io.offerdesk.shared.PartyKind;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class OfferSetNavigation {

    /** Sellers and channel partners bundle their private offers for the same buyers into offer sets. */
    @Bean
    NavigationItem offerSetsNavigation() {
        return new NavigationItem(
                "offerSets.nav", "/offer-sets", 35, Set.of(PartyKind.SELLER, PartyKind.CHANNEL_PARTNER), Set.of());
    }
}
