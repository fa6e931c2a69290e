package io.offerdesk.offers.internal.rest;

import io.offerdesk.offers.OfferActions;
import io.offerdesk.offers.OfferFilter;
import io.offerdesk.offers.OfferQueries;
import io.offerdesk.offers.OfferRevision;
import io.offerdesk.offers.OfferState;
import io.offerdesk.offers.internal.EulaDownloads;
import io.offerdesk.offers.internal.OfferSettings;
import io.offerdesk.platform.OfferdeskPrincipal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The seller's offers. Reads are direct; every write starts a change set (answer 202 with its id) — create and edit
 * offers with {@code POST /api/v1/change-sets}, or use the actions here for the common cases.
 */
@RestController
@RequestMapping("/api/v1/offers")
@Tag(name = "Offers", description = "The seller's private and public offers, their history and everyday actions")
class OffersApi {

    record PageJson(List<OfferJson> offers, boolean more) {}

    record RenameRequest(@Nullable String name, @Nullable String description) {}

    record ExpiryRequest(@Nullable LocalDate availabilityEndDate) {}

    record CloneRequest(@Nullable String name, boolean expireOriginal) {}

    record OfferDetailJson(OfferJson offer, List<OfferJson> competingOffers) {}

    private final OfferQueries offers;
    private final OfferActions actions;
    private final OfferSettings settings;

    OffersApi(OfferQueries offers, OfferActions actions, OfferSettings settings) {
        this.offers = offers;
        this.actions = actions;
        this.settings = settings;
    }

    @GetMapping
    @Operation(summary = "List offers with the filters and sorts of AWS ListEntities OfferFilters")
    PageJson list(
            OfferdeskPrincipal me,
            @RequestParam(required = false) @Nullable OfferState state,
            @RequestParam(required = false) @Nullable String productId,
            @RequestParam(required = false) @Nullable String buyerAccount,
            @RequestParam(required = false) @Nullable String name,
            @RequestParam(required = false) @Nullable Instant releasedAfter,
            @RequestParam(required = false) @Nullable Instant releasedBefore,
            @RequestParam(required = false) @Nullable LocalDate expiresAfter,
            @RequestParam(required = false) @Nullable LocalDate expiresBefore,
            @RequestParam(required = false) @Nullable Boolean renewal,
            @RequestParam(defaultValue = "LAST_MODIFIED_DATE") OfferFilter.Sort sortBy,
            @RequestParam(defaultValue = "DESCENDING") SortOrder sortOrder,
            @RequestParam(defaultValue = "0") int offset,
            @RequestParam(defaultValue = "20") int limit) {
        var filter = new OfferFilter(
                state,
                productId,
                buyerAccount,
                name,
                releasedAfter,
                releasedBefore,
                expiresAfter,
                expiresBefore,
                renewal,
                sortBy,
                sortOrder == SortOrder.ASCENDING);
        var page = offers.offers(me, filter, offset, limit);
        var now = offers.now();
        return new PageJson(
                page.offers().stream().map(o -> OfferJson.summary(o, now)).toList(), page.more());
    }

    @GetMapping("/expiring-soon")
    @Operation(summary = "Released offers that expire within the next days (default: the configured window)")
    List<OfferJson> expiringSoon(OfferdeskPrincipal me, @RequestParam(required = false) @Nullable Integer days) {
        var now = offers.now();
        return offers.expiringSoon(me, days == null ? settings.expiringSoonDays() : days).stream()
                .map(o -> OfferJson.summary(o, now))
                .toList();
    }

    @GetMapping("/{offerId}")
    @Operation(summary = "One offer with its full terms, and other open offers for the same product and buyers")
    OfferDetailJson one(OfferdeskPrincipal me, @PathVariable String offerId) {
        var offer = offers.offer(me, offerId);
        var now = offers.now();
        return new OfferDetailJson(
                OfferJson.of(offer, now),
                offers.competing(me, offer).stream()
                        .map(o -> OfferJson.summary(o, now))
                        .toList());
    }

    @GetMapping("/{offerId}/revisions")
    @Operation(summary = "The offer's history: every change set that changed it, who, when and which changes")
    List<OfferRevision> revisions(OfferdeskPrincipal me, @PathVariable String offerId) {
        return offers.revisions(me, offerId);
    }

    @GetMapping("/{offerId}/revisions/{revision}")
    @Operation(summary = "The offer as it was at one revision")
    OfferJson atRevision(OfferdeskPrincipal me, @PathVariable String offerId, @PathVariable long revision) {
        return OfferJson.of(offers.atRevision(me, offerId, revision), offers.now());
    }

    @GetMapping("/{offerId}/eula")
    @Operation(summary = "The offer's custom EULA (PDF)")
    ResponseEntity<byte[]> eula(OfferdeskPrincipal me, @PathVariable String offerId) {
        return EulaDownloads.pdf(offers.eula(me, offerId));
    }

    @PostMapping("/{offerId}/expire")
    @Operation(summary = "Cancel the offer: its expiry moves to yesterday (a change set; 202)")
    ResponseEntity<StartedChangeSetJson> expire(OfferdeskPrincipal me, @PathVariable String offerId) {
        return StartedChangeSetJson.accepted(actions.expire(me, offerId));
    }

    @PostMapping("/{offerId}/expiry")
    @Operation(summary = "Extend or shorten the offer's expiry (a change set; 202)")
    ResponseEntity<StartedChangeSetJson> expiry(
            OfferdeskPrincipal me, @PathVariable String offerId, @RequestBody ExpiryRequest request) {
        return StartedChangeSetJson.accepted(actions.changeExpiry(me, offerId, request.availabilityEndDate()));
    }

    @PostMapping("/{offerId}/rename")
    @Operation(summary = "Change the offer's name and description (a change set; 202)")
    ResponseEntity<StartedChangeSetJson> rename(
            OfferdeskPrincipal me, @PathVariable String offerId, @RequestBody RenameRequest request) {
        return StartedChangeSetJson.accepted(actions.rename(me, offerId, request.name(), request.description()));
    }

    @PostMapping("/{offerId}/clone")
    @Operation(summary = "Copy the offer into a new draft, optionally expiring the original (one change set; 202)")
    ResponseEntity<StartedChangeSetJson> cloneOffer(
            OfferdeskPrincipal me, @PathVariable String offerId, @RequestBody CloneRequest request) {
        return StartedChangeSetJson.accepted(actions.cloneOffer(me, offerId, request.name(), request.expireOriginal()));
    }

    enum SortOrder {
        ASCENDING,
        DESCENDING
    }
}
