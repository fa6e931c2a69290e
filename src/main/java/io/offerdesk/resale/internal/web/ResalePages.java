package io.offerdesk.resale.internal.web;

import io.offerdesk.catalog.CatalogManagement;
import io.offerdesk.catalog.StandardContractManagement;
import io.offerdesk.changesets.ChangeSet;
import io.offerdesk.changesets.ChangeSetOutcome;
import io.offerdesk.changesets.ChangeSets;
import io.offerdesk.changesets.StartChangeSet;
import io.offerdesk.platform.OfferdeskPrincipal;
import io.offerdesk.resale.ResaleAuthorization;
import io.offerdesk.resale.ResaleAuthorizationFilter;
import io.offerdesk.resale.ResaleAuthorizationStatus;
import io.offerdesk.resale.ResaleAuthorizations;
import io.offerdesk.shared.InvalidInput;
import io.offerdesk.shared.QuotaExceeded;
import io.offerdesk.shared.ResourceInUse;
import io.offerdesk.shared.Role;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The ISV's resale authorizations (the wizard, the list with statuses and usage, one authorization with release,
 * restrict and clone) and the channel partner's inbox of authorizations shared with it. Every write is a change set;
 * the page waits a little for it and shows what became of it.
 */
@Controller
class ResalePages {

    static final int PAGE_SIZE = 20;
    /** An idle worker takes milliseconds; a busy one leaves the page to show the status and a link instead. */
    static final Duration WAIT = Duration.ofSeconds(5);

    /** One row of a list. */
    public record Row(
            ResaleAuthorization authorization,
            String productName,
            String partyName,
            String status,
            String extendedStatus) {}

    private final ResaleAuthorizations authorizations;
    private final CatalogManagement catalog;
    private final ChangeSets changeSets;
    private final StandardContractManagement contracts;

    ResalePages(
            ResaleAuthorizations authorizations,
            CatalogManagement catalog,
            ChangeSets changeSets,
            StandardContractManagement contracts) {
        this.authorizations = authorizations;
        this.catalog = catalog;
        this.changeSets = changeSets;
        this.contracts = contracts;
    }

    @GetMapping("/resale-authorizations")
    String list(
            OfferdeskPrincipal me,
            @RequestParam(required = false) @Nullable ResaleAuthorizationStatus status,
            @RequestParam(required = false) @Nullable String productId,
            @RequestParam(required = false) @Nullable String resellerAccountId,
            @RequestParam(defaultValue = "0") int offset,
            Model model) {
        var filter = new ResaleAuthorizationFilter(status, blankToNull(productId), blankToNull(resellerAccountId));
        var page = authorizations.authorizations(me, filter, offset, PAGE_SIZE);
        model.addAttribute("rows", rows(page.authorizations(), false));
        model.addAttribute("more", page.more());
        model.addAttribute("offset", offset);
        model.addAttribute("pageSize", PAGE_SIZE);
        model.addAttribute("filter", filter);
        model.addAttribute("statuses", ResaleAuthorizationStatus.values());
        model.addAttribute("products", catalog.productsOf(me.partyId()));
        model.addAttribute("authors", mayAuthor(me));
        return "resale/list";
    }

    @GetMapping("/resale-authorizations/new")
    String wizard(OfferdeskPrincipal me, Model model) {
        requireAuthor(me);
        return wizardPage(me, AuthorizationForm.empty(), null, model);
    }

    @PostMapping("/resale-authorizations/new")
    String create(OfferdeskPrincipal me, @ModelAttribute AuthorizationForm form, Model model) {
        requireAuthor(me);
        var outcome = submit(me, () -> changeSets.start(me, new StartChangeSet(form.changes(), null, null, null)));
        var created = outcome.changeSet() == null || !outcome.succeeded()
                ? null
                : outcome.changeSet().changes().get(0).entityIdentifier();
        if (created != null) {
            return "redirect:/resale-authorizations/" + created.replaceFirst("@.*$", "") + "?created";
        }
        return wizardPage(me, form, outcome, model);
    }

    @GetMapping("/resale-authorizations/{id}")
    String detail(OfferdeskPrincipal me, @PathVariable String id, Model model) {
        var authorization = authorizations.authorization(me, id);
        detailModel(authorization, model);
        model.addAttribute("authors", mayAuthor(me));
        model.addAttribute(
                "restrictable",
                authorization.status() == ResaleAuthorizationStatus.ACTIVE
                        && !authorization.isExpired(authorizations.now()));
        return "resale/detail";
    }

    @PostMapping("/resale-authorizations/{id}/release")
    String release(OfferdeskPrincipal me, @PathVariable String id, RedirectAttributes redirect) {
        return act(me, id, redirect, () -> authorizations.release(me, id));
    }

