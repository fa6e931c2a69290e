package io.offerdesk.gtm.internal.bulk.web;

import io.offerdesk.platform.NavigationItem;
import io.offerdesk.shared.PartyKind;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class BulkOfferNavigation {

    /** Sellers and channel partners make many offers at once from a file. */
    @Bean
    NavigationItem bulkOffersNavigation() {
        return new NavigationItem(
                "nav.bulkOffers", "/bulk-offers", 970, Set.of(PartyKind.SELLER, PartyKind.CHANNEL_PARTNER), Set.of());
    }
}
