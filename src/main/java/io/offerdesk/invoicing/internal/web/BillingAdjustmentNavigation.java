package io.offerdesk.invoicing.internal.web;

import io.offerdesk.platform.NavigationItem;
import io.offerdesk.shared.PartyKind;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class BillingAdjustmentNavigation {

    /** Every user of a seller or channel partner reads its billing adjustments; administrators and finance ask. */
    @Bean
    NavigationItem billingAdjustmentsNavigation() {
        return new NavigationItem(
                "adjustments.nav",
                BillingAdjustmentPages.LIST,
                470,
                Set.of(PartyKind.SELLER, PartyKind.CHANNEL_PARTNER, PartyKind.OPERATOR),
                Set.of());
    }
}
