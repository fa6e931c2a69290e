package io.offerdesk.commitments.internal.rest;

import io.offerdesk.commitments.internal.Commitments;
import io.offerdesk.commitments.internal.HeadroomSharing;
import io.offerdesk.commitments.internal.ProductEligibility;
import io.offerdesk.commitments.internal.rest.CommitmentJson.Change;
import io.offerdesk.commitments.internal.rest.CommitmentJson.Commitment;
import io.offerdesk.commitments.internal.rest.CommitmentJson.Commitments_;
import io.offerdesk.commitments.internal.rest.CommitmentJson.Eligibility;
import io.offerdesk.commitments.internal.rest.CommitmentJson.EligibilityPage;
import io.offerdesk.commitments.internal.rest.CommitmentJson.EligibilityRequest;
import io.offerdesk.commitments.internal.rest.CommitmentJson.Forecast_;
import io.offerdesk.commitments.internal.rest.CommitmentJson.Headroom;
import io.offerdesk.commitments.internal.rest.CommitmentJson.Headrooms;
import io.offerdesk.commitments.internal.rest.CommitmentJson.Plan;
import io.offerdesk.commitments.internal.rest.CommitmentJson.Share;
import io.offerdesk.commitments.internal.rest.CommitmentJson.ShareRequest;
import io.offerdesk.commitments.internal.rest.CommitmentJson.Shares;
import io.offerdesk.commitments.internal.rest.CommitmentJson.Spend;
import io.offerdesk.platform.OfferdeskPrincipal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Spend commitments (EDP): ADR 0024. */
@RestController
@Tag(
        name = "Spend commitments",
        description = "A buyer organization's commitment contracts, their drawdown by eligible invoices up to the"
                + " marketplace share cap, forecast and planner; headroom shared with sellers; product eligibility")
class CommitmentsApi {

    private final Commitments commitments;
    private final HeadroomSharing sharing;
    private final ProductEligibility eligibility;

    CommitmentsApi(Commitments commitments, HeadroomSharing sharing, ProductEligibility eligibility) {
        this.commitments = commitments;
        this.sharing = sharing;
        this.eligibility = eligibility;
    }

    @GetMapping("/api/v1/buyer/commitments")
    @Operation(summary = "The organization's commitment contracts with each year's progress, the latest start first")
    Commitments_ list(OfferdeskPrincipal me) {
        return new Commitments_(
                commitments.list(me).stream().map(Commitment::of).toList());
    }

    @PostMapping("/api/v1/buyer/commitments")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            summary = "Finance or marketplace administrator: record a commitment contract (one amount per year, 1-5"
                    + " years; share cap default 25%, PROFESSIONAL_SERVICES excluded, milestones 50/75/100 by"
                    + " default)")
    Commitment record(OfferdeskPrincipal me, @RequestBody Change body) {
        return Commitment.of(commitments.record(me, body.draft()));
    }

    @GetMapping("/api/v1/buyer/commitments/{id}")
    @Operation(summary = "One commitment contract with each year's eligible, excluded and counted spend and headroom")
    Commitment commitment(OfferdeskPrincipal me, @PathVariable String id) {
        return Commitment.of(commitments.commitment(me, id));
    }

    @PutMapping("/api/v1/buyer/commitments/{id}")
    @Operation(summary = "Finance or marketplace administrator: replace a commitment's terms (version optional)")
    Commitment change(OfferdeskPrincipal me, @PathVariable String id, @RequestBody Change body) {
        return Commitment.of(commitments.change(me, id, body.draft(), body.version()));
    }

    @GetMapping("/api/v1/buyer/commitments/{id}/spend")
    @Operation(summary = "The invoice and credit memo lines billed in the commitment's term, and whether each counts")
    Spend spend(OfferdeskPrincipal me, @PathVariable String id) {
        return Spend.of(commitments.commitment(me, id), commitments.spend(me, id));
    }

    @GetMapping("/api/v1/buyer/commitments/{id}/forecast")
    @Operation(
            summary = "The charges the organization's active agreements will still invoice, each in the commitment"
                    + " year of its date, and each year's capped projection")
    Forecast_ forecast(OfferdeskPrincipal me, @PathVariable String id) {
        var view = commitments.commitment(me, id);
        return Forecast_.of(view.commitment(), commitments.forecast(me, id));
    }

    @GetMapping("/api/v1/buyer/commitments/planner")
    @Operation(summary = "How an offer's payment schedule would land in the organization's commitment years")
    Plan planner(OfferdeskPrincipal me, @RequestParam String offerId) {
        var plan = commitments.plan(me, offerId);
        return new Plan(
                plan.offerId(),
                plan.productId(),
                plan.commitments().stream()
                        .map(p -> Forecast_.of(p.commitment(), p.forecast()))
                        .toList());
    }

    @GetMapping("/api/v1/buyer/commitment-headroom-shares")
    @Operation(summary = "The sellers and channel partners the organization shows its remaining headroom to")
    Shares shares(OfferdeskPrincipal me) {
        return new Shares(sharing.shares(me).stream().map(Share::of).toList());
    }

    @PostMapping("/api/v1/buyer/commitment-headroom-shares")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Finance or marketplace administrator: show the remaining headroom to a seller (id or name)")
    Share share(OfferdeskPrincipal me, @RequestBody ShareRequest body) {
        return Share.of(sharing.share(me, body.seller()));
    }

    @DeleteMapping("/api/v1/buyer/commitment-headroom-shares/{sellerPartyId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Finance or marketplace administrator: stop showing the headroom to the seller")
    void revoke(OfferdeskPrincipal me, @PathVariable UUID sellerPartyId) {
        sharing.revoke(me, sellerPartyId);
    }

    @GetMapping(path = "/api/v1/seller/commitment-headroom", params = "buyerPartyId")
    @Operation(summary = "Seller or partner: one buyer's remaining headroom, while it shares it (404 otherwise)")
    Headroom headroom(OfferdeskPrincipal me, @RequestParam UUID buyerPartyId) {
        return Headroom.of(sharing.headroomOf(me, buyerPartyId));
    }

    @GetMapping("/api/v1/seller/commitment-headroom")
    @Operation(summary = "Seller or partner: every buyer that shares its remaining headroom with it")
    Headrooms headrooms(OfferdeskPrincipal me) {
        return new Headrooms(sharing.sharedWithMe(me).stream().map(Headroom::of).toList());
    }

    @GetMapping("/api/v1/operator/commitment-eligibility")
    @Operation(summary = "Operator: the catalog's products with their commitment eligibility (eligible by default)")
    EligibilityPage eligibility(
            OfferdeskPrincipal me,
            @RequestParam(required = false) @Nullable String after,
            @RequestParam(required = false) @Nullable Integer limit) {
        var page = eligibility.page(me, after, limit);
        return new EligibilityPage(page.entries().stream().map(Eligibility::of).toList(), page.next());
    }

    @GetMapping("/api/v1/operator/commitment-eligibility/{productId}")
    @Operation(summary = "Operator: one product's commitment eligibility")
    Eligibility eligibilityOf(OfferdeskPrincipal me, @PathVariable String productId) {
        return Eligibility.of(eligibility.entry(me, productId));
    }

    @PutMapping("/api/v1/operator/commitment-eligibility/{productId}")
    @Operation(summary = "Operator: set whether spend on the product retires commitments (invoices from now on)")
    Eligibility setEligibility(
            OfferdeskPrincipal me, @PathVariable String productId, @RequestBody EligibilityRequest body) {
        return Eligibility.of(eligibility.set(me, productId, body.eligible(), body.note()));
    }
}
