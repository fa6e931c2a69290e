package io.offerdesk.platform.internal.time;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.springframework.stereotype.Component;

/**
 * This node's work that commits set going and that has not finished: asynchronous event listeners and after-commit
 * senders. A task is counted by the thread that hands it over, before that thread's own task ends, so work a listener
 * starts is counted before the listener stops counting: once the count is zero, nothing a commit started is still
 * running. The simulated clock waits for that at every stop (ADR 0006, "Each stop settles").
 */
@Component
public class InFlight {

    private final AtomicInteger running = new AtomicInteger();
    private final Object settled = new Object();

    /**
     * Hands {@code task} over with {@code handOver}, which starts it on a thread of its own, and counts it until it
     * returns, or until the hand-over fails.
     */
    public void handOver(Runnable task, Consumer<Runnable> handOver) {
        running.incrementAndGet();
        try {
            handOver.accept(() -> {
                try {
                    task.run();
                } finally {
                    finished();
                }
            });
        } catch (RuntimeException | Error refused) {
            finished();
            throw refused;
        }
    }

    private void finished() {
        if (running.decrementAndGet() == 0) {
            synchronized (settled) {
                settled.notifyAll();
            }
        }
    }

    /** Waits until nothing is in flight, at most {@code limit}; whether nothing is. */
    public boolean awaitNone(Duration limit) throws InterruptedException {
        var deadline = System.nanoTime() + limit.toNanos();
        synchronized (settled) {
            while (running.get() > 0) {
                var left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                settled.wait(Math.max(1, left / 1_000_000));
            }
            return true;
        }
    }
}
