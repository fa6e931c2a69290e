package io.offerdesk.gtm.internal.approvals;

import io.offerdesk.platform.NavigationItem;
import io.offerdesk.shared.PartyKind;
import io.offerdesk.shared.Role;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ApprovalNavigation {

    /** Every user of a seller or channel partner sees the approvals waiting for them. */
    @Bean
    NavigationItem approvalsNavigation() {
        return new NavigationItem(
                "approvals.nav.queue",
                "/approvals",
                960,
                Set.of(PartyKind.SELLER, PartyKind.CHANNEL_PARTNER),
                Set.of());
    }

    /** Administrators edit the approval policy; other users may open the page to read it, but it is not in their menu. */
    @Bean
    NavigationItem approvalPolicyNavigation() {
        return new NavigationItem(
                "approvals.nav.policy",
                "/approval-policy",
                961,
                Set.of(PartyKind.SELLER, PartyKind.CHANNEL_PARTNER),
                Set.of(Role.ADMIN));
    }
}
