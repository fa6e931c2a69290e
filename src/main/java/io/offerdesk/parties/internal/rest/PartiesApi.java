package io.offerdesk.parties.internal.rest;

import io.offerdesk.parties.Account;
import io.offerdesk.parties.OrganizationalUnit;
import io.offerdesk.parties.Party;
import io.offerdesk.parties.PartyCommands.AddAccount;
import io.offerdesk.parties.PartyCommands.AddOrganizationalUnit;
import io.offerdesk.parties.PartyCommands.OnboardParty;
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
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Parties, their accounts and organizational units. */
@RestController
@RequestMapping("/api/v1/parties")
@Tag(name = "Parties", description = "Onboard parties; accounts and organizational units")
class PartiesApi {

    /** What onboarding returns: the admin's invitation link token is shown here once. */
    record OnboardedView(Party party, Account account, User admin, String adminInvitationToken) {}

    private final PartyManagement parties;
    private final UserManagement users;

    PartiesApi(PartyManagement parties, UserManagement users) {
        this.parties = parties;
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

    @GetMapping("/{partyId}/users")
    List<User> users(OfferdeskPrincipal me, @PathVariable UUID partyId) {
        return users.users(me, partyId);
    }
}
