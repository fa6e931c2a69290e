package io.offerdesk.platform.internal.limits;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.TokensInheritanceStrategy;
import io.offerdesk.platform.RateLimiter;
import io.offerdesk.platform.internal.limits.RateLimitSettings.Limit;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Token buckets (Bucket4j) per party, held by this node with its share of the deployment's limit: no database round
 * trip per request (ADR 0045). A party's operator-set limit is read again after {@code override-refresh}, so that a
 * change made on one node reaches the others within it; the tokens a party has left are kept across the change.
 */
@Component
@EnableConfigurationProperties(RateLimitSettings.class)
class BucketRateLimiter implements RateLimiter {

    /** Buckets of parties idle this long are dropped: a full bucket is what a new one would be anyway. */
    private static final Duration IDLE = Duration.ofMinutes(10);

    private final RateLimitSettings settings;
    private final RateLimitOverrides overrides;
    private final Semaphore holds;
    // Real time, as Bucket4j measures it: clients send requests in real time whatever the simulated clock says.
    private final Cache<UUID, PartyBucket> buckets =
            Caffeine.newBuilder().expireAfterAccess(IDLE).build();

    BucketRateLimiter(RateLimitSettings settings, RateLimitOverrides overrides) {
        this.settings = settings;
        this.overrides = overrides;
        this.holds = new Semaphore(settings.maxHeldRefusals());
    }

    @Override
    public Optional<Duration> take(UUID partyId) {
        if (!settings.enabled()) {
            return Optional.empty();
        }
        var party = buckets.get(partyId, id -> new PartyBucket(limitOf(id), System.nanoTime()));
        refresh(partyId, party);
        var probe = party.bucket.tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? Optional.empty() : Optional.of(Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }

    @Override
    public Optional<Duration> exhausted(UUID partyId) {
        var party = settings.enabled() ? buckets.getIfPresent(partyId) : null;
        if (party == null) {
            return Optional.empty();
        }
        var estimate = party.bucket.estimateAbilityToConsume(1);
        return estimate.canBeConsumed()
                ? Optional.empty()
                : Optional.of(Duration.ofNanos(estimate.getNanosToWaitForRefill()));
    }

    @Override
    public Duration holdRefusal(Duration wait) {
        // A platform thread held here would be one the server lacks for every other request.
        if (settings.refusalHold().isZero() || !Thread.currentThread().isVirtual() || !holds.tryAcquire()) {
            return wait;
        }
        var start = System.nanoTime();
        try {
            Thread.sleep(settings.refusalHold());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            holds.release();
        }
        var left = wait.minusNanos(System.nanoTime() - start);
        return left.isNegative() ? Duration.ZERO : left;
    }

    /** Forgets the party's bucket on this node, so that a limit the operator just set applies at once here. */
    void forget(UUID partyId) {
        buckets.invalidate(partyId);
    }

    private void refresh(UUID partyId, PartyBucket party) {
        var now = System.nanoTime();
        if (now - party.checkedAt < settings.overrideRefresh().toNanos()) {
            return;
        }
        synchronized (party) {
            if (now - party.checkedAt < settings.overrideRefresh().toNanos()) {
                return;
            }
            var limit = limitOf(partyId);
            if (!limit.equals(party.limit)) {
                party.bucket.replaceConfiguration(configuration(limit), TokensInheritanceStrategy.AS_IS);
                party.limit = limit;
            }
            party.checkedAt = now;
        }
    }

    private Limit limitOf(UUID partyId) {
        return settings.share(overrides.find(partyId).orElseGet(settings::defaults));
    }

    private static BucketConfiguration configuration(Limit limit) {
        return BucketConfiguration.builder().addLimit(bandwidth(limit)).build();
    }

    private static Bandwidth bandwidth(Limit limit) {
        return Bandwidth.builder()
                .capacity(limit.burst())
                .refillGreedy(limit.requestsPerMinute(), Duration.ofMinutes(1))
                .build();
    }

    private static final class PartyBucket {

        private final Bucket bucket;
        private volatile Limit limit;
        private volatile long checkedAt;

        PartyBucket(Limit limit, long checkedAt) {
            this.bucket = Bucket.builder().addLimit(bandwidth(limit)).build();
            this.limit = limit;
            this.checkedAt = checkedAt;
        }
    }
}
