package io.offerdesk.ledger;

import java.util.UUID;
import org.joda.money.CurrencyUnit;
import org.jspecify.annotations.Nullable;

/**
 * Which accounts to list, in the order owner, role, currency; a null filter matches every value.
 *
 * @param offset accounts to skip, from 0
 * @param limit at most this many, 1 to {@link #MAX_LIMIT}
 */
public record AccountQuery(
        @Nullable UUID ownerPartyId,
        @Nullable AccountRole role,
        @Nullable CurrencyUnit currency,
        int offset,
        int limit) {

    public static final int MAX_LIMIT = 500;

    public AccountQuery {
        if (offset < 0 || limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException(
                    "Accounts are listed from offset 0 in pages of 1 to " + MAX_LIMIT + ": " + offset + "/" + limit);
        }
    }

    /** Every account of the owner. */
    public static AccountQuery of(UUID ownerPartyId) {
        return new AccountQuery(ownerPartyId, null, null, 0, MAX_LIMIT);
    }
}
