package io.offerdesk.governance.internal.web;

import io.offerdesk.changesets.ChangeSet;
import io.offerdesk.changesets.ChangeSetOutcome;
import io.offerdesk.changesets.ChangeSets;
import io.offerdesk.governance.Experiences;
import io.offerdesk.governance.GovernedOffers;
import io.offerdesk.governance.ProductRequest;
import io.offerdesk.governance.ProductRequests;
import io.offerdesk.governance.internal.domain.ExperienceChanges;
import io.offerdesk.parties.PartyManagement;
import io.offerdesk.parties.UserManagement;
import io.offerdesk.platform.OfferdeskPrincipal;
import io.offerdesk.shared.Conflict;
import io.offerdesk.shared.InvalidInput;
import io.offerdesk.shared.ResourceInUse;
import io.offerdesk.shared.Role;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The private marketplace in the browser: the administrator's experiences (status, products, audience, policy,
 * branding), the organization's offers with an "allow this product" shortcut, the product-request inbox, and every
 * buyer user's own requests. Every change to an experience is a change set; the page waits a little for it.
 */
@Controller
class GovernancePages {

    /** An idle worker takes milliseconds; a busy one leaves the page to show the status and a link instead. */
    static final Duration WAIT = Duration.ofSeconds(5);

    private final Experiences experiences;
    private final ProductRequests requests;
    private final GovernedOffers offers;
    private final ChangeSets changeSets;
    private final PartyManagement parties;
    private final UserManagement users;

    GovernancePages(
            Experiences experiences,
            ProductRequests requests,
            GovernedOffers offers,
            ChangeSets changeSets,
            PartyManagement parties,
            UserManagement users) {
        this.experiences = experiences;
        this.requests = requests;
        this.offers = offers;
        this.changeSets = changeSets;
        this.parties = parties;
        this.users = users;
    }

    @GetMapping("/governance/experiences")
    String experiences(OfferdeskPrincipal me, Model model) {
        requireAdministrator(me);
        model.addAttribute("experiences", experiences.experiences(me));
        return "governance/experiences";
    }

    @PostMapping("/governance/experiences")
    String create(
            OfferdeskPrincipal me,
            @RequestParam(required = false) @Nullable String name,
            @RequestParam(required = false) @Nullable String description,
            RedirectAttributes redirect) {
        requireAdministrator(me);
        var details = JsonNodeFactory.instance.objectNode();
        putText(details, "Name", name);
        putText(details, "Description", description);
        var outcome = submit(me, () -> experiences.change(me, null, ExperienceChanges.CREATE, details));
        var created = outcome.succeeded() && outcome.changeSet() != null
                ? outcome.changeSet().changes().get(0).entityIdentifier()
                : null;
        if (created != null) {
            return "redirect:/governance/experiences/" + created.replaceFirst("@.*$", "");
        }
        redirect.addFlashAttribute("outcome", outcome);
        return "redirect:/governance/experiences";
    }

    @GetMapping("/governance/experiences/{id}")
    String experience(OfferdeskPrincipal me, @PathVariable String id, Model model) {
        requireAdministrator(me);
        model.addAttribute("experience", experiences.experience(me, id));
        model.addAttribute("units", parties.organizationalUnits(me, me.partyId()));
        model.addAttribute("accounts", parties.accounts(me, me.partyId()));
        model.addAttribute("organizationId", me.partyId().toString());
        return "governance/experience";
    }

    /** One change to the experience from one of the detail page's forms; the fields it does not use are ignored. */
    @PostMapping("/governance/experiences/{id}/change")
    String change(
            OfferdeskPrincipal me,
            @PathVariable String id,
            @RequestParam String changeType,
            @RequestParam(required = false) @Nullable String name,
            @RequestParam(required = false) @Nullable String description,
            @RequestParam(required = false) @Nullable String status,
            @RequestParam(required = false) @Nullable String productIds,
            @RequestParam(required = false) @Nullable String notes,
            @RequestParam(required = false) @Nullable String principal,
            @RequestParam(required = false) @Nullable String resourceRequests,
            @RequestParam(required = false) @Nullable String title,
            @RequestParam(required = false) @Nullable String color,
            @RequestParam(required = false) @Nullable String logoUrl,
            RedirectAttributes redirect) {
        requireAdministrator(me);
        var details = JsonNodeFactory.instance.objectNode();
        switch (changeType) {
            case ExperienceChanges.UPDATE -> {
                putText(details, "Name", name);
                putText(details, "Description", description);
                putText(details, "Status", status);
            }
            case ExperienceChanges.ALLOW, ExperienceChanges.DENY -> {
                var product = details.putArray("Products").addObject();
                var ids = product.putArray("Ids");
                Arrays.stream(String.valueOf(productIds).split("[\\s,]+"))
                        .filter(s -> !s.isBlank() && !s.equals("null"))
                        .forEach(ids::add);
                putText(product, "Notes", notes);
            }
            case ExperienceChanges.ASSOCIATE, ExperienceChanges.DISASSOCIATE -> {
                var principals = details.putArray("Principals");
                if (principal != null && !principal.isBlank()) {
                    principals.add(principal.strip());
                }
            }
            case ExperienceChanges.CREATE_POLICY, ExperienceChanges.UPDATE_POLICY -> {
                var configuration = details.putObject("Configuration");
                putText(configuration, "PolicyResourceRequests", resourceRequests);
            }
            case ExperienceChanges.CREATE_BRANDING, ExperienceChanges.UPDATE_BRANDING -> {
                putText(details, "Title", title);
                putText(details, "Color", color);
                putText(details, "LogoUrl", logoUrl);
            }
            default ->
                throw new InvalidInput("changeType", "changeSet.unknownChangeType", changeType, "Experience@1.0");
        }
        redirect.addFlashAttribute("outcome", submit(me, () -> experiences.change(me, id, changeType, details)));
        return "redirect:/governance/experiences/"
                + experiences.experience(me, id).id();
    }