    @PostMapping("/resale-authorizations/{id}/restrict")
    String restrict(OfferdeskPrincipal me, @PathVariable String id, RedirectAttributes redirect) {
        return act(me, id, redirect, () -> authorizations.restrict(me, id));
    }

    @PostMapping("/resale-authorizations/{id}/clone")
    String cloneAuthorization(OfferdeskPrincipal me, @PathVariable String id, RedirectAttributes redirect) {
        requireAuthor(me);
        var copy = authorizations.cloneAuthorization(me, id);
        redirect.addFlashAttribute("cloned", id);
        return "redirect:/resale-authorizations/" + copy.id();
    }

    @GetMapping("/partner/resale-authorizations")
    String inbox(
            OfferdeskPrincipal me,
            @RequestParam(required = false) @Nullable ResaleAuthorizationStatus status,
            @RequestParam(defaultValue = "0") int offset,
            Model model) {
        var filter = new ResaleAuthorizationFilter(status, null, null);
        var page = authorizations.shared(me, filter, offset, PAGE_SIZE);
        model.addAttribute("rows", rows(page.authorizations(), true));
        model.addAttribute("more", page.more());
        model.addAttribute("offset", offset);
        model.addAttribute("pageSize", PAGE_SIZE);
        model.addAttribute("filter", filter);
        return "resale/inbox";
    }

    @GetMapping("/partner/resale-authorizations/{id}")
    String shared(OfferdeskPrincipal me, @PathVariable String id, Model model) {
        detailModel(authorizations.shared(me, id), model);
        return "resale/shared";
    }

    private void detailModel(ResaleAuthorization authorization, Model model) {
        var now = authorizations.now();
        model.addAttribute("authorization", authorization);
        model.addAttribute("status", status(authorization));
        model.addAttribute("extendedStatus", authorization.extendedStatus(now).name());
        model.addAttribute("productName", authorizations.productName(authorization.productId()));
        model.addAttribute("manufacturerName", authorizations.partyName(authorization.manufacturerPartyId()));
        model.addAttribute("resellerName", authorizations.partyName(authorization.resellerPartyId()));
        model.addAttribute("details", authorizations.describe(authorization).toPrettyString());
        model.addAttribute("wholesaleTerms", authorization.wholesaleTerms());
    }

    private String act(OfferdeskPrincipal me, String id, RedirectAttributes redirect, Supplier<ChangeSet> action) {
        requireAuthor(me);
        var authorization = authorizations.authorization(me, id);
        redirect.addFlashAttribute("outcome", submit(me, action));
        return "redirect:/resale-authorizations/" + authorization.id();
    }

    private ChangeSetOutcome submit(OfferdeskPrincipal me, Supplier<ChangeSet> start) {
        try {
            var started = start.get();
            return ChangeSetOutcome.of(changeSets.awaitFinal(me.partyId(), started.id(), WAIT));
        } catch (InvalidInput invalid) {
            return ChangeSetOutcome.invalid(invalid.violations());
        } catch (ResourceInUse inUse) {
            return ChangeSetOutcome.refused("resale.outcome.inUse");
        } catch (QuotaExceeded quota) {
            return ChangeSetOutcome.refused(quota.code());
        }
    }

    private String wizardPage(
            OfferdeskPrincipal me, AuthorizationForm form, @Nullable ChangeSetOutcome outcome, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("outcome", outcome);
        model.addAttribute("violations", outcome == null ? List.of() : outcome.violations());
        model.addAttribute(
                "standardVersions", contracts.versions().stream().sorted().toList());
        model.addAttribute(
                "products",
                catalog.productsOf(me.partyId()).stream()
                        .filter(product -> product.publicOffer() != null)
                        .toList());
        return "resale/wizard";
    }

    private List<Row> rows(List<ResaleAuthorization> list, boolean forPartner) {
        var now = authorizations.now();
        return list.stream()
                .map(authorization -> new Row(
                        authorization,
                        authorizations.productName(authorization.productId()),
                        authorizations.partyName(
                                forPartner ? authorization.manufacturerPartyId() : authorization.resellerPartyId()),
                        status(authorization),
                        authorization.extendedStatus(now).name()))
                .toList();
    }

    /** The portal's status: Draft, Active, Restricted, or Expired once the end date has passed. */
    private String status(ResaleAuthorization authorization) {
        return authorization.status() != ResaleAuthorizationStatus.DRAFT
                        && authorization.isExpired(authorizations.now())
                ? "EXPIRED"
                : authorization.status().name();
    }

    private static boolean mayAuthor(OfferdeskPrincipal me) {
        return me.has(Role.ADMIN) || me.has(Role.OFFER_AUTHOR);
    }

    private static void requireAuthor(OfferdeskPrincipal me) {
        if (!mayAuthor(me)) {
            throw new AccessDeniedException("only authors and administrators change resale authorizations");
        }
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
