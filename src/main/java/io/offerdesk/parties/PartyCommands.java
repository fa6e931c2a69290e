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

    public record InviteUser(
            @Nullable String email,
            @Nullable String displayName,
            @Nullable List<Grant> roles) {}

    /** One role as sent: the role's name and, for buyers, optionally one account id. */
    public record Grant(@Nullable String role, @Nullable String accountId) {}
}
