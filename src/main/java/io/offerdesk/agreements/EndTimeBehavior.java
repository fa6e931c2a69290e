package io.offerdesk.agreements;

import org.jspecify.annotations.Nullable;

/**
 * What happens when an agreement reaches its end, as AWS's {@code endTimeBehavior}.
 *
 * @param reasonCode why an agreement with a renewal term will not renew; absent when it renews or was replaced
 */
public record EndTimeBehavior(Type type, @Nullable ReasonCode reasonCode) {

    public enum Type {
        RENEW,
        REPLACE,
        EXPIRE
    }

    public enum ReasonCode {
        PROPOSER_RENEW_OPTED_OUT,
        ACCEPTOR_RENEW_OPTED_OUT,
        NO_RENEWAL_TERM,
        RENEWAL_LIMIT_EXHAUSTED
    }
}
