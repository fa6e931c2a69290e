package io.offerdesk.gtm;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One row of a bulk upload: one private offer.
 *
 * @param number the row's number in the file as a spreadsheet shows it (the header is row 1)
 * @param cells the row's non-blank values by column name
 * @param errors why the row cannot become a draft (or why creating it failed)
 * @param releaseErrors why the draft could not be released; such a row is still valid for drafts
 * @param offerId the offer created, once it is
 * @param changeSetId the change set that created it (or tried to)
 */
public record BulkOfferRow(
        int number,
        Map<String, String> cells,
        Status status,
        List<BulkOfferError> errors,
        List<BulkOfferError> releaseErrors,
        @Nullable String offerId,
        @Nullable String changeSetId) {

    public BulkOfferRow {
        cells = Map.copyOf(cells);
        errors = List.copyOf(errors);
        releaseErrors = List.copyOf(releaseErrors);
    }

    /**
     * Before submitting: {@code PENDING} (not checked yet), {@code VALID}, {@code INVALID}. After: {@code QUEUED} (to be
     * created), {@code CREATED} (a draft), {@code RELEASED}, {@code FAILED} (its change set failed), {@code SKIPPED}
     * (valid for a draft but not releasable, when the upload was submitted to release). Invalid rows stay invalid.
     */
    public enum Status {
        PENDING,
        VALID,
        INVALID,
        QUEUED,
        CREATED,
        RELEASED,
        FAILED,
        SKIPPED
    }

    public boolean releasable() {
        return status == Status.VALID && releaseErrors.isEmpty();
    }
}
