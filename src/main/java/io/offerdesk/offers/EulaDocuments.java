package io.offerdesk.offers;

import io.offerdesk.offers.events.EulaDocumentUploaded;
import io.offerdesk.offers.internal.EulaDocumentRepository;
import io.offerdesk.offers.internal.OfferSettings;
import io.offerdesk.platform.OfferdeskPrincipal;
import io.offerdesk.shared.InvalidInput;
import io.offerdesk.shared.NotFound;
import io.offerdesk.shared.PartyKind;
import io.offerdesk.shared.Role;
import io.offerdesk.shared.Sha256;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Custom EULAs sellers upload for their offers. Only a PDF within the size limit is kept. The seller reads its own
 * documents here; buyers download the EULA of an offer they can see through {@link OfferQueries}.
 */
@Service
public class EulaDocuments {

    private static final byte[] PDF_MAGIC = "%PDF-".getBytes(StandardCharsets.US_ASCII);
    private static final Pattern URL =
            Pattern.compile("^(?:https?://[^/]+)?" + Pattern.quote(EulaDocument.URL_PREFIX) + "([0-9a-f-]{36})$");
    public static final int FILE_NAME_MAX = 255;

    private final EulaDocumentRepository documents;
    private final OfferSettings settings;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    EulaDocuments(
            EulaDocumentRepository documents, OfferSettings settings, ApplicationEventPublisher events, Clock clock) {
        this.documents = documents;
        this.settings = settings;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public EulaDocument upload(OfferdeskPrincipal me, @Nullable String fileName, byte[] content) {
        if (me.partyKind() != PartyKind.SELLER && me.partyKind() != PartyKind.CHANNEL_PARTNER
                || !(me.has(Role.ADMIN) || me.has(Role.OFFER_AUTHOR))) {
            throw new AccessDeniedException("only sellers' and partners' authors upload EULAs");
        }
        var name = fileName == null || fileName.isBlank() ? "eula.pdf" : fileName.strip();
        if (name.length() > FILE_NAME_MAX) {
            throw new InvalidInput("fileName", "validation.maxLength", FILE_NAME_MAX);
        }
        if (content.length == 0 || content.length > settings.maxEulaBytes()) {
            throw new InvalidInput("file", "offer.eula.size", settings.maxEulaBytes() / (1024 * 1024));
        }
        if (content.length < PDF_MAGIC.length || !Arrays.equals(Arrays.copyOf(content, PDF_MAGIC.length), PDF_MAGIC)) {
            throw new InvalidInput("file", "offer.eula.notPdf");
        }
        var now = clock.instant();
        var document =
                new EulaDocument(UUID.randomUUID(), me.partyId(), name, content.length, Sha256.hex(content), now);
        documents.insert(document, content, me.actor().name());
        events.publishEvent(new EulaDocumentUploaded(
                document.id(), me.partyId(), name, content.length, document.sha256(), me.actor(), now));
        return document;
    }

    @Transactional(readOnly = true)
    public EulaDocument document(OfferdeskPrincipal me, UUID id) {
        return documents.find(me.partyId(), id).orElseThrow(() -> new NotFound("eula-document", id.toString()));
    }

    @Transactional(readOnly = true)
    public byte[] content(OfferdeskPrincipal me, UUID id) {
        return documents.content(document(me, id).id()).orElseThrow();
    }

    /** The seller's document a {@code CustomEula} URL names, if it names one. */
    @Transactional(readOnly = true)
    public Optional<EulaDocument> byUrl(UUID seller, String url) {
        return idIn(url).flatMap(id -> documents.find(seller, id));
    }

    static Optional<UUID> idIn(String url) {
        var matcher = URL.matcher(url);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(matcher.group(1)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
