package io.offerdesk.agreements.internal;

import io.offerdesk.agreements.Agreement;
import io.offerdesk.parties.UserManagement;
import io.offerdesk.platform.OfferdeskPrincipal;
import io.offerdesk.shared.AccountId;
import io.offerdesk.shared.Role;
import java.util.List;
import java.util.UUID;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Who acts for which side of an agreement after acceptance. Whoever may read the agreement but not act on it (the
 * other side, the operator, a user without the role) is refused with 403; everyone else never learns it exists (404,
 * decided by the caller's read).
 */
@Component
public class AgreementSides {

    private final UserManagement users;

    AgreementSides(UserManagement users) {
        this.users = users;
    }

    /** The proposer's people who run its agreements: administrators, offer authors and finance. */
    public void checkSeller(OfferdeskPrincipal me, Agreement agreement) {
        if (!me.partyId().equals(agreement.proposerPartyId())) {
            throw new AccessDeniedException("only the seller that proposed the agreement may do this");
        }
        if (!(me.has(Role.ADMIN) || me.has(Role.OFFER_AUTHOR) || me.has(Role.FINANCE))) {
            throw new AccessDeniedException("only seller administrators, offer authors and finance users may do this");
        }
    }

    /** The acceptor's procurement users who act for the accepting account. */
    public void checkBuyer(OfferdeskPrincipal me, Agreement agreement) {
        if (!isAcceptor(me, agreement.acceptorPartyId(), agreement.acceptorAccountId())) {
            throw new AccessDeniedException("only the buyer that accepted the agreement may do this");
        }
        if (!me.has(Role.PROCUREMENT)) {
            throw new AccessDeniedException("only procurement users may do this");
        }
    }

    /** Whether the user may read something between these parties: either side, or the operator. */
    public boolean sees(OfferdeskPrincipal me, UUID proposer, UUID acceptor, AccountId account) {
        return me.isOperator() || me.partyId().equals(proposer) || isAcceptor(me, acceptor, account);
    }

    private boolean isAcceptor(OfferdeskPrincipal me, UUID acceptor, AccountId account) {
        return me.partyId().equals(acceptor) && users.accountsOf(me).contains(account);
    }

    public List<AccountId> accountsOf(OfferdeskPrincipal me) {
        return users.accountsOf(me);
    }
}
