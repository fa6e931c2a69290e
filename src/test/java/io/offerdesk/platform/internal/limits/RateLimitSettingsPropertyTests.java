package io.offerdesk.platform.internal.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.offerdesk.platform.internal.limits.RateLimitSettings.Limit;
import java.time.Duration;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/**
 * A node's share of the deployment's limit (ADR 0045): N nodes together allow at least the limit (rounding never
 * starves a tenant) and less than one request a node more than it.
 */
class RateLimitSettingsPropertyTests {

    @Property
    void nodesTogetherAllowTheLimitAndLessThanOneMorePerNode(
            @ForAll @LongRange(min = 1, max = 10_000_000) long perMinute,
            @ForAll @LongRange(min = 1, max = 1_000_000) long burst,
            @ForAll @IntRange(min = 1, max = 64) int nodes) {
        var settings = new RateLimitSettings(
                true, perMinute, burst, nodes, Duration.ofMinutes(1), Duration.ofSeconds(1), 1000);
        var share = settings.share(new Limit(perMinute, burst));

        assertThat(share.requestsPerMinute() * nodes).isBetween(perMinute, perMinute + nodes - 1);
        assertThat(share.burst() * nodes).isBetween(burst, burst + nodes - 1);
        assertThat(share.requestsPerMinute()).isPositive();
        assertThat(share.burst()).isPositive();
    }

    @Property
    void aLimitOrNodeCountBelowOneIsRefusedAtStartup(@ForAll @IntRange(min = -5, max = 0) int nodes) {
        assertThatThrownBy(() ->
                        new RateLimitSettings(true, 100, 10, nodes, Duration.ofMinutes(1), Duration.ofSeconds(1), 1000))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
