package io.offerdesk.resale.internal.domain;

import io.offerdesk.parties.Account;
import io.offerdesk.shared.PartyKind;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * What deciding a change needs besides the authorization and the change.
 *
 * @param ownerPartyId the ISV making the change
 * @param product the authorization's product; absent when it is not one of the ISV's
 * @param resellerAccount the account a {@code CreateResaleAuthorization} names and the kind of party holding it
 * @param standardContractVersions the versions a standard EULA may name
 * @param freshId a new authorization id
 */
public record ResaleContext(
        Instant now,
        UUID ownerPartyId,
        @Nullable ProductFacts product,
        @Nullable ResellerAccount resellerAccount,
        Set<String> standardContractVersions,
        Supplier<String> freshId) {

    public ResaleContext {
        standardContractVersions = Set.copyOf(standardContractVersions);
    }

    public LocalDate today() {
        return LocalDate.ofInstant(now, ZoneOffset.UTC);
    }

    /** A reseller account as the parties module knows it. */
    public record ResellerAccount(Account account, PartyKind partyKind) {}
}