    @GetMapping("/governance/offers")
    String offers(OfferdeskPrincipal me, @RequestParam(defaultValue = "0") int offset, Model model) {
        requireAdministrator(me);
        var page = offers.page(me, offset, 50);
        model.addAttribute(
                "offers",
                page.offers().stream().map(offer -> offers.governed(me, offer)).toList());
        model.addAttribute("experiences", experiences.experiences(me));
        return "governance/offers";
    }

    /** The offers page's shortcut: allow an offer's product in the chosen experience. */
    @PostMapping("/governance/offers/allow")
    String allowOffered(
            OfferdeskPrincipal me,
            @RequestParam String experienceId,
            @RequestParam String offerId,
            RedirectAttributes redirect) {
        var offered = offers.offer(me, offerId);
        var details = JsonNodeFactory.instance.objectNode();
        var product = details.putArray("Products").addObject();
        product.putArray("Ids").add(offered.offer().productId());
        product.put("Notes", "Offered in " + offerId);
        redirect.addFlashAttribute(
                "outcome", submit(me, () -> experiences.change(me, experienceId, ExperienceChanges.ALLOW, details)));
        return "redirect:/governance/offers";
    }

    @GetMapping("/governance/requests")
    String inbox(
            OfferdeskPrincipal me,
            @RequestParam(required = false) ProductRequest.@Nullable Status status,
            Model model) {
        requireAdministrator(me);
        model.addAttribute("requests", requests.requests(me, status, false, 0, ProductRequests.PAGE_MAX));
        model.addAttribute("status", status);
        model.addAttribute("statuses", ProductRequest.Status.values());
        return "governance/requests";
    }

    @GetMapping("/governance/requests/{id}")
    String request(OfferdeskPrincipal me, @PathVariable String id, Model model) {
        requireAdministrator(me);
        model.addAttribute("requests", List.of(requests.request(me, id)));
        model.addAttribute("statuses", ProductRequest.Status.values());
        return "governance/requests";
    }

    @PostMapping("/governance/requests/{id}/approve")
    String approve(
            OfferdeskPrincipal me,
            @PathVariable String id,
            @RequestParam(required = false) @Nullable String comment,
            RedirectAttributes redirect) {
        redirect.addFlashAttribute("outcome", submit(me, () -> {
            var approved = requests.approve(me, id, comment);
            return changeSets.describe(me.partyId(), String.valueOf(approved.changeSetId()));
        }));
        return "redirect:/governance/requests";
    }

    @PostMapping("/governance/requests/{id}/decline")
    String decline(
            OfferdeskPrincipal me,
            @PathVariable String id,
            @RequestParam(required = false) @Nullable String comment,
            RedirectAttributes redirect) {
        try {
            requests.decline(me, id, comment);
            redirect.addFlashAttribute("declined", id);
        } catch (InvalidInput invalid) {
            redirect.addFlashAttribute("outcome", ChangeSetOutcome.invalid(invalid.violations()));
        } catch (Conflict decided) {
            redirect.addFlashAttribute("outcome", ChangeSetOutcome.refused("governance.outcome.decided"));
        }
        return "redirect:/governance/requests";
    }

    @GetMapping("/governance/my-requests")
    String myRequests(
            OfferdeskPrincipal me,
            @RequestParam(required = false) @Nullable String productId,
            @RequestParam(required = false) @Nullable String accountId,
            Model model) {
        model.addAttribute("requests", requests.requests(me, null, true, 0, ProductRequests.PAGE_MAX));
        model.addAttribute("accounts", users.accountsOf(me));
        model.addAttribute("productId", productId);
        model.addAttribute("accountId", accountId);
        return "governance/my-requests";
    }

    @PostMapping("/governance/my-requests")
    String ask(
            OfferdeskPrincipal me,
            @RequestParam(required = false) @Nullable String accountId,
            @RequestParam(required = false) @Nullable String productId,
            @RequestParam(required = false) @Nullable String justification,
            Model model,
            RedirectAttributes redirect) {
        try {
            var asked = requests.request(me, new ProductRequests.Ask(accountId, productId, justification));
            redirect.addFlashAttribute("requested", asked.id());
            return "redirect:/governance/my-requests";
        } catch (InvalidInput invalid) {
            model.addAttribute("violations", invalid.violations());
        } catch (Conflict pending) {
            model.addAttribute("conflict", pending);
        }
        model.addAttribute("justification", justification);
        return myRequests(me, productId, accountId, model);
    }

    private ChangeSetOutcome submit(OfferdeskPrincipal me, Supplier<ChangeSet> start) {
        try {
            var started = start.get();
            return ChangeSetOutcome.of(changeSets.awaitFinal(me.partyId(), started.id(), WAIT));
        } catch (InvalidInput invalid) {
            return ChangeSetOutcome.invalid(invalid.violations());
        } catch (ResourceInUse inUse) {
            return ChangeSetOutcome.refused("governance.outcome.inUse");
        } catch (Conflict decided) {
            return ChangeSetOutcome.refused("governance.outcome.decided");
        }
    }

    private static void putText(ObjectNode node, String name, @Nullable String value) {
        if (value != null && !value.isBlank()) {
            node.put(name, value.strip());
        }
    }

    private static void requireAdministrator(OfferdeskPrincipal me) {
        if (!me.has(Role.MARKETPLACE_ADMIN)) {
            throw new AccessDeniedException("private-marketplace administrators manage experiences");
        }
    }
}
