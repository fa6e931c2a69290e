package io.offerdesk.platform.internal.limits;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How much a tenant may ask of the API ({@code offerdesk.rate-limits.*}), per deployment.
 *
 * @param enabled off only where no limit may apply, never in production (the bench harness keeps it on with an unreachable allowance)
 * @param requestsPerMinute the sustained rate a party may send to {@code /api} and {@code /aws} together, across all
 *     nodes; generous enough for batch clients and every test of the suite, which share the demo parties
 * @param burst how many requests a party may send at once before the sustained rate applies
 * @param nodes how many nodes share the limit: each enforces its share, rounded up (ADR 0045)
 * @param overrideRefresh how long a node keeps a party's operator-set limit before reading it again
 * @param refusalHold how long a refused request's answer is held before it is sent (zero: answered at once)
 * @param maxHeldRefusals how many refusals a node holds at once; beyond it they are answered at once, so that a
 *     flood over many connections cannot tie up the server's connections
 */
@ConfigurationProperties("offerdesk.rate-limits")
record RateLimitSettings(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("12000") long requestsPerMinute,
        @DefaultValue("2000") long burst,
        @DefaultValue("1") int nodes,
        @DefaultValue("PT1M") Duration overrideRefresh,
        @DefaultValue("PT1S") Duration refusalHold,
        @DefaultValue("1000") int maxHeldRefusals) {

    RateLimitSettings {
        if (requestsPerMinute < 1 || burst < 1 || nodes < 1) {
            throw new IllegalArgumentException(
                    "offerdesk.rate-limits: requests-per-minute, burst and nodes must be > 0");
        }
        if (refusalHold.isNegative() || maxHeldRefusals < 0) {
            throw new IllegalArgumentException(
                    "offerdesk.rate-limits: refusal-hold and max-held-refusals must not be negative");
        }
    }

    /** This node's share of a deployment-wide limit. */
    Limit share(Limit limit) {
        return new Limit(ceilDiv(limit.requestsPerMinute(), nodes), ceilDiv(limit.burst(), nodes));
    }

    Limit defaults() {
        return new Limit(requestsPerMinute, burst);
    }

    private static long ceilDiv(long value, int parts) {
        return (value + parts - 1) / parts;
    }

    /** A deployment-wide allowance: a sustained rate and a burst. */
    record Limit(long requestsPerMinute, long burst) {}
}
