package io.offerdesk.parties.internal.rest;

import io.offerdesk.parties.Account;
import io.offerdesk.parties.OrganizationalUnit;
import io.offerdesk.parties.Organizations;
import io.offerdesk.parties.Organizations.Organization;
import io.offerdesk.parties.Party;
import io.offerdesk.parties.PartyCommands.AddAccount;
import io.offerdesk.parties.PartyCommands.AddOrganizationalUnit;
import io.offerdesk.parties.PartyCommands.DesignateBillingAccount;
import io.offerdesk.parties.PartyCommands.OnboardParty;
import io.offerdesk.parties.PartyCommands.UpdateAccount;
import io.offerdesk.parties.PartyCommands.UpdateOrganizationalUnit;
import io.offerdesk.parties.PartyManagement;
import io.offerdesk.parties.User;
import io.offerdesk.parties.UserManagement;
import io.offerdesk.platform.OfferdeskPrincipal;
import io.offerdesk.shared.PartyKind;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Parties, their accounts and organizational units; a buyer organization's tree, procurement accounts and billing
 * account.
 */
@RestController
@RequestMapping("/api/v1/parties")
@Tag(name = "Parties", description = "Onboard parties; accounts and organizational units")
class PartiesApi {

    /** What onboarding returns: the admin's invitation link token is shown here once. */
    record OnboardedView(Party party, Account account, User admin, String adminInvitationToken) {}

    /**
     * A buyer organization: its units as a tree (the root first), each with its accounts, and the billing account.
     *
     * @param billingAccountId absent when each account is billed for its own purchases
     * @param designatesProcurement whether any account is a designated procurement account; when none is, every
     *     account accepts offers without a warning
     */
    record OrganizationJson(
            Party party,
            @Nullable String billingAccountId,
            boolean designatesProcurement,
            @Nullable UnitJson root,
            List<Account> accountsOutsideUnits) {}

    record UnitJson(UUID id, String name, List<Account> accounts, List<UnitJson> units) {}

    private final PartyManagement parties;
    private final Organizations organizations;
    private final UserManagement users;

    PartiesApi(PartyManagement parties, Organizations organizations, UserManagement users) {
        this.parties = parties;
        this.organizations = organizations;
        this.users = users;
    }

    @GetMapping
    @Operation(summary = "List parties (operator only)")
    List<Party> list(OfferdeskPrincipal me, @RequestParam(required = false) @Nullable PartyKind kind) {
        return parties.parties(me, kind);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Onboard a party with its first account and administrator (operator only)")
    OnboardedView onboard(OfferdeskPrincipal me, @RequestBody OnboardParty command) {
        var onboarded = parties.onboard(me, command);
        return new OnboardedView(
                onboarded.party(),
                onboarded.account(),
                onboarded.adminInvitation().user(),
                onboarded.adminInvitation().token());
    }

    @GetMapping("/me")
    @Operation(summary = "The caller's own party")
    Party mine(OfferdeskPrincipal me) {
        return parties.party(me, me.partyId());
    }

    @GetMapping("/{partyId}")
    Party one(OfferdeskPrincipal me, @PathVariable UUID partyId) {
        return parties.party(me, partyId);
    }

    @GetMapping("/{partyId}/accounts")
    List<Account> accounts(OfferdeskPrincipal me, @PathVariable UUID partyId) {
        return parties.accounts(me, partyId);
    }

    @PostMapping("/{partyId}/accounts")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Add an account (party administrator)")
    Account addAccount(OfferdeskPrincipal me, @PathVariable UUID partyId, @RequestBody AddAccount command) {
        return parties.addAccount(me, partyId, command);
    }

    @GetMapping("/{partyId}/organizational-units")
    List<OrganizationalUnit> units(OfferdeskPrincipal me, @PathVariable UUID partyId) {
        return parties.organizationalUnits(me, partyId);
    }

    @PostMapping("/{partyId}/organizational-units")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Add an organizational unit to a buyer organization (marketplace administrator)")
    OrganizationalUnit addUnit(
            OfferdeskPrincipal me, @PathVariable UUID partyId, @RequestBody AddOrganizationalUnit command) {
        return parties.addOrganizationalUnit(me, partyId, command);
    }

    @PutMapping("/{partyId}/accounts/{accountId}")
    @Operation(
            summary = "Rename an account, move it to another unit, designate it a procurement account or not"
                    + " (party administrator)")
    Account updateAccount(
            OfferdeskPrincipal me,
            @PathVariable UUID partyId,
            @PathVariable String accountId,
            @RequestBody UpdateAccount command) {
        return organizations.updateAccount(me, partyId, accountId, command);
    }

    @PutMapping("/{partyId}/organizational-units/{unitId}")
    @Operation(summary = "Rename an organizational unit or move it under another (marketplace administrator)")
    OrganizationalUnit updateUnit(
            OfferdeskPrincipal me,
            @PathVariable UUID partyId,
            @PathVariable String unitId,
            @RequestBody UpdateOrganizationalUnit command) {
        return organizations.updateOrganizationalUnit(me, partyId, unitId, command);
    }

    @DeleteMapping("/{partyId}/organizational-units/{unitId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Remove an empty organizational unit (marketplace administrator); 409 while it holds any")
    void removeUnit(OfferdeskPrincipal me, @PathVariable UUID partyId, @PathVariable String unitId) {
        organizations.removeOrganizationalUnit(me, partyId, unitId);
    }

    @GetMapping("/{partyId}/organization")
    @Operation(summary = "The organization as a tree of units and accounts, with its billing account")
    OrganizationJson organization(OfferdeskPrincipal me, @PathVariable UUID partyId) {
        return json(organizations.organization(me, partyId));
    }

    @PutMapping("/{partyId}/billing-account")
    @Operation(
            summary = "Designate the account billed for all the organization's purchases; accountId null: each"
                    + " account is billed for its own (marketplace administrator)")
    OrganizationJson designateBillingAccount(
            OfferdeskPrincipal me, @PathVariable UUID partyId, @RequestBody DesignateBillingAccount command) {
        return json(organizations.designateBillingAccount(me, partyId, command));
    }

    private static OrganizationJson json(Organization organization) {
        var root = organization.root();
        return new OrganizationJson(
                organization.party(),
                organization.billingAccount().map(a -> a.id().value()).orElse(null),
                organization.designatesProcurement(),
                root == null ? null : unit(organization, root),
                organization.accountsIn(null));
    }

    private static UnitJson unit(Organization organization, OrganizationalUnit unit) {
        return new UnitJson(
                unit.id(),
                unit.name(),
                organization.accountsIn(unit.id()),
                organization.children(unit.id()).stream()
                        .map(child -> unit(organization, child))
                        .toList());
    }

    @GetMapping("/{partyId}/users")
    List<User> users(OfferdeskPrincipal me, @PathVariable UUID partyId) {
        return users.users(me, partyId);
    }
}
