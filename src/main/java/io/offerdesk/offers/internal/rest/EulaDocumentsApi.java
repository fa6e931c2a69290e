package io.offerdesk.offers.internal.rest;

import io.offerdesk.offers.EulaDocument;
import io.offerdesk.offers.EulaDocuments;
import io.offerdesk.offers.OfferQueries;
import io.offerdesk.offers.internal.EulaDownloads;
import io.offerdesk.platform.OfferdeskPrincipal;
import io.offerdesk.shared.NotFound;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
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
 * Custom EULAs (PDF) for offers. Upload one, then name its {@code url} in an {@code UpdateLegalTerms} change as a
 * {@code CustomEula} document.
 */
@RestController
@RequestMapping("/api/v1/eula-documents")
@Tag(name = "EULA documents", description = "Custom EULA PDFs sellers upload for their offers")
class EulaDocumentsApi {

    record DocumentJson(String id, String url, String fileName, int sizeBytes, String sha256) {
        static DocumentJson of(EulaDocument document) {
            return new DocumentJson(
                    document.id().toString(),
                    document.url(),
                    document.fileName(),
                    document.sizeBytes(),
                    document.sha256());
        }
    }

    private final EulaDocuments documents;

    EulaDocumentsApi(EulaDocuments documents) {
        this.documents = documents;
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Upload a PDF as multipart form field 'file'")
    ResponseEntity<DocumentJson> uploadForm(OfferdeskPrincipal me, @RequestParam("file") MultipartFile file) {
        try {
            return created(documents.upload(me, file.getOriginalFilename(), file.getBytes()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @PostMapping(consumes = MediaType.APPLICATION_PDF_VALUE)
    @Operation(summary = "Upload a PDF as the request body")
    ResponseEntity<DocumentJson> upload(
            OfferdeskPrincipal me,
            @RequestParam(required = false) @Nullable String fileName,
            @RequestBody byte[] content) {
        return created(documents.upload(me, fileName, content));
    }

    @GetMapping("/{documentId}")
    @Operation(summary = "Download one of your EULA documents")
    ResponseEntity<byte[]> download(OfferdeskPrincipal me, @PathVariable String documentId) {
        var id = uuid(documentId);
        var document = documents.document(me, id);
        return EulaDownloads.pdf(new OfferQueries.EulaFile(document, documents.content(me, id)));
    }

    private static ResponseEntity<DocumentJson> created(EulaDocument document) {
        return ResponseEntity.created(URI.create(document.url())).body(DocumentJson.of(document));
    }

    private static UUID uuid(String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw new NotFound("eula-document", value);
        }
    }
}
