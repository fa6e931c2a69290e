package io.offerdesk.gtm.internal.approvals;

import io.offerdesk.gtm.ApprovalRequest;
import io.offerdesk.offers.Offer;
import io.offerdesk.offers.ReleaseApprovals;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Refuses to release a draft until every approval its owner's policy asks of it is in, for exactly the revision being
 * released. A draft no rule matches is released as before.
 */
@Component
class ApprovalGate implements ReleaseApprovals {

    private final RequiredApprovals required;
    private final ApprovalRepository approvals;

    ApprovalGate(RequiredApprovals required, ApprovalRepository approvals) {
        this.required = required;
        this.approvals = approvals;
    }

    @Override
    public Optional<String> refusal(Offer offer, boolean changedInChangeSet) {
        var needed = required.of(offer);
        if (needed.isEmpty()) {
            return Optional.empty();
        }
        var latest = approvals
                .latestRequest(offer.sellerPartyId(), offer.id().value())
                .filter(r -> r.offerRevision() == offer.revision() && !changedInChangeSet);
        if (latest.isPresent() && latest.get().status() == ApprovalRequest.Status.APPROVED) {
            return Optional.empty();
        }
        if (latest.isPresent() && latest.get().status() == ApprovalRequest.Status.PENDING) {
            var missing = latest.get().missing();
            return Optional.of(missing.size() + " approval(s) missing: "
                    + missing.stream()
                            .map(a -> a.approver() + " (step " + a.step() + ")")
                            .collect(Collectors.joining(", "))
                    + ".");
        }
        var hint = latest.isPresent() && latest.get().status() == ApprovalRequest.Status.REJECTED
                ? " The last request was rejected; change the offer and request approval again."
                : changedInChangeSet
                        ? " This change set changes the offer before releasing it; release it in a change set of its"
                                + " own after requesting approval."
                        : " Request approval of revision " + offer.revision() + " first.";
        return Optional.of(needed.size() + " approval(s) missing: "
                + needed.stream().map(RequiredApprovals::label).collect(Collectors.joining(", "))
                + "." + hint);
    }
}
