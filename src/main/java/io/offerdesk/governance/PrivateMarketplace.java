package io.offerdesk.governance;

import io.offerdesk.shared.AccountId;
import org.springframework.stereotype.Service;

/**
 * The buyer's private marketplace: which products an account may buy. Acceptance asks it before every purchase.
 *
 * <p>Experiences, audiences and policies arrive with the governance issue; until then no experience governs any
 * account, and AWS's rule for ungoverned accounts applies: every product is allowed.
 */
@Service
public class PrivateMarketplace {

    /** Whether the account may buy the product; a refusal is {@code DENIED_BY_PRIVATE_MARKETPLACE_POLICY}. */
    public boolean allows(AccountId account, String productId) {
        return true;
    }
}
