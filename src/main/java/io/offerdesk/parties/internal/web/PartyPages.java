package io.offerdesk.parties.internal.web;

import io.offerdesk.parties.KeyManagement;
import io.offerdesk.parties.OrganizationalUnit;
import io.offerdesk.parties.Organizations;
import io.offerdesk.parties.PartyCommands.AddAccount;
import io.offerdesk.parties.PartyCommands.AddOrganizationalUnit;
import io.offerdesk.parties.PartyCommands.DesignateBillingAccount;
import io.offerdesk.parties.PartyCommands.Grant;
import io.offerdesk.parties.PartyCommands.InviteUser;
import io.offerdesk.parties.PartyCommands.OnboardParty;
import io.offerdesk.parties.PartyCommands.UpdateAccount;
import io.offerdesk.parties.PartyCommands.UpdateOrganizationalUnit;
import io.offerdesk.parties.PartyManagement;
import io.offerdesk.parties.UserManagement;
import io.offerdesk.platform.FormSubmission;
import io.offerdesk.platform.OfferdeskPrincipal;
import io.offerdesk.platform.RateLimits;
import io.offerdesk.shared.PartyKind;
import io.offerdesk.shared.Role;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The parties pages: the operator's list and onboarding form, a party's accounts, units and users (for a buyer
 * organization the tree of units and accounts, its procurement accounts and billing account), a user's roles and keys,
 * and the invitation page where a new user sets a password.
 */
@Controller
class PartyPages {

    private final PartyManagement parties;
    private final Organizations organizations;
    private final UserManagement users;
    private final KeyManagement keys;
    private final RateLimits rateLimits;

    PartyPages(
            PartyManagement parties,
            Organizations organizations,
            UserManagement users,
            KeyManagement keys,
            RateLimits rateLimits) {
        this.parties = parties;
        this.organizations = organizations;
        this.users = users;
        this.keys = keys;
        this.rateLimits = rateLimits;
    }

    @GetMapping("/parties")
    String list(OfferdeskPrincipal me, Model model) {
        model.addAttribute("parties", parties.parties(me, null));
        model.addAttribute("kinds", List.of(PartyKind.SELLER, PartyKind.CHANNEL_PARTNER, PartyKind.BUYER));
        return "parties/list";
    }

    @PostMapping("/parties")
    String onboard(
            OfferdeskPrincipal me,
            @RequestParam(required = false) @Nullable PartyKind kind,
            @RequestParam(required = false) @Nullable String name,
            @RequestParam(required = false) @Nullable String accountId,
            @RequestParam(required = false) @Nullable String adminEmail,
            @RequestParam(required = false) @Nullable String adminName,
            HttpServletRequest request,
            RedirectAttributes redirect) {
        return FormSubmission.attempt(redirect, "redirect:/parties", () -> {
            var onboarded = parties.onboard(me, new OnboardParty(kind, name, accountId, null, adminEmail, adminName));
            redirect.addFlashAttribute(
                    "invitationLink",
                    invitationLink(request, onboarded.adminInvitation().token()));
            redirect.addFlashAttribute(
                    "invitedEmail", onboarded.adminInvitation().user().email());
            return "redirect:/parties/" + onboarded.party().id();
        });
    }

    @GetMapping("/organization")
    String organization(OfferdeskPrincipal me) {
        return "redirect:/parties/" + me.partyId();
    }

    @GetMapping("/parties/{partyId}")
    String detail(OfferdeskPrincipal me, @PathVariable UUID partyId, Model model) {
        var party = parties.party(me, partyId);
        var accounts = parties.accounts(me, partyId);
        var units = parties.organizationalUnits(me, partyId);
        model.addAttribute("party", party);
        model.addAttribute("accounts", accounts);
        model.addAttribute("units", units);
        model.addAttribute("unitNames", unitNames(units));
        model.addAttribute("organization", organizations.organization(me, partyId));
        model.addAttribute("users", users.users(me, partyId));
        model.addAttribute("roles", Role.forParty(party.kind()));
        model.addAttribute(
                "administers", party.id().equals(me.partyId()) && me.has(Role.administratorOf(party.kind())));
        if (me.has(Role.OPERATOR_ADMIN)) {
            model.addAttribute("rateLimit", rateLimits.limitOf(me, partyId));
        }
        return "parties/detail";
    }

    @PostMapping("/parties/{partyId}/rate-limit")
    String setRateLimit(
            OfferdeskPrincipal me,
            @PathVariable UUID partyId,
            @RequestParam(required = false) @Nullable Long requestsPerMinute,
            @RequestParam(required = false) @Nullable Long burst,
            RedirectAttributes redirect) {
        parties.party(me, partyId);
        return FormSubmission.attempt(redirect, "redirect:/parties/" + partyId, () -> {
            rateLimits.set(me, partyId, requestsPerMinute, burst);
            redirect.addFlashAttribute("rateLimitSaved", true);
            return "redirect:/parties/" + partyId;
        });
    }

