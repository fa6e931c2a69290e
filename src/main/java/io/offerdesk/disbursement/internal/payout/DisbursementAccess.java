package io.offerdesk.disbursement.internal.payout;

import io.offerdesk.platform.OfferdeskPrincipal;
import io.offerdesk.shared.NotFound;
import io.offerdesk.shared.PartyKind;
import io.offerdesk.shared.Role;
import org.springframework.security.access.AccessDeniedException;

/**
 * Who sees and changes which disbursements: a seller's or channel partner's administrators and finance users their
 * party's (another party's do not exist for them); the operator every one, and only the operator reports a transfer
 * failed or retries it.
 */
final class DisbursementAccess {

    private DisbursementAccess() {}

    static boolean isPayeeUser(OfferdeskPrincipal me) {
        return (me.partyKind() == PartyKind.SELLER || me.partyKind() == PartyKind.CHANNEL_PARTNER)
                && (me.has(Role.ADMIN) || me.has(Role.FINANCE));
    }

    static void requirePayeeUser(OfferdeskPrincipal me) {
        if (!isPayeeUser(me)) {
            throw new AccessDeniedException("only a payee's administrators and finance users manage its disbursements");
        }
    }

    static void requireReader(OfferdeskPrincipal me) {
        if (!me.isOperator() && !isPayeeUser(me)) {
            throw new AccessDeniedException("only payees and the operator read disbursements");
        }
    }

    static void requireOperator(OfferdeskPrincipal me) {
        if (!me.isOperator()) {
            throw new AccessDeniedException("only the operator reports failed transfers and retries them");
        }
    }

    /** The disbursement if {@code me} may read it; for anyone else it does not exist. */
    static Disbursement readable(OfferdeskPrincipal me, Disbursement disbursement) {
        if (me.isOperator()
                || (isPayeeUser(me) && disbursement.payee().ownerPartyId().equals(me.partyId()))) {
            return disbursement;
        }
        throw new NotFound("disbursement", disbursement.id());
    }
}
