package io.offerdesk.gtm.internal.bulk.web;

import io.offerdesk.gtm.BulkOfferRow;
import io.offerdesk.gtm.BulkOfferUpload;
import io.offerdesk.gtm.BulkOffers;
import io.offerdesk.platform.FormSubmission;
import io.offerdesk.platform.OfferdeskPrincipal;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Bulk offers in the browser: the uploads with the upload form and the template, and one upload with its progress
 * (polled by htmx while rows are validated or created), its preview of valid and invalid rows, the submit buttons and
 * the result file.
 */
@Controller
class BulkOfferPages {

    private static final int ROWS_SHOWN = BulkOffers.PAGE_MAX;

    private final BulkOffers bulk;

    BulkOfferPages(BulkOffers bulk) {
        this.bulk = bulk;
    }

    @GetMapping("/bulk-offers")
    String list(OfferdeskPrincipal me, Model model) {
        model.addAttribute("uploads", bulk.uploads(me, 0, 50));
        model.addAttribute("columns", BulkOffers.columns());
        return "gtm/bulk-offers";
    }

    @PostMapping("/bulk-offers")
    String upload(OfferdeskPrincipal me, @RequestParam("file") MultipartFile file, RedirectAttributes redirect) {
        return FormSubmission.attempt(redirect, "redirect:/bulk-offers", () -> {
            try {
                var upload = bulk.upload(me, file.getOriginalFilename(), file.getBytes());
                return "redirect:/bulk-offers/" + upload.id();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    @GetMapping("/bulk-offers/{uploadId}")
    String upload(
            OfferdeskPrincipal me,
            @PathVariable String uploadId,
            @RequestParam(required = false) @Nullable String show,
            Model model) {
        var upload = bulk.upload(me, uploadId);
        var statuses = Arrays.stream(BulkOfferRow.Status.values())
                .filter(s -> s.name().equals(show))
                .toList();
        model.addAttribute("upload", upload);
        model.addAttribute("show", statuses.isEmpty() ? null : statuses.getFirst());
        model.addAttribute("rows", upload.working() ? List.of() : bulk.rows(me, uploadId, statuses, 0, ROWS_SHOWN));
        model.addAttribute("rowsShown", ROWS_SHOWN);
        return "gtm/bulk-offer";
    }

    /** The progress bar; once the work is done the page reloads to show the preview or the result. */
    @GetMapping("/bulk-offers/{uploadId}/progress")
    String progress(OfferdeskPrincipal me, @PathVariable String uploadId, Model model, HttpServletResponse response) {
        var upload = bulk.upload(me, uploadId);
        if (!upload.working()) {
            response.setHeader("HX-Refresh", "true");
        }
        model.addAttribute("upload", upload);
        return "gtm/bulk-offer :: progress";
    }

    @PostMapping("/bulk-offers/{uploadId}/submit")
    String submit(
            OfferdeskPrincipal me,
            @PathVariable String uploadId,
            @RequestParam String mode,
            RedirectAttributes redirect) {
        var page = "redirect:/bulk-offers/" + uploadId;
        return FormSubmission.attempt(redirect, page, () -> {
            var chosen = "RELEASE".equals(mode) ? BulkOfferUpload.Mode.RELEASE : BulkOfferUpload.Mode.DRAFT;
            bulk.submit(me, uploadId, chosen);
            return page;
        });
    }

    @GetMapping("/bulk-offers/{uploadId}/result.csv")
    ResponseEntity<byte[]> result(OfferdeskPrincipal me, @PathVariable String uploadId) {
        return download(
                bulk.resultCsv(me, uploadId).getBytes(StandardCharsets.UTF_8),
                MediaType.parseMediaType("text/csv;charset=UTF-8"),
                uploadId + "-result.csv");
    }

    @GetMapping("/bulk-offers/template.csv")
    ResponseEntity<byte[]> templateCsv() {
        return download(
                BulkOffers.template(false), MediaType.parseMediaType("text/csv;charset=UTF-8"), "bulk-offers.csv");
    }

    @GetMapping("/bulk-offers/template.xlsx")
    ResponseEntity<byte[]> templateXlsx() {
        return download(
                BulkOffers.template(true),
                MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
                "bulk-offers.xlsx");
    }

    private static ResponseEntity<byte[]> download(byte[] content, MediaType type, String fileName) {
        return ResponseEntity.ok()
                .contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + fileName + "\"")
                .body(content);
    }
}
