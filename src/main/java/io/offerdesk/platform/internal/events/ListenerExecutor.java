package io.offerdesk.platform.internal.events;

import io.offerdesk.platform.internal.time.InFlight;
import java.util.concurrent.Executor;
import java.util.concurrent.Semaphore;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.scheduling.annotation.AsyncConfigurer;
import org.springframework.stereotype.Component;

/**
 * Runs asynchronous event listeners ({@code @ApplicationModuleListener}, and their resubmissions) on virtual threads,
 * at most {@code offerdesk.events.listener-concurrency} at once per node (ADR 0054). Each listener takes a connection
 * for its transaction from the pool that requests use; unbounded, a burst of events took all of them.
 *
 * <p>The bound is a permit the listener's own thread waits for, parked, before the listener runs; handing an event
 * to the executor never waits. Spring's own limit ({@code spring.task.execution.simple.concurrency-limit}) makes the
 * thread that hands the task over wait, which for a listener is the publishing thread in its transaction's {@code
 * afterCommit}, while that transaction's connection is still bound to it: requests would hold connections while
 * waiting for listeners that wait for connections. Events waiting for a permit are safe in the event publication
 * registry, so a node that stops loses none.
 *
 * <p>Every listener counts as {@link InFlight} from its hand-over until it returns, so that the simulated clock's stops
 * wait for the listeners their commits started.
 */
@Component
class ListenerExecutor implements AsyncConfigurer {

    private final SimpleAsyncTaskExecutor executor;

    ListenerExecutor(@Value("${offerdesk.events.listener-concurrency:8}") int concurrency, InFlight inFlight) {
        this.executor = bounded(concurrency, inFlight);
    }

    @Override
    public Executor getAsyncExecutor() {
        return executor;
    }

    /** Virtual threads, one per task, of which at most {@code concurrency} run their task at once, first come first. */
    static SimpleAsyncTaskExecutor bounded(int concurrency, InFlight inFlight) {
        if (concurrency < 1) {
            throw new IllegalArgumentException(
                    "offerdesk.events.listener-concurrency must be at least 1: " + concurrency);
        }
        var permits = new Semaphore(concurrency, true);
        var executor = new SimpleAsyncTaskExecutor("event-listener-") {
            @Override
            protected void doExecute(Runnable task) {
                inFlight.handOver(task, super::doExecute);
            }
        };
        executor.setVirtualThreads(true);
        executor.setTaskDecorator(task -> () -> {
            try {
                permits.acquire();
            } catch (InterruptedException interrupted) {
                // Shutting down: the publication stays incomplete and is resubmitted later.
                Thread.currentThread().interrupt();
                return;
            }
            try {
                task.run();
            } finally {
                permits.release();
            }
        });
        return executor;
    }
}
