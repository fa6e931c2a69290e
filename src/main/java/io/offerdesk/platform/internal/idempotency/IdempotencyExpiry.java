package io.offerdesk.platform.internal.idempotency;

import io.offerdesk.platform.DueWork;
import java.time.Instant;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Forgets idempotency keys once their 24 hours are over. Deleting is idempotent, so every node may run it. */
@Component
class IdempotencyExpiry implements DueWork {

    private final IdempotentRequests requests;

    IdempotencyExpiry(IdempotentRequests requests) {
        this.requests = requests;
    }

    @Override
    public Optional<Instant> nextDueAfter(Instant after) {
        return requests.oldest().map(created -> created.plus(IdempotentRequests.RETENTION));
    }

    @Override
    public void runDue(Instant now) {
        requests.expireBefore(now.minus(IdempotentRequests.RETENTION));
    }
}
