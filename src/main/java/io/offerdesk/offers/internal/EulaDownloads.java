package io.offerdesk.offers.internal;

import io.offerdesk.offers.OfferQueries.EulaFile;
import org.springframework.http.ContentDisposition;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** A EULA as the response that downloads it, the same from the API and from the buyer's pages. */
public final class EulaDownloads {

    private EulaDownloads() {}

    /** The PDF, shown inline under the name the seller uploaded it with. */
    public static ResponseEntity<byte[]> pdf(EulaFile file) {
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(
                        "Content-Disposition",
                        ContentDisposition.inline()
                                .filename(file.document().fileName())
                                .build()
                                .toString())
                .body(file.content());
    }
}
