package io.offerdesk.offers.internal.web;

import io.offerdesk.changesets.StartChangeSet.RequestedChange;
import io.offerdesk.offers.Offer;
import io.offerdesk.offers.Term.SupportTerm;
import java.util.Map;

/** The refund policy buyers read before accepting; blank removes the support term. Saved as {@code UpdateSupportTerms}. */
public record SupportForm(String refundPolicy) {

    static SupportForm of(Offer offer) {
        return new SupportForm(
                offer.term(SupportTerm.class).map(SupportTerm::refundPolicy).orElse(""));
    }

    static SupportForm from(Map<String, String> params) {
        return new SupportForm(FormValues.text(params, "Terms[0].RefundPolicy"));
    }

    RequestedChange change(String offerId) {
        if (refundPolicy.isEmpty()) {
            return Details.change("UpdateSupportTerms", offerId, Details.terms(null));
        }
        var term = Details.term("SupportTerm");
        term.put("RefundPolicy", refundPolicy);
        return Details.change("UpdateSupportTerms", offerId, Details.terms(term));
    }
}
