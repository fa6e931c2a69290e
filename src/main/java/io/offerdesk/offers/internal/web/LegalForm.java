package io.offerdesk.offers.internal.web;

import io.offerdesk.changesets.StartChangeSet.RequestedChange;
import io.offerdesk.offers.Offer;
import io.offerdesk.offers.Term.DocumentType;
import io.offerdesk.offers.Term.LegalTerm;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The EULA the buyer accepts: a version of the standard contract, or a custom PDF the seller uploads (its url then
 * names it). Saved as {@code UpdateLegalTerms} with exactly one document.
 *
 * @param kind a {@link DocumentType} name
 * @param customUrl the custom EULA the offer names already, kept when no new file is uploaded
 */
public record LegalForm(String kind, String version, String customUrl) {

    static LegalForm of(Offer offer, String currentVersion) {
        var document = offer.term(LegalTerm.class).stream()
                .flatMap(term -> term.documents().stream())
                .findFirst();
        return new LegalForm(
                document.map(d -> d.type().name()).orElse(DocumentType.STANDARD_EULA.name()),
                document.map(d -> d.version()).filter(Objects::nonNull).orElse(currentVersion),
                document.map(d -> Objects.requireNonNullElse(d.url(), "")).orElse(""));
    }

    static LegalForm from(Map<String, String> params) {
        return new LegalForm(
                FormValues.text(params, "kind"), FormValues.text(params, "Version"), FormValues.text(params, "Url"));
    }

    public boolean custom() {
        return DocumentType.CUSTOM_EULA.name().equals(kind);
    }

    /** The change for the chosen document; {@code uploadedUrl} replaces the custom document when a file came. */
    RequestedChange change(String offerId, @Nullable String uploadedUrl) {
        var document = Details.object();
        if (custom()) {
            document.put("Type", DocumentType.CUSTOM_EULA.wireName());
            document.put("Url", uploadedUrl != null ? uploadedUrl : customUrl);
        } else {
            document.put("Type", DocumentType.STANDARD_EULA.wireName());
            document.put("Version", version);
        }
        var term = Details.term("LegalTerm");
        term.putArray("Documents").add(document);
        return Details.change("UpdateLegalTerms", offerId, Details.terms(term));
    }

    LegalForm withCustomUrl(String url) {
        return new LegalForm(kind, version, url);
    }
}
