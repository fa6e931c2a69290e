package io.offerdesk.agreements;

import io.offerdesk.catalog.ProductType;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The filters of AWS's {@code SearchAgreements}: every one optional, all of them together (AND).
 *
 * @param partyType the side the caller looks from; the seller sees what it proposed, the buyer what it accepted
 * @param status an {@code AgreementStatus} wire name, e.g. ACTIVE
 */
public record AgreementFilter(
        PartyType partyType,
        @Nullable String productId,
        @Nullable ProductType productType,
        @Nullable String offerId,
        @Nullable String status,
        @Nullable String acceptorAccountId,
        @Nullable String initialAgreementId,
        @Nullable Instant afterStartTime,
        @Nullable Instant beforeStartTime,
        @Nullable Instant afterEndTime,
        @Nullable Instant beforeEndTime,
        Sort sortBy,
        boolean ascending) {

    /** AWS sorts by end time unless told otherwise. */
    public enum Sort {
        END_TIME,
        START_TIME,
        LAST_UPDATE_TIME
    }

    public static AgreementFilter of(PartyType partyType) {
        return new AgreementFilter(
                partyType, null, null, null, null, null, null, null, null, null, null, Sort.END_TIME, true);
    }

    /**
     * The side's active agreements ending after {@code after} and before {@code before} (no later bound when absent),
     * soonest first.
     */
    public static AgreementFilter activeEnding(PartyType partyType, Instant after, @Nullable Instant before) {
        return new AgreementFilter(
                partyType,
                null,
                null,
                null,
                AgreementStatus.ACTIVE.wireName(),
                null,
                null,
                null,
                null,
                after,
                before,
                Sort.END_TIME,
                true);
    }
}
