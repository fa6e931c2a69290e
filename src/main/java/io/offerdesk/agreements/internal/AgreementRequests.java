package io.offerdesk.agreements.internal;

import io.offerdesk.agreements.AgreementId;
import io.offerdesk.agreements.AgreementRequest;
import io.offerdesk.agreements.AgreementRequest.Intent;
import io.offerdesk.agreements.AgreementRequestId;
import io.offerdesk.agreements.RefusalReason;
import io.offerdesk.agreements.RequestedTerm;
import io.offerdesk.agreements.internal.domain.Quotes;
import io.offerdesk.agreements.internal.domain.Quotes.Quote;
import io.offerdesk.offers.Offer;
import io.offerdesk.platform.OfferdeskPrincipal;
import io.offerdesk.shared.AccountId;
import io.offerdesk.shared.NotFound;
import io.offerdesk.shared.Sha256;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.random.RandomGenerator;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Making, finding and locking agreement requests (quotes); the caller holds the transaction. */
@Component
@EnableConfigurationProperties(AgreementSettings.class)
public class AgreementRequests {

    private final AgreementRequestRepository requests;
    private final AgreementSettings settings;
    private final JsonMapper json;
    private final Clock clock;
    private final RandomGenerator random = new SecureRandom();

    AgreementRequests(AgreementRequestRepository requests, AgreementSettings settings, JsonMapper json, Clock clock) {
        this.requests = requests;
        this.settings = settings;
        this.json = json;
        this.clock = clock;
    }

    /**
     * Prices the requested terms of the offer and stores the quote. The same client token with the same request
     * answers with the quote made the first time; with a different request it is refused.
     */
    public AgreementRequest create(
            OfferdeskPrincipal me,
            Offer offer,
            AccountId account,
            Intent intent,
            @Nullable AgreementId source,
            List<RequestedTerm> requestedTerms,
            @Nullable String clientToken) {
        var digest = Sha256.hex(json.writeValueAsString(new Object[] {
            offer.id().value(), account.value(), intent, source == null ? null : source.value(), requestedTerms
        }));
        if (clientToken != null) {
            var earlier = requests.byClientToken(me.partyId(), clientToken, settings.invoicingEntity());
            if (earlier.isPresent()) {
                return sameRequest(earlier.get(), digest);
            }
        }
        var now = clock.instant();
        var quote = Quotes.quote(offer, requestedTerms, now, settings.invoicingEntity());
        var validUntil = now.plus(settings.requestValidity());
        var expiresAt =
                offer.expiresAt() != null && offer.expiresAt().isBefore(validUntil) ? offer.expiresAt() : validUntil;
        var request = new AgreementRequest(
                AgreementRequestId.fresh(random),
                me.partyId(),
                account,
                me.userId(),
                intent,
                offer.id().value(),
                offer.revision(),
                source,
                requestedTerms,
                quote.terms(),
                quote.charges(),
                now,
                expiresAt,
                null);
        if (requests.insert(request, clientToken, digest)) {
            return request;
        }
        // A concurrent request with the same client token committed first.
        return sameRequest(
                requests.byClientToken(me.partyId(), Objects.requireNonNull(clientToken), settings.invoicingEntity())
                        .orElseThrow(),
                digest);
    }

    private static AgreementRequest sameRequest(AgreementRequestRepository.Keyed earlier, String digest) {
        if (!earlier.digest().equals(digest)) {
            throw RefusalReason.INVALID_CLIENT_TOKEN.at("clientToken");
        }
        return earlier.request();
    }

    /** The buyer party's request; any other party's is not found. */
    public AgreementRequest request(OfferdeskPrincipal me, AgreementRequestId id) {
        return requests.find(me.partyId(), id, settings.invoicingEntity())
                .orElseThrow(() -> new NotFound("agreement-request", id.value()));
    }

    public AgreementRequest lock(OfferdeskPrincipal me, AgreementRequestId id) {
        return requests.lock(me.partyId(), id, settings.invoicingEntity())
                .orElseThrow(() -> new NotFound("agreement-request", id.value()));
    }

    /**
     * Prices the quote again at the acceptance instant: an on-acceptance charge is invoiced then, and an installment
     * whose date passed since the quote is now invoiced on acceptance too. The charges keep their ids.
     */
    public Quote requote(Offer offer, AgreementRequest request, Instant now) {
        return Quotes.quote(offer, request.requestedTerms(), now, settings.invoicingEntity());
    }

    public void accepted(AgreementRequestId id, AgreementId agreement) {
        requests.accepted(id, agreement);
    }
}
