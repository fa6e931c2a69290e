package io.offerdesk.changesets.internal;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
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
    private final ConcurrentHashMap<String, Object> waiting = new ConcurrentHashMap<>();
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

    /** Blocks until the change set is final on this node, or the timeout passes. */
    public void awaitFinal(String id, Duration timeout) {
        var monitor = waiting.computeIfAbsent(id, k -> new Object());
        var deadline = System.nanoTime() + timeout.toNanos();
        synchronized (monitor) {
            // Polls as well as waits: the change set may be applied on another node.
            while (!processor.isFinal(id)) {
                var left = deadline - System.nanoTime();
                if (left <= 0) {
                    return;
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(
                            monitor, Math.min(left, settings.poll().toNanos()));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
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
            var monitor = waiting.remove(id);
            if (monitor != null) {
                synchronized (monitor) {
                    monitor.notifyAll();
                }
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
