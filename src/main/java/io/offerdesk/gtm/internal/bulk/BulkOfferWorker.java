package io.offerdesk.gtm.internal.bulk;

import io.offerdesk.gtm.BulkOfferUpload.Status;
import io.offerdesk.gtm.internal.bulk.BulkUploadRepository.Claimed;
import io.offerdesk.shared.QuotaExceeded;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Works through bulk uploads in the background: validates the rows of a new upload, then creates the rows of a
 * submitted one, a few rows at a time, each through {@link BulkRowRunner}. Each node claims an upload with a lease it
 * renews after every batch, so one node works on an upload at a time and, if it dies, another continues after the
 * lease ran out; the row's state in the database (and the change sets' client request tokens) make the work resume
 * where it stopped without doing a row twice. An upload or submission on this node wakes it at once; others are found
 * by polling.
 */
@Component
public class BulkOfferWorker implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(BulkOfferWorker.class);

    /** Rows run at once: as many as the change-set engine applies in parallel by default. */
    static final int PARALLEL_ROWS = 4;

    static final Duration LEASE = Duration.ofMinutes(2);
    static final Duration POLL = Duration.ofSeconds(1);

    private final BulkUploadRepository uploads;
    private final BulkRowRunner runner;
    private final Clock clock;
    private final Semaphore wakeUps = new Semaphore(0);
    private final AtomicBoolean running = new AtomicBoolean();
    private ExecutorService rows = Executors.newVirtualThreadPerTaskExecutor();
    private Thread dispatcher = Thread.ofVirtual().unstarted(() -> {});

    BulkOfferWorker(BulkUploadRepository uploads, BulkRowRunner runner, Clock clock) {
        this.uploads = uploads;
        this.runner = runner;
        this.clock = clock;
    }

    /** Tells the worker that an upload has new work. */
    public void wake() {
        wakeUps.release();
    }

    @Override
    public void start() {
        if (running.compareAndSet(false, true)) {
            rows = Executors.newVirtualThreadPerTaskExecutor();
            dispatcher = Thread.ofVirtual().name("bulk-offer-dispatcher").start(this::dispatch);
        }
    }

    @Override
    public void stop() {
        if (running.compareAndSet(true, false)) {
            dispatcher.interrupt();
            rows.shutdownNow();
            try {
                dispatcher.join(Duration.ofSeconds(10));
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
                var claimed = uploads.claim(LEASE);
                if (claimed.isPresent()) {
                    work(claimed.get());
                } else {
                    wakeUps.tryAcquire(POLL.toMillis(), TimeUnit.MILLISECONDS);
                    wakeUps.drainPermits();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                // The database may be briefly away; the lease lets this or another node continue later.
                log.warn("bulk offer work failed: {}", e.toString());
                sleepQuietly();
            }
        }
    }

    private void work(Claimed upload) throws InterruptedException {
        var phase = upload.status();
        while (running.get()) {
            var batch = uploads.openRows(upload.id(), phase, PARALLEL_ROWS);
            if (batch.isEmpty()) {
                uploads.endPhase(upload.id(), phase, clock.instant());
                return;
            }
            var futures = new ArrayList<Future<?>>();
            for (var row : batch) {
                futures.add(rows.submit(() -> {
                    if (phase == Status.VALIDATING) {
                        runner.validate(upload, row);
                    } else {
                        runner.create(upload, row);
                    }
                }));
            }
            for (var future : futures) {
                try {
                    future.get();
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof QuotaExceeded) {
                        // The party has too many open change sets; its rows wait for the next round.
                        uploads.release(upload.id());
                        sleepQuietly();
                        return;
                    }
                    throw new IllegalStateException(e.getCause());
                }
            }
            uploads.renew(upload.id(), LEASE);
        }
    }

    private void sleepQuietly() {
        try {
            Thread.sleep(POLL.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
