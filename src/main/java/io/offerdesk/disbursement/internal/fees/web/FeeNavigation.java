package io.offerdesk.disbursement.internal.fees.web;

import io.offerdesk.platform.NavigationItem;
import io.offerdesk.shared.PartyKind;
import io.offerdesk.shared.Role;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class FeeNavigation {

    @Bean
    NavigationItem listingFeesNavigation() {
        return new NavigationItem(
                "fees.nav.schedule",
                ListingFeePages.PATH,
                430,
                Set.of(PartyKind.OPERATOR),
                Set.of(Role.OPERATOR_ADMIN));
    }
}
