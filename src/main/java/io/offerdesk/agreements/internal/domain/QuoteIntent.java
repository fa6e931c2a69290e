package io.offerdesk.agreements.internal.domain;

import io.offerdesk.agreements.AgreementRequest.Intent;
import io.offerdesk.agreements.RefusalReason;
import io.offerdesk.offers.Offer;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What a quote means to do with the offer: a replacement offer replaces the agreement it was made for, every other
 * offer makes a new agreement. The buyer may leave both out; what they give must fit the offer.
 *
 * @param sourceAgreementId the agreement a {@code REPLACE} replaces, as written; absent for {@code NEW}
 */
public record QuoteIntent(Intent intent, @Nullable String sourceAgreementId) {

    /**
     * @throws io.offerdesk.shared.InvalidInput {@code INVALID_INTENT} for an intent that does not fit the offer,
     *     {@code INVALID_SOURCE_AGREEMENT_IDENTIFIER} for a source with {@code NEW} or another agreement than the one
     *     the offer replaces
     */
    public static QuoteIntent of(Offer offer, @Nullable Intent requested, @Nullable String sourceAgreementId) {
        var replaces = offer.replacesAgreementId();
        var intent = requested != null ? requested : replaces != null ? Intent.REPLACE : Intent.NEW;
        if ((intent == Intent.REPLACE) != (replaces != null)) {
            throw RefusalReason.INVALID_INTENT.at("intent", intent, offer.id().value());
        }
        if (replaces == null) {
            if (sourceAgreementId != null) {
                throw RefusalReason.INVALID_SOURCE_AGREEMENT_IDENTIFIER.at("sourceAgreementId", sourceAgreementId);
            }
            return new QuoteIntent(intent, null);
        }
        if (sourceAgreementId != null && !Objects.equals(sourceAgreementId, replaces)) {
            throw RefusalReason.INVALID_SOURCE_AGREEMENT_IDENTIFIER.at("sourceAgreementId", sourceAgreementId);
        }
        return new QuoteIntent(intent, replaces);
    }
}
