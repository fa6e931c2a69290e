package io.offerdesk.agreements.internal.web;

import io.offerdesk.agreements.AgreementFilter;
import io.offerdesk.agreements.PartyType;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * The filters of an agreement list as a form sends them: SearchAgreements' filters with days (UTC) for its time
 * ranges. A "to" day includes the whole day. Blank fields filter nothing.
 */
record AgreementSearchForm(
        @Nullable String productId,
        @Nullable String offerId,
        @Nullable String status,
        @Nullable String acceptorAccountId,

        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable
        LocalDate startFrom,

        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable
        LocalDate startTo,

        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable
        LocalDate endFrom,

        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable
        LocalDate endTo,

        AgreementFilter.@Nullable Sort sort,
        @Nullable Boolean ascending) {

    /** AWS's AgreementStatus values, in the order of an agreement's life. */
    static final List<String> STATUSES = List.of("ACTIVE", "RENEWED", "REPLACED", "EXPIRED", "CANCELLED", "TERMINATED");

    AgreementSearchForm {
        productId = blankToNull(productId);
        offerId = blankToNull(offerId);
        status = blankToNull(status);
        acceptorAccountId = blankToNull(acceptorAccountId);
    }

    /** The agreements made from one offer. */
    static AgreementSearchForm ofOffer(String offerId) {
        return new AgreementSearchForm(null, offerId, null, null, null, null, null, null, null, null);
    }

    /** Newest first unless the reader sorts otherwise: the agreement just accepted is at the top. */
    public AgreementFilter.Sort sortBy() {
        return sort == null ? AgreementFilter.Sort.START_TIME : sort;
    }

    public boolean isAscending() {
        return ascending != null && ascending;
    }

    AgreementFilter toFilter(PartyType side) {
        return new AgreementFilter(
                side,
                productId,
                null,
                offerId,
                status,
                side == PartyType.PROPOSER ? acceptorAccountId : null,
                null,
                justBefore(startFrom),
                startOf(startTo == null ? null : startTo.plusDays(1)),
                justBefore(endFrom),
                startOf(endTo == null ? null : endTo.plusDays(1)),
                sortBy(),
                isAscending());
    }

    /** SearchAgreements' "after" is exclusive; the database keeps microseconds, so this includes the day's start. */
    private static @Nullable Instant justBefore(@Nullable LocalDate day) {
        var start = startOf(day);
        return start == null ? null : start.minus(1, ChronoUnit.MICROS);
    }

    private static @Nullable Instant startOf(@Nullable LocalDate day) {
        return day == null ? null : day.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
