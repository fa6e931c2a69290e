package io.offerdesk.changesets.internal;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Applies change sets in the background. Each node claims waiting change sets with {@code FOR UPDATE SKIP LOCKED}
 * and applies up to {@code workers} of them at once, so several nodes share the queue without applying one twice. A
 * change set started on this node wakes the worker at once; ones started elsewhere are found by polling.
 */
@Component
public class ChangeSetWorker implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ChangeSetWorker.class);

    private final ChangeSetRepository changeSets;
    private final ChangeSetProcessor processor;
    private final ChangeSetSettings settings;
    private final Semaphore wakeUps = new Semaphore(0);
    private final Semaphore capacity;
    private final ConcurrentHashMap<String, CompletableFuture<Void>> waiting = new ConcurrentHashMap<>();
    private final AtomicBoolean running = new AtomicBoolean();
    private ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private Thread dispatcher = Thread.ofVirtual().unstarted(() -> {});

    ChangeSetWorker(ChangeSetRepository changeSets, ChangeSetProcessor processor, ChangeSetSettings settings) {
        this.changeSets = changeSets;
        this.processor = processor;
        this.settings = settings;
        this.capacity = new Semaphore(settings.workers());
    }

    /** Tells the worker that there is new work. */
    public void wake() {
        wakeUps.release();
    }

    /**
     * Blocks until the change set is final or the timeout passes. A change set applied on this node ends the wait at
     * once; one applied on another node is noticed by looking every {@code poll}. Waits on futures, not monitors, so
     * that waiting virtual threads never pin their carrier on JDK 21.
     */
    public void awaitFinal(String id, Duration timeout) {
        var done = waiting.computeIfAbsent(id, k -> new CompletableFuture<>());
        var deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (!processor.isFinal(id)) {
                var left = deadline - System.nanoTime();
                if (left <= 0) {
                    return;
                }
                try {
                    done.get(Math.min(left, settings.poll().toNanos()), TimeUnit.NANOSECONDS);
                } catch (TimeoutException e) {
                    // Look again: it may have been applied on another node.
                } catch (ExecutionException e) {
                    throw new IllegalStateException(e);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            waiting.remove(id, done);
        }
    }

    @Override
    public void start() {
        if (running.compareAndSet(false, true)) {
            executor = Executors.newVirtualThreadPerTaskExecutor();
            dispatcher = Thread.ofVirtual().name("change-set-dispatcher").start(this::dispatch);
        }
    }

    @Override
    public void stop() {
        if (running.compareAndSet(true, false)) {
            dispatcher.interrupt();
            executor.shutdown();
            try {
                executor.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running.get();
    }

    private void dispatch() {
        while (running.get()) {
            try {
                capacity.acquire();
                capacity.release();
                var free = capacity.availablePermits();
                var claimed = free == 0 ? java.util.List.<String>of() : changeSets.claim(free, settings.lease());
                for (var id : claimed) {
                    capacity.acquire();
                    executor.execute(() -> apply(id));
                }
                if (claimed.isEmpty()) {
                    wakeUps.tryAcquire(settings.poll().toMillis(), TimeUnit.MILLISECONDS);
                    wakeUps.drainPermits();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                // The database may be briefly unavailable; the next round retries.
                log.warn("could not claim change sets: {}", e.toString());
                sleepQuietly();
            }
        }
    }

    private void apply(String id) {
        try {
            processor.process(id);
        } finally {
            capacity.release();
            wakeUps.release();
            var done = waiting.remove(id);
            if (done != null) {
                done.complete(null);
            }
        }
    }

    private void sleepQuietly() {
        try {
            Thread.sleep(settings.poll().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
