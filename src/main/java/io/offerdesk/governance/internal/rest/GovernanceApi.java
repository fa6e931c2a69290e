package io.offerdesk.governance.internal.rest;

import io.offerdesk.changesets.ChangeSet;
import io.offerdesk.changesets.ChangeSets;
import io.offerdesk.governance.Experiences;
import io.offerdesk.governance.GovernedOffers;
import io.offerdesk.governance.ProductRequest;
import io.offerdesk.governance.ProductRequests;
import io.offerdesk.governance.internal.domain.ExperienceChanges;
import io.offerdesk.governance.internal.rest.GovernanceJson.ExperienceJson;
import io.offerdesk.governance.internal.rest.GovernanceJson.GovernedOfferJson;
import io.offerdesk.governance.internal.rest.GovernanceJson.ProductRequestJson;
import io.offerdesk.platform.OfferdeskPrincipal;
import io.offerdesk.shared.Validations;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
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
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * The buyer's private marketplace. Experiences change through change sets ({@code POST /api/v1/change-sets} with
 * entity type {@code Experience@1.0}, or the shortcuts here, which start one and answer 202); product requests and
 * their decisions are plain resources.
 */
@RestController
@RequestMapping("/api/v1/governance")
@Tag(name = "Private marketplace", description = "Experiences, product requests and the organization's offers")
class GovernanceApi {

    record StartedChangeSetJson(String changeSetId, String changeSetArn, String status) {}

    /** {@code CreateExperience}. */
    record CreateBody(@Nullable String name, @Nullable String description) {}

    /** Any other change type of {@code Experience@1.0} with its DetailsDocument. */
    record ChangeBody(@Nullable String changeType, @Nullable JsonNode details) {}

    record AskBody(
            @Nullable String accountId,
            @Nullable String productId,
            @Nullable String justification) {}

    record DecisionBody(@Nullable String comment) {}

    private final Experiences experiences;
    private final ProductRequests requests;
    private final GovernedOffers offers;
    private final ChangeSets changeSets;

    GovernanceApi(Experiences experiences, ProductRequests requests, GovernedOffers offers, ChangeSets changeSets) {
        this.experiences = experiences;
        this.requests = requests;
        this.offers = offers;
        this.changeSets = changeSets;
    }

    @GetMapping("/experiences")
    @Operation(summary = "The organization's experiences, most recently changed first")
    List<ExperienceJson> experiences(OfferdeskPrincipal me) {
        return experiences.experiences(me).stream().map(ExperienceJson::of).toList();
    }

    @GetMapping("/experiences/{id}")
    @Operation(summary = "One experience with its products, audience, procurement policy and branding")
    ExperienceJson experience(OfferdeskPrincipal me, @PathVariable String id) {
        return ExperienceJson.of(experiences.experience(me, id));
    }

    @PostMapping("/experiences")
    @Operation(summary = "Create a (disabled) experience: a CreateExperience change set (202)")
    ResponseEntity<StartedChangeSetJson> create(OfferdeskPrincipal me, @RequestBody CreateBody body) {
        var details = JsonNodeFactory.instance.objectNode();
        if (body.name() != null) {
            details.put("Name", body.name());
        }
        if (body.description() != null) {
            details.put("Description", body.description());
        }
        return accepted(experiences.change(me, null, ExperienceChanges.CREATE, details));
    }

    @PostMapping("/experiences/{id}/changes")
    @Operation(
            summary = "Change an experience: UpdateExperience, Allow/DenyProductProcurement, Associate/"
                    + "DisassociateAudience, Create/UpdateProcurementPolicy, Create/UpdateBrandingSettings (202)")
    ResponseEntity<StartedChangeSetJson> change(
            OfferdeskPrincipal me, @PathVariable String id, @RequestBody ChangeBody body) {
        var changeType = Validations.present("changeType", body.changeType());
        var details = body.details() == null ? JsonNodeFactory.instance.objectNode() : body.details();
        return accepted(experiences.change(me, id, changeType, details));
    }

    @GetMapping("/product-requests")
    @Operation(
            summary = "Product requests, newest first: the organization's for its administrators (mine=true for"
                    + " their own), the user's own for anyone else")
    List<ProductRequestJson> requests(
            OfferdeskPrincipal me,
            @RequestParam(required = false) ProductRequest.@Nullable Status status,
            @RequestParam(defaultValue = "false") boolean mine,
            @RequestParam(defaultValue = "0") int offset,
            @RequestParam(defaultValue = "50") int limit) {
        return requests.requests(me, status, mine, offset, limit).stream()
                .map(r -> ProductRequestJson.of(r, null))
                .toList();
    }

    @GetMapping("/product-requests/{id}")
    @Operation(summary = "One product request")
    ProductRequestJson request(OfferdeskPrincipal me, @PathVariable String id) {
        return ProductRequestJson.of(requests.request(me, id), null);
    }

    @PostMapping("/product-requests")
    @Operation(summary = "Ask the administrators to allow a product for a governed account (201)")
    ResponseEntity<ProductRequestJson> ask(OfferdeskPrincipal me, @RequestBody AskBody body) {
        var request =
                requests.request(me, new ProductRequests.Ask(body.accountId(), body.productId(), body.justification()));
        return ResponseEntity.created(URI.create("/api/v1/governance/product-requests/" + request.id()))
                .body(ProductRequestJson.of(request, null));
    }

    @PostMapping("/product-requests/{id}/approve")
    @Operation(
            summary = "Approve: allows the product in the governing experience (an AllowProductProcurement change"
                    + " set) and answers once it has finished, or after 20 seconds")
    ProductRequestJson approve(OfferdeskPrincipal me, @PathVariable String id, @RequestBody DecisionBody body) {
        var approved = requests.approve(me, id, body.comment());
        var changeSetId = Validations.present("changeSetId", approved.changeSetId());
        var finished = changeSets.awaitFinal(me.partyId(), changeSetId, ChangeSets.WAIT_MAX);
        return ProductRequestJson.of(approved, finished.status().name());
    }

    @PostMapping("/product-requests/{id}/decline")
    @Operation(summary = "Decline with a comment the requester sees")
    ProductRequestJson decline(OfferdeskPrincipal me, @PathVariable String id, @RequestBody DecisionBody body) {
        return ProductRequestJson.of(requests.decline(me, id, body.comment()), null);
    }

    @GetMapping("/offers")
    @Operation(
            summary = "Open offers made to any account of the organization, for its administrators, with whether"
                    + " each targeted account may buy the product")
    List<GovernedOfferJson> offers(
            OfferdeskPrincipal me,
            @RequestParam(defaultValue = "0") int offset,
            @RequestParam(defaultValue = "50") int limit) {
        return offers.page(me, offset, limit).offers().stream()
                .map(offer -> GovernedOfferJson.of(offers.governed(me, offer)))
                .toList();
    }

    @GetMapping("/offers/{offerId}")
    @Operation(summary = "One offer made to the organization, for its administrators")
    GovernedOfferJson offer(OfferdeskPrincipal me, @PathVariable String offerId) {
        return GovernedOfferJson.of(offers.offer(me, offerId));
    }

    private static ResponseEntity<StartedChangeSetJson> accepted(ChangeSet started) {
        return ResponseEntity.accepted()
                .location(URI.create("/api/v1/change-sets/" + started.id()))
                .body(new StartedChangeSetJson(
                        started.id(), started.arn(), started.status().name()));
    }
}
