package io.offerdesk.platform.internal.time;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
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

    /** Counts a task being handed over; the caller must call {@link #finished()} once it has run or was refused. */
    public void started() {
        running.incrementAndGet();
    }

    public void finished() {
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
