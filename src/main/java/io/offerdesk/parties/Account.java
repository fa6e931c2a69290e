package io.offerdesk.parties;

import io.offerdesk.shared.AccountId;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A marketplace account. A buyer organization pays through its management account; its member accounts sit in
 * organizational units. Sellers and partners have a management account of their own.
 */
public record Account(
        AccountId id,
        UUID partyId,
        String name,
        Kind kind,
        @Nullable UUID unitId) {

    public enum Kind {
        MANAGEMENT,
        MEMBER
    }
}
