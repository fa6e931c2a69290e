package io.offerdesk.gtm;

import io.offerdesk.catalog.StandardContract;
import io.offerdesk.catalog.StandardContractManagement;
import io.offerdesk.gtm.BulkOfferUpload.Mode;
import io.offerdesk.gtm.internal.bulk.BulkFiles;
import io.offerdesk.gtm.internal.bulk.BulkOfferWorker;
import io.offerdesk.gtm.internal.bulk.BulkUploadRepository;
import io.offerdesk.gtm.internal.bulk.BulkUploadRepository.NewRow;
import io.offerdesk.gtm.internal.bulk.domain.RowTranslation;
import io.offerdesk.platform.Csv;
import io.offerdesk.platform.OfferdeskPrincipal;
import io.offerdesk.shared.Conflict;
import io.offerdesk.shared.InvalidInput;
import io.offerdesk.shared.NotFound;
import io.offerdesk.shared.PartyKind;
import io.offerdesk.shared.RandomIds;
import io.offerdesk.shared.Role;
import io.offerdesk.shared.Validations;
import java.io.StringWriter;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.random.RandomGenerator;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Many private offers from one file (ADR 0030). An author uploads a CSV or XLSX file of one offer per row; each row
 * becomes the change set the offer composer would send, and the background worker checks it with the change-set
 * engine in validation-only mode, so a row's errors are the engine's own, under the row's columns. The author reads
 * the preview, then submits the upload to create drafts or to create and release them; each valid row runs as its own
 * change set, in the background, with its progress and a result file to download.
 */
@Service
public class BulkOffers {

    /** The most rows one file may hold. */
    public static final int MAX_ROWS = 1000;

    public static final int PAGE_MAX = 500;
    public static final int FILE_NAME_MAX = 255;

    private final BulkUploadRepository uploads;
    private final BulkOfferWorker worker;
    private final StandardContractManagement contracts;
    private final Clock clock;
    private final RandomGenerator random = new SecureRandom();

    BulkOffers(
            BulkUploadRepository uploads, BulkOfferWorker worker, StandardContractManagement contracts, Clock clock) {
        this.uploads = uploads;
        this.worker = worker;
        this.contracts = contracts;
        this.clock = clock;
    }

    /**
     * Reads the file, stores its rows and starts validating them in the background.
     *
     * @throws InvalidInput naming {@code file} when it is not a CSV or XLSX file of the template's columns
     */
    @Transactional
    public BulkOfferUpload upload(OfferdeskPrincipal me, @Nullable String fileName, byte[] content) {
        mustAuthor(me);
        var name = fileName == null || fileName.isBlank() ? "offers" : fileName.strip();
        if (name.length() > FILE_NAME_MAX) {
            throw new InvalidInput("fileName", "validation.maxLength", FILE_NAME_MAX);
        }
        var file = BulkFiles.read(content, MAX_ROWS);
        var standardVersion = contracts.contracts(me).stream()
                .min(Comparator.comparing(StandardContract::createdAt))
                .map(StandardContract::currentVersion)
                .orElse("");
        var rows = new ArrayList<NewRow>();
        for (var row : file.rows()) {
            var cells = new LinkedHashMap<String, String>();
            row.cells().forEach((column, value) -> cells.put(column.header(), value));
            var translated = RowTranslation.translate(row.cells(), standardVersion);
            rows.add(new NewRow(
                    row.number(),
                    cells,
                    translated.errors().isEmpty() ? translated.changes() : null,
                    translated.errors()));
        }
        var id = RandomIds.of("bulk-", 20, random);
        uploads.insert(id, me.partyId(), name, file.format().name(), me.actor(), clock.instant(), rows);
        wakeWorkerAfterCommit();
        return upload(me, id);
    }

    @Transactional(readOnly = true)
    public BulkOfferUpload upload(OfferdeskPrincipal me, String id) {
        return uploads.find(me.partyId(), id).orElseThrow(() -> new NotFound("bulk-offer-upload", id));
    }

    /** The party's uploads, newest first. */
    @Transactional(readOnly = true)
    public List<BulkOfferUpload> uploads(OfferdeskPrincipal me, int offset, int limit) {
        Validations.checkPage(offset, limit, PAGE_MAX);
        return uploads.list(me.partyId(), offset, limit);
    }

    /** The upload's rows in file order; only those of the given statuses when some are given. */
    @Transactional(readOnly = true)
    public List<BulkOfferRow> rows(
            OfferdeskPrincipal me, String id, List<BulkOfferRow.Status> statuses, int offset, int limit) {
        Validations.checkPage(offset, limit, PAGE_MAX);
        var upload = upload(me, id);
        return uploads.rows(upload.id(), statuses, offset, limit);
    }

    /**
     * Creates the valid rows (as drafts, or released) in the background.
     *
     * @throws Conflict when the upload is still being validated or was submitted already
     */
    @Transactional
    public BulkOfferUpload submit(OfferdeskPrincipal me, String id, Mode mode) {
        mustAuthor(me);
        var upload = upload(me, id);
        if (!uploads.submit(me.partyId(), upload.id(), mode, clock.instant())) {
            throw new Conflict("bulk.notSubmittable", upload.status().name());
        }
        wakeWorkerAfterCommit();
        return upload(me, id);
    }

    /**
     * The result file (CSV): every row with its status, offer, change set and errors ({@code column: code message},
     * separated by {@code |}).
     */
    @Transactional(readOnly = true)
    public String resultCsv(OfferdeskPrincipal me, String id) {
        var upload = upload(me, id);
        var out = new StringWriter();
        var csv = new Csv(out).row(List.of("row", "status", "offer_id", "change_set_id", "errors"));
        for (int offset = 0; offset < upload.totalRows(); offset += PAGE_MAX) {
            for (var row : uploads.rows(upload.id(), List.of(), offset, PAGE_MAX)) {
                var errors = new ArrayList<>(row.errors());
                errors.addAll(row.releaseErrors());
                csv.row(java.util.Arrays.asList(
                        row.number(),
                        row.status().name(),
                        row.offerId(),
                        row.changeSetId(),
                        errors.stream().map(BulkOffers::describe).collect(Collectors.joining(" | "))));
            }
        }
        return out.toString();
    }

    /** The template to fill in: every column and one example row. */
    public static byte[] template(boolean xlsx) {
        return BulkFiles.template(xlsx ? BulkFiles.Format.XLSX : BulkFiles.Format.CSV);
    }

    /** The file's columns, in the template's order. */
    public static List<String> columns() {
        return io.offerdesk.gtm.internal.bulk.domain.BulkColumn.headers();
    }

    private static String describe(BulkOfferError error) {
        return (error.column().isEmpty() ? "" : error.column() + ": ") + error.code() + " " + error.message();
    }

    private void wakeWorkerAfterCommit() {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                worker.wake();
            }
        });
    }

    /** Authors and administrators of sellers and channel partners write offers, as the change-set engine lets them. */
    private static void mustAuthor(OfferdeskPrincipal me) {
        if (me.partyKind() != PartyKind.SELLER && me.partyKind() != PartyKind.CHANNEL_PARTNER
                || !(me.has(Role.ADMIN) || me.has(Role.OFFER_AUTHOR))) {
            throw new AccessDeniedException("only sellers' and partners' authors upload offers");
        }
    }
}
