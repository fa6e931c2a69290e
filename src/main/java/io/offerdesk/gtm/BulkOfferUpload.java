package io.offerdesk.gtm;

import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A file of offers a seller (or channel partner) uploaded, and how far its background work has come.
 *
 * @param id {@code bulk-} and 20 lowercase letters or digits
 * @param format {@code CSV} or {@code XLSX}
 * @param mode what the author chose on submitting; absent before
 * @param totalRows the file's non-blank data rows
 * @param rowsByStatus how many rows are in each status (every status present, zero or not)
 * @param processed rows whose work in the current phase is done (validated, or created/failed once submitted)
 */
public record BulkOfferUpload(
        String id,
        String fileName,
        String format,
        Status status,
        @Nullable Mode mode,
        int totalRows,
        Map<BulkOfferRow.Status, Integer> rowsByStatus,
        int processed,
        Instant createdAt,
        @Nullable Instant submittedAt,
        @Nullable Instant finishedAt) {

    public BulkOfferUpload {
        rowsByStatus = Map.copyOf(rowsByStatus);
    }

    /**
     * {@code VALIDATING} while each row's change set is checked in validation-only mode; {@code VALIDATED} when the
     * preview is ready to submit; {@code RUNNING} while the rows are created; {@code COMPLETED} when the result file is
     * final.
     */
    public enum Status {
        VALIDATING,
        VALIDATED,
        RUNNING,
        COMPLETED
    }

    /** Create drafts, or create and release each offer in the same change set. */
    public enum Mode {
        DRAFT,
        RELEASE
    }

    public int count(BulkOfferRow.Status status) {
        return rowsByStatus.getOrDefault(status, 0);
    }

    /** Rows that pass validation as drafts. */
    public int validRows() {
        return count(BulkOfferRow.Status.VALID);
    }

    public int invalidRows() {
        return count(BulkOfferRow.Status.INVALID);
    }

    /** Whole percent of {@link #processed} rows, for the progress bar. */
    public int percent() {
        return totalRows == 0 ? 100 : processed * 100 / totalRows;
    }

    public boolean working() {
        return status == Status.VALIDATING || status == Status.RUNNING;
    }
}
