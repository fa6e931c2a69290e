package io.offerdesk.agreements.internal.domain;

import io.offerdesk.agreements.Agreement;
import io.offerdesk.agreements.AgreementRequest;
import io.offerdesk.agreements.AgreementRequest.Intent;
import io.offerdesk.agreements.ChargeSummary;
import io.offerdesk.agreements.RefusalReason;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Whether a buyer account may take a new agreement for a product, given the agreements it already holds for it. An
 * account holds one agreement per product at a time: a new one must not overlap an active one, except the agreement
 * a replacement replaces. A future-dated agreement may follow the current one if that one will not renew itself.
 */
public final class Acceptance {

    private Acceptance() {}

    /**
     * @param held the account's active agreements for the product
     * @return the agreement the new one replaces, for a replacement; absent for a new agreement
     */
    public static @Nullable Agreement decide(AgreementRequest request, ChargeSummary quote, List<Agreement> held) {
        Agreement replaced = null;
        if (request.intent() == Intent.REPLACE) {
            replaced = held.stream()
                    .filter(a -> a.id().equals(request.sourceAgreementId()))
                    .findFirst()
                    .orElseThrow(() -> RefusalReason.INVALID_SOURCE_AGREEMENT_IDENTIFIER.at(
                            "sourceAgreementIdentifier", String.valueOf(request.sourceAgreementId())));
        }
        for (var current : held) {
            if (current == replaced) {
                continue;
            }
            if (overlaps(current.startTime(), current.endTime(), quote.startTime(), quote.endTime())) {
                throw RefusalReason.DUPLICATE_AGREEMENT_IN_ORGANIZATION.at(
                        "agreementRequestId", current.id().value());
            }
            if (current.autoRenew()) {
                // A later agreement may follow only one that will end: AWS asks the buyer to turn renewal off first.
                throw RefusalReason.INCOMPATIBLE_TERMS.at(
                        "agreementRequestId", current.id().value());
            }
        }
        return replaced;
    }

    /** Two periods overlap unless one ends before the other starts; a missing end never ends. */
    static boolean overlaps(Instant start, @Nullable Instant end, Instant otherStart, @Nullable Instant otherEnd) {
        var firstEndsBefore = end != null && !end.isAfter(otherStart);
        var secondEndsBefore = otherEnd != null && !otherEnd.isAfter(start);
        return !firstEndsBefore && !secondEndsBefore;
    }
}
