package io.offerdesk.ledger;

import java.util.UUID;
import org.joda.money.CurrencyUnit;

/**
 * A ledger account: one per owner, role and currency. Accounts come into being with their first posting.
 *
 * @param ownerPartyId the party the account is kept for; {@link #MARKETPLACE} for the marketplace's own accounts
 */
public record LedgerAccount(UUID ownerPartyId, AccountRole role, CurrencyUnit currency) {

    /** The owner id of the marketplace's own accounts (cash, clearing, fees, tax). */
    public static final UUID MARKETPLACE = new UUID(0L, 0L);

    public static LedgerAccount marketplace(AccountRole role, CurrencyUnit currency) {
        return new LedgerAccount(MARKETPLACE, role, currency);
    }

    @Override
    public String toString() {
        return role + "/" + ownerPartyId + "/" + currency.getCode();
    }
}
