package io.offerdesk.offers;

import java.time.Instant;
import java.util.UUID;

/**
 * A custom EULA (PDF) a seller uploaded. An offer's {@code CustomEula} legal document names it by {@link #url()}.
 *
 * @param sha256 of the content, so buyer and seller can tell they read the same document
 */
public record EulaDocument(
        UUID id, UUID sellerPartyId, String fileName, int sizeBytes, String sha256, Instant uploadedAt) {

    public static final String URL_PREFIX = "/api/v1/eula-documents/";

    /** How offers refer to the document. */
    public String url() {
        return URL_PREFIX + id;
    }
}
