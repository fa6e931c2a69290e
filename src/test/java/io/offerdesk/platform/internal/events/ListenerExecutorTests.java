package io.offerdesk.platform.internal.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.offerdesk.platform.internal.time.InFlight;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The listeners' executor runs at most its bound at once, and handing it a task never waits (ADR 0054); every task is
 * in flight from its hand-over until it returns.
 */
class ListenerExecutorTests {

    @Test
    void runsAtMostItsBoundAtOnceAndAcceptsEveryTaskWithoutWaiting() throws InterruptedException {
        var inFlight = new InFlight();
        var executor = ListenerExecutor.bounded(3, inFlight);
        var running = new AtomicInteger();
        var mostAtOnce = new AtomicInteger();
        var release = new CountDownLatch(1);
        var done = new CountDownLatch(30);

        for (int i = 0; i < 30; i++) {
            executor.execute(() -> {
                mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
                try {
                    release.await(1, TimeUnit.MINUTES);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                }
                running.decrementAndGet();
                done.countDown();
            });
        }
        // Every task was handed over while the first three still hold their permits: handing over did not wait.
        assertThat(done.getCount()).isEqualTo(30);
        while (running.get() < 3) {
            Thread.sleep(5);
        }
        assertThat(inFlight.awaitNone(Duration.ofMillis(50)))
                .as("tasks running and waiting for a permit are in flight")
                .isFalse();
        release.countDown();

        assertThat(done.await(1, TimeUnit.MINUTES)).isTrue();
        assertThat(mostAtOnce.get()).isEqualTo(3);
        assertThat(inFlight.awaitNone(Duration.ofMinutes(1))).isTrue();
    }

    @Test
    void refusesABoundBelowOne() {
        assertThatIllegalArgumentException().isThrownBy(() -> ListenerExecutor.bounded(0, new InFlight()));
    }

    @Test
    void runsTasksOnVirtualThreads() throws InterruptedException {
        var virtual = new AtomicInteger();
        var done = new CountDownLatch(1);
        ListenerExecutor.bounded(1, new InFlight()).execute(() -> {
            virtual.set(Thread.currentThread().isVirtual() ? 1 : 0);
            done.countDown();
        });
        assertThat(done.await(1, TimeUnit.MINUTES)).isTrue();
        assertThat(virtual.get()).isEqualTo(1);
    }
}
