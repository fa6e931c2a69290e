package io.offerdesk.parties;

import io.offerdesk.shared.PartyKind;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The inputs of parties' commands, as the UI and the API send them. Validated by {@link PartyManagement}. */
public final class PartyCommands {

    private PartyCommands() {}

    /**
     * Onboard a party with its first account and its first administrator.
     *
     * @param accountId the first account's id; generated when absent
     */
    public record OnboardParty(
            @Nullable PartyKind kind,
            @Nullable String name,
            @Nullable String accountId,
            @Nullable String accountName,
            @Nullable String adminEmail,
            @Nullable String adminName) {}

    /** Add an account; {@code accountId} is generated when absent, {@code unitId} places a member account. */
    public record AddAccount(
            @Nullable String accountId,
            @Nullable String name,
            @Nullable String unitId) {}

    public record AddOrganizationalUnit(
            @Nullable String name, @Nullable String parentId) {}

    /** Rename an organizational unit and/or move it under another parent; an absent field stays as it is. */
    public record UpdateOrganizationalUnit(
            @Nullable String name, @Nullable String parentId) {}

    /**
     * Rename an account, move it to another organizational unit, and/or designate it a procurement account (or no
     * longer); an absent field stays as it is.
     */
    public record UpdateAccount(
            @Nullable String name,
            @Nullable String unitId,
            @Nullable Boolean procurement) {}

    /** The account billed for all the organization's purchases; absent, each account is billed for its own. */
    public record DesignateBillingAccount(@Nullable String accountId) {}

    public record InviteUser(
            @Nullable String email,
            @Nullable String displayName,
            @Nullable List<Grant> roles) {}

    /** One role as sent: the role's name and, for buyers, optionally one account id. */
    public record Grant(@Nullable String role, @Nullable String accountId) {}
}
