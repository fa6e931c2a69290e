package io.offerdesk.platform.internal.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * What a stop of the simulated clock waits for (ADR 0006, "Each stop settles"): a task is in flight from its
 * hand-over until it returns, work it hands over is counted before it returns, and a failed hand-over counts nothing.
 */
class InFlightTests {

    private static final Duration SHORT = Duration.ofMillis(50);
    private static final Duration LONG = Duration.ofMinutes(1);

    private final InFlight inFlight = new InFlight();

    @Test
    void aTaskAndTheWorkItHandsOverAreInFlightUntilBothReturn() throws InterruptedException {
        var release = new CountDownLatch(1);
        var listenerReturned = new CountDownLatch(1);

        inFlight.handOver(
                () -> {
                    // A listener that starts a sender and returns while the sender still runs.
                    inFlight.handOver(() -> await(release), Thread.ofVirtual()::start);
                    listenerReturned.countDown();
                },
                Thread.ofVirtual()::start);

        assertThat(listenerReturned.await(1, TimeUnit.MINUTES)).isTrue();
        assertThat(inFlight.awaitNone(SHORT)).as("the sender still runs").isFalse();
        release.countDown();
        assertThat(inFlight.awaitNone(LONG)).isTrue();
    }

    @Test
    void aHandOverThatFailsLeavesNothingInFlight() throws InterruptedException {
        assertThatIllegalStateException()
                .isThrownBy(() -> inFlight.handOver(() -> {}, task -> {
                    throw new IllegalStateException("no thread");
                }));

        assertThat(inFlight.awaitNone(Duration.ZERO)).isTrue();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(1, TimeUnit.MINUTES);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
