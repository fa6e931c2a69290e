package io.offerdesk.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.offerdesk.support.EndToEndTest;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Work signalled by a commit runs on the node's sender, not on the committing thread, without the committer's
 * transaction, never more often at once than the bound, and a burst of signals while that many run folds into one more
 * round (ADR 0054).
 */
@EndToEndTest
class DueWorkSignalsTests {

    @Autowired
    DueWorkSignals signals;

    @Autowired
    PlatformTransactionManager transactionManager;

    @Value("${offerdesk.jobs.after-commit-runs:4}")
    int runsAtOnce;

    /** Due work that records how and where it ran; its runs wait for {@code release} once it is set. */
    static final class RecordedWork implements DueWork {
        final AtomicInteger runs = new AtomicInteger();
        final AtomicInteger running = new AtomicInteger();
        final AtomicInteger mostAtOnce = new AtomicInteger();
        final AtomicReference<Thread> thread = new AtomicReference<>();
        final AtomicReference<Boolean> inTransaction = new AtomicReference<>();
        final CountDownLatch firstStarted = new CountDownLatch(1);
        volatile CountDownLatch release = new CountDownLatch(0);
        volatile CountDownLatch done = new CountDownLatch(1);

        @Override
        public Optional<Instant> nextDueAfter(Instant after) {
            return Optional.empty();
        }

        @Override
        public void runDue(Instant now) {
            mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
            thread.set(Thread.currentThread());
            inTransaction.set(TransactionSynchronizationManager.isActualTransactionActive());
            firstStarted.countDown();
            try {
                release.await(1, TimeUnit.MINUTES);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
            running.decrementAndGet();
            runs.incrementAndGet();
            done.countDown();
        }
    }

    @Test
    void runsAfterTheCommitOnTheSendersThreadOutsideTheCommittersTransaction() throws InterruptedException {
        var work = new RecordedWork();
        work.release = new CountDownLatch(1);

        new TransactionTemplate(transactionManager).executeWithoutResult(tx -> signals.afterCommit(work));
        // The committing thread is back here while the work still waits: it did not run the work itself.
        assertThat(work.firstStarted.await(1, TimeUnit.MINUTES)).isTrue();
        work.release.countDown();

        assertThat(work.done.await(1, TimeUnit.MINUTES)).isTrue();
        assertThat(work.thread.get()).isNotSameAs(Thread.currentThread());
        assertThat(work.thread.get().isVirtual()).isTrue();
        assertThat(work.inTransaction.get()).isFalse();
    }

    @Test
    void signalsBeyondTheBoundFoldIntoOneMoreRoundAndRunsNeverExceedTheBound() throws InterruptedException {
        var work = new RecordedWork();
        work.release = new CountDownLatch(1);
        var tx = new TransactionTemplate(transactionManager);

        tx.executeWithoutResult(status -> signals.afterCommit(work));
        assertThat(work.firstStarted.await(1, TimeUnit.MINUTES)).isTrue();
        // While every run waits: the next signals start runs up to the bound, the rest fold into one pending round.
        work.done = new CountDownLatch(runsAtOnce + 1);
        for (int i = 0; i < 20; i++) {
            tx.executeWithoutResult(status -> signals.afterCommit(work));
        }
        work.release.countDown();

        assertThat(work.done.await(1, TimeUnit.MINUTES)).isTrue();
        assertThat(work.mostAtOnce.get()).isBetween(1, runsAtOnce);
        // One more signal after those runs starts exactly one more, so nothing else was pending or running.
        work.done = new CountDownLatch(1);
        tx.executeWithoutResult(status -> signals.afterCommit(work));
        assertThat(work.done.await(1, TimeUnit.MINUTES)).isTrue();
        assertThat(work.runs.get()).isEqualTo(runsAtOnce + 2);
        assertThat(work.mostAtOnce.get()).isBetween(1, runsAtOnce);
    }
}
