package io.offerdesk.platform.internal.limits;

import static org.assertj.core.api.Assertions.assertThat;

import io.offerdesk.support.Polls;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
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
        var held = Thread.ofVirtual().start(() -> limiter.holdRefusal(HOLD));
        try {
            Polls.poll("the first refusal to be held", Duration.ofMillis(10), ENDS_WITHIN)
                    .until(() -> held.getState() == Thread.State.TIMED_WAITING);

            var beyondTheCap = Thread.ofVirtual().start(() -> limiter.holdRefusal(HOLD));
            assertThat(beyondTheCap.join(ENDS_WITHIN))
                    .as("a refusal beyond the cap is answered at once")
                    .isTrue();

            var onAPlatformThread = Thread.ofPlatform().start(() -> limiter.holdRefusal(HOLD));
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

        var afterTheHold = Thread.ofVirtual().start(() -> limiter.holdRefusal(HOLD));
        Polls.poll("the cap's place to be free again", Duration.ofMillis(10), ENDS_WITHIN)
                .until(() -> afterTheHold.getState() == Thread.State.TIMED_WAITING);
        afterTheHold.interrupt();
    }

    @Test
    void whatIsLeftOfTheWaitAfterTheHoldIsWhatTheAnswerNames() throws InterruptedException {
        var hold = Duration.ofMillis(300);
        var wait = Duration.ofSeconds(5);
        var holding =
                new BucketRateLimiter(new RateLimitSettings(true, 60, 1, 1, Duration.ofMinutes(1), hold, 1), null);
        var left = new AtomicReference<Duration>();

        var refusal = Thread.ofVirtual().start(() -> left.set(holding.holdRefusal(wait)));

        assertThat(refusal.join(ENDS_WITHIN)).isTrue();
        assertThat(left.get()).isLessThanOrEqualTo(wait.minus(hold)).isPositive();
        var unheld = Thread.ofPlatform().start(() -> left.set(holding.holdRefusal(wait)));
        assertThat(unheld.join(ENDS_WITHIN)).isTrue();
        assertThat(left.get()).as("a refusal not held waits all of it").isEqualTo(wait);
        var longerThanTheWait = Thread.ofVirtual().start(() -> left.set(holding.holdRefusal(Duration.ofMillis(100))));
        assertThat(longerThanTheWait.join(ENDS_WITHIN)).isTrue();
        assertThat(left.get()).as("a hold longer than the wait leaves none").isZero();
    }

    @Test
    void aZeroHoldAnswersAtOnce() throws InterruptedException {
        var unheld = new BucketRateLimiter(
                new RateLimitSettings(true, 60, 1, 1, Duration.ofMinutes(1), Duration.ZERO, 1), null);

        var refusal = Thread.ofVirtual().start(() -> unheld.holdRefusal(HOLD));

        assertThat(refusal.join(ENDS_WITHIN)).isTrue();
    }
}