    @PostMapping("/parties/{partyId}/rate-limit/reset")
    String resetRateLimit(OfferdeskPrincipal me, @PathVariable UUID partyId, RedirectAttributes redirect) {
        parties.party(me, partyId);
        rateLimits.reset(me, partyId);
        redirect.addFlashAttribute("rateLimitReset", true);
        return "redirect:/parties/" + partyId;
    }

    @PostMapping("/parties/{partyId}/accounts")
    String addAccount(
            OfferdeskPrincipal me,
            @PathVariable UUID partyId,
            @RequestParam(required = false) @Nullable String name,
            @RequestParam(required = false) @Nullable String accountId,
            @RequestParam(required = false) @Nullable String unitId,
            RedirectAttributes redirect) {
        return FormSubmission.attempt(redirect, "redirect:/parties/" + partyId, () -> {
            parties.addAccount(me, partyId, new AddAccount(accountId, name, unitId));
            return "redirect:/parties/" + partyId;
        });
    }

    @PostMapping("/parties/{partyId}/organizational-units")
    String addUnit(
            OfferdeskPrincipal me,
            @PathVariable UUID partyId,
            @RequestParam(required = false) @Nullable String name,
            @RequestParam(required = false) @Nullable String parentId,
            RedirectAttributes redirect) {
        return FormSubmission.attempt(redirect, "redirect:/parties/" + partyId, () -> {
            parties.addOrganizationalUnit(me, partyId, new AddOrganizationalUnit(name, parentId));
            return "redirect:/parties/" + partyId;
        });
    }

    @PostMapping("/parties/{partyId}/accounts/{accountId}")
    String updateAccount(
            OfferdeskPrincipal me,
            @PathVariable UUID partyId,
            @PathVariable String accountId,
            @RequestParam(required = false) @Nullable String name,
            @RequestParam(required = false) @Nullable String unitId,
            @RequestParam(required = false) @Nullable Boolean procurement,
            RedirectAttributes redirect) {
        return FormSubmission.attempt(redirect, "redirect:/parties/" + partyId, () -> {
            organizations.updateAccount(
                    me, partyId, accountId, new UpdateAccount(blankToNull(name), blankToNull(unitId), procurement));
            return "redirect:/parties/" + partyId;
        });
    }

    @PostMapping("/parties/{partyId}/organizational-units/{unitId}")
    String updateUnit(
            OfferdeskPrincipal me,
            @PathVariable UUID partyId,
            @PathVariable String unitId,
            @RequestParam(required = false) @Nullable String name,
            @RequestParam(required = false) @Nullable String parentId,
            RedirectAttributes redirect) {
        return FormSubmission.attempt(redirect, "redirect:/parties/" + partyId, () -> {
            organizations.updateOrganizationalUnit(
                    me, partyId, unitId, new UpdateOrganizationalUnit(blankToNull(name), blankToNull(parentId)));
            return "redirect:/parties/" + partyId;
        });
    }

    @PostMapping("/parties/{partyId}/organizational-units/{unitId}/remove")
    String removeUnit(
            OfferdeskPrincipal me,
            @PathVariable UUID partyId,
            @PathVariable String unitId,
            RedirectAttributes redirect) {
        return FormSubmission.attempt(redirect, "redirect:/parties/" + partyId, () -> {
            organizations.removeOrganizationalUnit(me, partyId, unitId);
            return "redirect:/parties/" + partyId;
        });
    }

    @PostMapping("/parties/{partyId}/billing-account")
    String designateBillingAccount(
            OfferdeskPrincipal me,
            @PathVariable UUID partyId,
            @RequestParam(required = false) @Nullable String accountId,
            RedirectAttributes redirect) {
        return FormSubmission.attempt(redirect, "redirect:/parties/" + partyId, () -> {
            organizations.designateBillingAccount(me, partyId, new DesignateBillingAccount(accountId));
            return "redirect:/parties/" + partyId;
        });
    }

