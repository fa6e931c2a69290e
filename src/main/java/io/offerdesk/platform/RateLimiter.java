package io.offerdesk.platform;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

/**
 * The per-tenant request allowance of {@code /api} and {@code /aws} (ADR 0045): every request of a party takes one
 * token from the party's bucket. Time here is real time, never the simulated clock, because clients send requests in
 * real time. Each node keeps its own buckets with its share of the deployment's limit.
 */
public interface RateLimiter {

    /**
     * Takes one request from the party's allowance.
     *
     * @return empty when the request may run; otherwise how long until the party's next request would be allowed
     */
    Optional<Duration> take(UUID partyId);

    /**
     * Whether the party's allowance is used up on this node, without taking from it: a request of the party would be
     * refused, so the work of authenticating it can be spared.
     *
     * @return empty when a request could run, or when this node holds no allowance of the party; otherwise how long
     *     until it could
     */
    Optional<Duration> exhausted(UUID partyId);

    /**
     * Holds the answer to a request just refused, before it is sent: a client that sends again as soon as it is
     * answered (a flood, or a retry that ignores {@code Retry-After}) is slowed to one request per hold and
     * connection, rather than taking the cores from the parties within their allowance. Only so many answers are held
     * at once, and only on virtual threads, so that holding never starves the server of threads or connections.
     *
     * @param wait how long until the party's next request would be allowed, as {@link #take} answered
     * @return how much of {@code wait} is left after the hold, for the answer's {@code Retry-After}
     */
    Duration holdRefusal(Duration wait);

    /** Whole seconds for a {@code Retry-After} header: at least one, so that a client never retries at once. */
    static long retryAfterSeconds(Duration wait) {
        return Math.max(1, (wait.toMillis() + 999) / 1000);
    }
}
