package io.offerdesk.platform.internal.limits;

import static org.assertj.core.api.Assertions.assertThat;

import io.offerdesk.support.Polls;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The bounds of holding a refusal (ADR 0045, second amendment): a refusal is held only on a virtual thread and only
 * while fewer than {@code max-held-refusals} are held, so that holding never takes a thread or a connection the server
 * needs for the requests it serves. The hold here is ten minutes: a call that held would not end within the test.
 */
class RefusalHoldTests {

    private static final Duration HOLD = Duration.ofMinutes(10);
    private static final Duration ENDS_WITHIN = Duration.ofSeconds(30);

    private final BucketRateLimiter limiter =
            new BucketRateLimiter(new RateLimitSettings(true, 60, 1, 1, Duration.ofMinutes(1), HOLD, 1), null);

    @Test
    void aRefusalIsHeldOnAVirtualThreadWhileTheOthersBeyondTheCapOrOnPlatformThreadsAreAnsweredAtOnce()
            throws InterruptedException {
        var held = Thread.ofVirtual().start(limiter::holdRefusal);
        try {
            Polls.poll("the first refusal to be held", Duration.ofMillis(10), ENDS_WITHIN)
                    .until(() -> held.getState() == Thread.State.TIMED_WAITING);

            var beyondTheCap = Thread.ofVirtual().start(limiter::holdRefusal);
            assertThat(beyondTheCap.join(ENDS_WITHIN))
                    .as("a refusal beyond the cap is answered at once")
                    .isTrue();

            var onAPlatformThread = Thread.ofPlatform().start(limiter::holdRefusal);
            assertThat(onAPlatformThread.join(ENDS_WITHIN))
                    .as("a refusal on a platform thread is answered at once")
                    .isTrue();

            assertThat(held.isAlive()).as("the first refusal is still held").isTrue();
        } finally {
            held.interrupt();
        }
        assertThat(held.join(ENDS_WITHIN))
                .as("a held refusal ends when its thread is interrupted")
                .isTrue();

        var afterTheHold = Thread.ofVirtual().start(limiter::holdRefusal);
        Polls.poll("the cap's place to be free again", Duration.ofMillis(10), ENDS_WITHIN)
                .until(() -> afterTheHold.getState() == Thread.State.TIMED_WAITING);
        afterTheHold.interrupt();
    }

    @Test
    void aZeroHoldAnswersAtOnce() throws InterruptedException {
        var unheld = new BucketRateLimiter(
                new RateLimitSettings(true, 60, 1, 1, Duration.ofMinutes(1), Duration.ZERO, 1), null);

        var refusal = Thread.ofVirtual().start(unheld::holdRefusal);

        assertThat(refusal.join(ENDS_WITHIN)).isTrue();
    }
}
