package io.offerdesk.agreements;

import io.offerdesk.offers.Term.PriceIncrease;
import java.math.BigDecimal;
import java.time.Instant;
import org.joda.money.Money;
import org.jspecify.annotations.Nullable;

/**
 * Where an agreement stands on the clock, for both sides: whether it has started, and what happens at its end, with
 * the renewal's date and price when it renews.
 *
 * @param started the agreement is in force: it started on acceptance, or its future start was announced
 * @param startAnnouncedAt when a future-dated agreement's start was announced
 * @param hasRenewalTerm the offer had a renewal term; without one nothing below the behaviour applies
 * @param optedOutBy the side that switched automatic renewal off; final once set
 * @param renewalTime when the renewed agreement starts, for an agreement that renews
 * @param priceIncrease the increase in percent the renewal applies, as it stands now
 * @param offeredIncrease the renewal term's increase: a fixed percentage, or the range the seller may choose in
 * @param renewalValue the renewed agreement's value after the increase
 * @param renewalsLeft how many more times the chain may renew after this agreement; absent when unlimited
 * @param lockoutStartsAt from when renewal can no longer be turned off or repriced
 * @param adjustmentDeadline until when the seller may choose the increase within the range
 * @param noticeSentAt when both sides were told the renewal is coming
 * @param renewedAs the agreement this one renewed into, once it has
 * @param optOutOpen whether a side may still switch renewal off now
 * @param adjustmentOpen whether the seller may still choose the increase now
 */
public record RenewalInfo(
        AgreementId agreementId,
        boolean started,
        @Nullable Instant startAnnouncedAt,
        EndTimeBehavior endTimeBehavior,
        boolean hasRenewalTerm,
        @Nullable PartyType optedOutBy,
        @Nullable Instant renewalTime,
        @Nullable BigDecimal priceIncrease,
        @Nullable PriceIncrease offeredIncrease,
        @Nullable Money renewalValue,
        @Nullable Integer renewalsLeft,
        @Nullable Instant lockoutStartsAt,
        @Nullable Instant adjustmentDeadline,
        @Nullable Instant noticeSentAt,
        @Nullable AgreementId renewedAs,
        boolean optOutOpen,
        boolean adjustmentOpen) {

    public boolean renews() {
        return endTimeBehavior.type() == EndTimeBehavior.Type.RENEW;
    }

    /** The range the seller may choose the increase in, when the renewal term gives one. */
    public PriceIncrease.@Nullable PercentageRange range() {
        return offeredIncrease instanceof PriceIncrease.PercentageRange range ? range : null;
    }
}
