package io.offerdesk.gtm.internal.bulk.rest;

import io.offerdesk.gtm.BulkOfferError;
import io.offerdesk.gtm.BulkOfferRow;
import io.offerdesk.gtm.BulkOfferUpload;
import io.offerdesk.gtm.BulkOffers;
import io.offerdesk.platform.OfferdeskPrincipal;
import io.offerdesk.shared.InvalidInput;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Bulk offer uploads: post a CSV or XLSX file of one private offer per row (see the template), poll the upload while
 * its rows are validated, read the preview, submit it to create drafts or to create and release them, poll the
 * progress, and download the result file.
 */
@RestController
@RequestMapping("/api/v1/bulk-offer-uploads")
@Tag(name = "Bulk offers", description = "Many private offers from one CSV or XLSX file, each row its own change set")
class BulkOfferUploadsApi {

    static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    record UploadJson(
            String id,
            String fileName,
            String format,
            String status,
            @Nullable String mode,
            int totalRows,
            int processedRows,
            int percent,
            Map<BulkOfferRow.Status, Integer> rows,
            Instant createdAt,
            @Nullable Instant submittedAt,
            @Nullable Instant finishedAt) {

        static UploadJson of(BulkOfferUpload upload) {
            return new UploadJson(
                    upload.id(),
                    upload.fileName(),
                    upload.format(),
                    upload.status().name(),
                    upload.mode() == null ? null : upload.mode().name(),
                    upload.totalRows(),
                    upload.processed(),
                    upload.percent(),
                    upload.rowsByStatus(),
                    upload.createdAt(),
                    upload.submittedAt(),
                    upload.finishedAt());
        }
    }

    record RowJson(
            int row,
            String status,
            Map<String, String> cells,
            List<BulkOfferError> errors,
            List<BulkOfferError> releaseErrors,
            @Nullable String offerId,
            @Nullable String changeSetId) {

        static RowJson of(BulkOfferRow row) {
            return new RowJson(
                    row.number(),
                    row.status().name(),
                    row.cells(),
                    row.errors(),
                    row.releaseErrors(),
                    row.offerId(),
                    row.changeSetId());
        }
    }

    record SubmitRequest(@Nullable String mode) {}

    private final BulkOffers bulk;

    BulkOfferUploadsApi(BulkOffers bulk) {
        this.bulk = bulk;
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(
            summary = "Upload a CSV or XLSX file as multipart form field 'file'; its rows are validated in the"
                    + " background (202)")
    ResponseEntity<UploadJson> upload(OfferdeskPrincipal me, @RequestParam("file") MultipartFile file) {
        try {
            var upload = bulk.upload(me, file.getOriginalFilename(), file.getBytes());
            return ResponseEntity.accepted()
                    .location(URI.create("/api/v1/bulk-offer-uploads/" + upload.id()))
                    .body(UploadJson.of(upload));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @GetMapping
    @Operation(summary = "Your uploads, newest first")
    List<UploadJson> list(
            OfferdeskPrincipal me,
            @RequestParam(defaultValue = "0") int offset,
            @RequestParam(defaultValue = "20") int limit) {
        return bulk.uploads(me, offset, limit).stream().map(UploadJson::of).toList();
    }

    @GetMapping("/{uploadId}")
    @Operation(summary = "An upload: its status, progress and row counts")
    UploadJson one(OfferdeskPrincipal me, @PathVariable String uploadId) {
        return UploadJson.of(bulk.upload(me, uploadId));
    }

    @GetMapping("/{uploadId}/rows")
    @Operation(summary = "The preview (or result) rows in file order, optionally only some statuses (status=INVALID)")
    List<RowJson> rows(
            OfferdeskPrincipal me,
            @PathVariable String uploadId,
            @RequestParam(required = false) @Nullable List<String> status,
            @RequestParam(defaultValue = "0") int offset,
            @RequestParam(defaultValue = "100") int limit) {
        var statuses = status == null
                ? List.<BulkOfferRow.Status>of()
                : status.stream().map(BulkOfferUploadsApi::rowStatus).toList();
        return bulk.rows(me, uploadId, statuses, offset, limit).stream()
                .map(RowJson::of)
                .toList();
    }

    @PostMapping("/{uploadId}/submit")
    @Operation(summary = "Create the valid rows as drafts (mode DRAFT) or create and release them (RELEASE)")
    ResponseEntity<UploadJson> submit(
            OfferdeskPrincipal me, @PathVariable String uploadId, @RequestBody SubmitRequest request) {
        var mode = request.mode();
        var parsed = Arrays.stream(BulkOfferUpload.Mode.values())
                .filter(m -> m.name().equals(mode))
                .findFirst()
                .orElseThrow(() -> new InvalidInput("mode", "validation.enum", "DRAFT, RELEASE"));
        return ResponseEntity.accepted().body(UploadJson.of(bulk.submit(me, uploadId, parsed)));
    }

    @GetMapping(value = "/{uploadId}/result.csv", produces = "text/csv")
    @Operation(summary = "The result file: row, status, offer id, change set id, errors")
    ResponseEntity<byte[]> result(OfferdeskPrincipal me, @PathVariable String uploadId) {
        return download(
                bulk.resultCsv(me, uploadId).getBytes(StandardCharsets.UTF_8),
                MediaType.parseMediaType("text/csv;charset=UTF-8"),
                uploadId + "-result.csv");
    }

    @GetMapping("/template.csv")
    @Operation(summary = "The template file (CSV): every column and an example row")
    ResponseEntity<byte[]> templateCsv() {
        return download(
                BulkOffers.template(false), MediaType.parseMediaType("text/csv;charset=UTF-8"), "bulk-offers.csv");
    }

    @GetMapping("/template.xlsx")
    @Operation(summary = "The template file (XLSX): every column and an example row")
    ResponseEntity<byte[]> templateXlsx() {
        return download(BulkOffers.template(true), XLSX, "bulk-offers.xlsx");
    }

    static ResponseEntity<byte[]> download(byte[] content, MediaType type, String fileName) {
        return ResponseEntity.ok()
                .contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + fileName + "\"")
                .body(content);
    }

    private static BulkOfferRow.Status rowStatus(String status) {
        return Arrays.stream(BulkOfferRow.Status.values())
                .filter(s -> s.name().equals(status))
                .findFirst()
                .orElseThrow(() ->
                        new InvalidInput("status", "validation.enum", Arrays.toString(BulkOfferRow.Status.values())));
    }
}
