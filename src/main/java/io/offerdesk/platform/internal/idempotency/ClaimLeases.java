package io.offerdesk.platform.internal.idempotency;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Keeps this node's Idempotency-Key claims leased while their requests run (ADR 0051): every third of the lease, one
 * statement extends the lease of every claim still in flight here. A node that dies stops renewing, so its claims
 * lapse within one lease and a retry may take them over. The renewal runs on a thread of its own, so long due work or
 * busy request threads cannot delay it.
 */
@Component
class ClaimLeases implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ClaimLeases.class);

    private final IdempotentRequests requests;
    private final Duration lease;
    private final Set<UUID> inFlight = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean running = new AtomicBoolean();
    private ScheduledExecutorService renewal = Executors.newSingleThreadScheduledExecutor();

    ClaimLeases(IdempotentRequests requests, @Value("${offerdesk.idempotency.lease:PT30S}") Duration lease) {
        this.requests = requests;
        this.lease = lease;
    }

    Duration lease() {
        return lease;
    }

    /** The request holding this claim runs on this node from now on. */
    void hold(UUID claim) {
        inFlight.add(claim);
    }

    /** The request holding this claim answered (or failed). */
    void drop(UUID claim) {
        inFlight.remove(claim);
    }

    private void renew() {
        var claims = List.copyOf(inFlight);
        if (claims.isEmpty()) {
            return;
        }
        try {
            requests.renew(claims, lease);
        } catch (RuntimeException e) {
            // The database may be briefly unavailable; the next round renews, and a third of the lease is left.
            log.warn("could not renew {} idempotency claims: {}", claims.size(), e.toString());
        }
    }

    @Override
    public void start() {
        if (running.compareAndSet(false, true)) {
            renewal = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform()
                    .daemon()
                    .name("idempotency-lease-renewal")
                    .factory());
            var every = Math.max(1, lease.toMillis() / 3);
            renewal.scheduleWithFixedDelay(this::renew, every, every, TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public void stop() {
        if (running.compareAndSet(true, false)) {
            renewal.shutdownNow();
        }
    }

    @Override
    public boolean isRunning() {
        return running.get();
    }
}