    /** A field the form left empty changes nothing. */
    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value;
    }

    @PostMapping("/parties/{partyId}/users")
    String invite(
            OfferdeskPrincipal me,
            @PathVariable UUID partyId,
            @RequestParam(required = false) @Nullable String email,
            @RequestParam(required = false) @Nullable String displayName,
            @RequestParam(name = "role", required = false) @Nullable List<String> roles,
            HttpServletRequest request,
            RedirectAttributes redirect) {
        return FormSubmission.attempt(redirect, "redirect:/parties/" + partyId, () -> {
            var grants = roles == null
                    ? List.<Grant>of()
                    : roles.stream().map(r -> new Grant(r, null)).toList();
            var invitation = users.invite(me, partyId, new InviteUser(email, displayName, grants));
            redirect.addFlashAttribute("invitationLink", invitationLink(request, invitation.token()));
            redirect.addFlashAttribute("invitedEmail", invitation.user().email());
            return "redirect:/parties/" + partyId;
        });
    }

    @GetMapping("/profile")
    String profile(OfferdeskPrincipal me) {
        return "redirect:/users/" + me.userId();
    }

    @GetMapping("/users/{userId}")
    String user(OfferdeskPrincipal me, @PathVariable UUID userId, Model model) {
        var user = users.user(me, userId);
        var party = parties.party(me, user.partyId());
        model.addAttribute("user", user);
        model.addAttribute("party", party);
        model.addAttribute("accounts", parties.accounts(me, party.id()));
        model.addAttribute("roles", Role.forParty(party.kind()));
        var self = user.id().equals(me.userId());
        var admin = party.id().equals(me.partyId()) && me.has(Role.administratorOf(party.kind()));
        model.addAttribute("administers", admin);
        model.addAttribute("self", self);
        if (self || admin) {
            model.addAttribute("apiKeys", keys.apiKeys(me, userId));
            model.addAttribute("accessKeys", keys.accessKeys(me, userId));
        }
        return "parties/user";
    }

    @PostMapping("/users/{userId}/roles")
    String changeRoles(
            OfferdeskPrincipal me,
            @PathVariable UUID userId,
            @RequestParam Map<String, String> form,
            @RequestParam(name = "role", required = false) @Nullable List<String> roles,
            RedirectAttributes redirect) {
        return FormSubmission.attempt(redirect, "redirect:/users/" + userId, () -> {
            var grants = new ArrayList<Grant>();
            for (var role : roles == null ? List.<String>of() : roles) {
                var scope = form.get("scope_" + role);
                grants.add(new Grant(role, scope == null || scope.isBlank() ? null : scope));
            }
            users.changeRoles(me, userId, grants);
            redirect.addFlashAttribute("saved", true);
            return "redirect:/users/" + userId;
        });
    }

    @PostMapping("/users/{userId}/status")
    String setStatus(
            OfferdeskPrincipal me,
            @PathVariable UUID userId,
            @RequestParam boolean enabled,
            RedirectAttributes redirect) {
        return FormSubmission.attempt(redirect, "redirect:/users/" + userId, () -> {
            users.setEnabled(me, userId, enabled);
            return "redirect:/users/" + userId;
        });
    }

    @PostMapping("/users/{userId}/api-keys")
    String issueApiKey(
            OfferdeskPrincipal me,
            @PathVariable UUID userId,
            @RequestParam(required = false) @Nullable String name,
            RedirectAttributes redirect) {
        return FormSubmission.attempt(redirect, "redirect:/users/" + userId, () -> {
            redirect.addFlashAttribute(
                    "issuedToken", keys.issueApiKey(me, userId, name).token());
            return "redirect:/users/" + userId;
        });
    }

    @PostMapping("/users/{userId}/api-keys/{keyId}/revoke")
    String revokeApiKey(OfferdeskPrincipal me, @PathVariable UUID userId, @PathVariable String keyId) {
        keys.revokeApiKey(me, userId, keyId);
        return "redirect:/users/" + userId;
    }

    @PostMapping("/users/{userId}/access-keys")
    String issueAccessKey(OfferdeskPrincipal me, @PathVariable UUID userId, RedirectAttributes redirect) {
        redirect.addFlashAttribute("issuedAccessKey", keys.issueAccessKey(me, userId));
        return "redirect:/users/" + userId;
    }

    @PostMapping("/users/{userId}/access-keys/{accessKeyId}/revoke")
    String revokeAccessKey(OfferdeskPrincipal me, @PathVariable UUID userId, @PathVariable String accessKeyId) {
        keys.revokeAccessKey(me, userId, accessKeyId);
        return "redirect:/users/" + userId;
    }

    @GetMapping("/invitations/{token}")
    String invitation(@PathVariable String token, Model model) {
        model.addAttribute("token", token);
        return "parties/invitation";
    }

    @PostMapping("/invitations/{token}")
    String accept(
            @PathVariable String token,
            @RequestParam(required = false) @Nullable String password,
            RedirectAttributes redirect) {
        return FormSubmission.attempt(redirect, "redirect:/invitations/" + token, () -> {
            users.accept(token, password);
            return "redirect:/login?activated";
        });
    }

    private static String invitationLink(HttpServletRequest request, String token) {
        var base = request.getRequestURL().toString().replace(request.getRequestURI(), request.getContextPath());
        return base + "/invitations/" + token;
    }

    private static Map<UUID, String> unitNames(List<OrganizationalUnit> units) {
        var names = new java.util.HashMap<UUID, String>();
        units.forEach(u -> names.put(u.id(), u.name()));
        return names;
    }
}
