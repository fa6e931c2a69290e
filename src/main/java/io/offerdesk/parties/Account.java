package io.offerdesk.parties;

import io.offerdesk.shared.AccountId;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A marketplace account. A buyer organization's accounts sit in organizational units; its administrator designates
 * which of them accept offers (procurement accounts) and which one is billed for all of them. Sellers and partners
 * have a management account of their own.
 *
 * @param procurement a designated procurement account of its buyer organization
 * @param billing the account its buyer organization is billed through; at most one per organization
 */
public record Account(
        AccountId id,
        UUID partyId,
        String name,
        Kind kind,
        @Nullable UUID unitId,
        boolean procurement,
        boolean billing) {

    public enum Kind {
        MANAGEMENT,
        MEMBER
    }
}
