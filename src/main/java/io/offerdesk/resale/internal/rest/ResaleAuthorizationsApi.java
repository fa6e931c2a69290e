package io.offerdesk.resale.internal.rest;

import io.offerdesk.changesets.ChangeSet;
import io.offerdesk.platform.OfferdeskPrincipal;
import io.offerdesk.resale.ResaleAuthorization;
import io.offerdesk.resale.ResaleAuthorizationFilter;
import io.offerdesk.resale.ResaleAuthorizationStatus;
import io.offerdesk.resale.ResaleAuthorizations;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The resale authorizations of both sides. The ISV creates and changes its own with {@code POST /api/v1/change-sets}
 * (entity type {@code ResaleAuthorization@1.0}) or the actions here; the channel partner reads those shared with it.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(
        name = "Resale authorizations",
        description = "The ISV's resale authorizations for channel partners, and the partner's shared ones")
class ResaleAuthorizationsApi {

    record PageJson(List<ResaleAuthorizationJson> authorizations, boolean more) {}

    record StartedChangeSetJson(String changeSetId, String changeSetArn, String status) {}

    private final ResaleAuthorizations authorizations;

    ResaleAuthorizationsApi(ResaleAuthorizations authorizations) {
        this.authorizations = authorizations;
    }

    @GetMapping("/resale-authorizations")
    @Operation(summary = "The ISV's resale authorizations, most recently changed first, by status, product, reseller")
    PageJson list(
            OfferdeskPrincipal me,
            @RequestParam(required = false) @Nullable ResaleAuthorizationStatus status,
            @RequestParam(required = false) @Nullable String productId,
            @RequestParam(required = false) @Nullable String resellerAccountId,
            @RequestParam(defaultValue = "0") int offset,
            @RequestParam(defaultValue = "20") int limit) {
        var page = authorizations.authorizations(
                me, new ResaleAuthorizationFilter(status, productId, resellerAccountId), offset, limit);
        return new PageJson(page.authorizations().stream().map(this::summary).toList(), page.more());
    }

    @GetMapping("/resale-authorizations/{id}")
    @Operation(summary = "One of the ISV's resale authorizations with its DescribeEntity DetailsDocument")
    ResaleAuthorizationJson one(OfferdeskPrincipal me, @PathVariable String id) {
        return detail(authorizations.authorization(me, id));
    }

    @PostMapping("/resale-authorizations/{id}/clone")
    @Operation(summary = "Copy the authorization into a new draft with the same content (201)")
    ResponseEntity<ResaleAuthorizationJson> cloneAuthorization(OfferdeskPrincipal me, @PathVariable String id) {
        var copy = authorizations.cloneAuthorization(me, id);
        return ResponseEntity.created(URI.create("/api/v1/resale-authorizations/" + copy.id()))
                .body(detail(copy));
    }

    @PostMapping("/resale-authorizations/{id}/release")
    @Operation(summary = "Release the draft: a ReleaseResaleAuthorization change set (202)")
    ResponseEntity<StartedChangeSetJson> release(OfferdeskPrincipal me, @PathVariable String id) {
        return accepted(authorizations.release(me, id));
    }

    @PostMapping("/resale-authorizations/{id}/restrict")
    @Operation(
            summary = "Restrict the active authorization, irreversibly: a RestrictResaleAuthorization change set (202)")
    ResponseEntity<StartedChangeSetJson> restrict(OfferdeskPrincipal me, @PathVariable String id) {
        return accepted(authorizations.restrict(me, id));
    }

    @GetMapping("/shared-resale-authorizations")
    @Operation(
            summary = "The channel partner's inbox: released authorizations shared with it (ListEntities with"
                    + " OwnershipType SHARED)")
    PageJson shared(
            OfferdeskPrincipal me,
            @RequestParam(required = false) @Nullable ResaleAuthorizationStatus status,
            @RequestParam(required = false) @Nullable String productId,
            @RequestParam(defaultValue = "0") int offset,
            @RequestParam(defaultValue = "20") int limit) {
        var page = authorizations.shared(me, new ResaleAuthorizationFilter(status, productId, null), offset, limit);
        return new PageJson(page.authorizations().stream().map(this::summary).toList(), page.more());
    }

    @GetMapping("/shared-resale-authorizations/{id}")
    @Operation(summary = "One authorization shared with the channel partner, with its wholesale terms")
    ResaleAuthorizationJson sharedOne(OfferdeskPrincipal me, @PathVariable String id) {
        return detail(authorizations.shared(me, id));
    }

    private ResaleAuthorizationJson summary(ResaleAuthorization authorization) {
        return json(authorization, false);
    }

    private ResaleAuthorizationJson detail(ResaleAuthorization authorization) {
        return json(authorization, true);
    }

    private ResaleAuthorizationJson json(ResaleAuthorization authorization, boolean withDetails) {
        return ResaleAuthorizationJson.of(
                authorization,
                authorizations.now(),
                authorizations.productName(authorization.productId()),
                authorizations.partyName(authorization.manufacturerPartyId()),
                authorizations.partyName(authorization.resellerPartyId()),
                withDetails ? authorizations.describe(authorization) : null);
    }

    private static ResponseEntity<StartedChangeSetJson> accepted(ChangeSet started) {
        return ResponseEntity.accepted()
                .location(URI.create("/api/v1/change-sets/" + started.id()))
                .body(new StartedChangeSetJson(
                        started.id(), started.arn(), started.status().name()));
    }
}
