package io.offerdesk.agreements.internal.web.requests;

import io.offerdesk.agreements.Agreement;
import io.offerdesk.agreements.CancellationRequest;
import io.offerdesk.agreements.CancellationRequests;
import io.offerdesk.agreements.PartyType;
import io.offerdesk.agreements.PaymentRequest;
import io.offerdesk.agreements.PaymentRequests;
import io.offerdesk.agreements.PaymentRequests.Allowance;
import io.offerdesk.agreements.internal.domain.Cancellation;
import io.offerdesk.platform.OfferdeskPrincipal;
import io.offerdesk.shared.PartyKind;
import io.offerdesk.shared.Role;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * What the cancellation and payment-request fragments of an agreement page show. The agreement pages call
 * {@link #addTo} and include {@code agreements/cancellation :: cancellation(${requestsView})} and
 * {@code agreements/payment-requests :: paymentRequests(${requestsView})}.
 */
@Component
public class RequestViews {

    /**
     * One agreement's requests as the signed-in user sees them.
     *
     * @param seller whether the user acts for the proposer (sends and withdraws) rather than the acceptor
     * @param buyerMayAct whether the user is the acceptor's procurement user (cancels, approves, rejects)
     * @param buyerMayCancel whether the agreement commits nobody, so the buyer may cancel it alone
     * @param allowance the variable payment term's maximum and what remains; absent without one
     */
    public record View(
            Agreement agreement,
            boolean seller,
            boolean buyerMayAct,
            boolean buyerMayCancel,
            List<CancellationRequest> cancellationRequests,
            List<PaymentRequest> paymentRequests,
            @Nullable Allowance allowance,
            List<CancellationRequest.ReasonCode> reasonCodes) {}

    private final CancellationRequests cancellations;
    private final PaymentRequests payments;

    RequestViews(CancellationRequests cancellations, PaymentRequests payments) {
        this.cancellations = cancellations;
        this.payments = payments;
    }

    /** Adds {@code requestsView} for the agreement the page shows (already read for the user). */
    public void addTo(Model model, OfferdeskPrincipal me, Agreement agreement) {
        model.addAttribute("requestsView", view(me, agreement));
    }

    View view(OfferdeskPrincipal me, Agreement agreement) {
        var seller = me.partyId().equals(agreement.proposerPartyId());
        var buyer = me.partyKind() == PartyKind.BUYER && me.partyId().equals(agreement.acceptorPartyId());
        var id = agreement.id().value();
        List<CancellationRequest> cancellationRequests = List.of();
        List<PaymentRequest> paymentRequests = List.of();
        if (seller || buyer) {
            var side = seller ? PartyType.PROPOSER : PartyType.ACCEPTOR;
            cancellationRequests = cancellations
                    .list(me, new CancellationRequests.Filter(side, id, null), 0, CancellationRequests.PAGE_MAX)
                    .requests();
            paymentRequests = payments.list(me, new PaymentRequests.Filter(side, id, null), 0, PaymentRequests.PAGE_MAX)
                    .requests();
        }
        return new View(
                agreement,
                seller,
                buyer && me.has(Role.PROCUREMENT),
                Cancellation.commitment(agreement).isEmpty(),
                cancellationRequests,
                paymentRequests,
                payments.allowance(me, id).orElse(null),
                List.of(CancellationRequest.ReasonCode.values()));
    }
}
