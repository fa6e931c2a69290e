package io.offerdesk.invoicing.internal;

import io.offerdesk.platform.OfferdeskPrincipal;
import io.offerdesk.shared.NotFound;
import io.offerdesk.shared.Role;
import io.offerdesk.shared.Validations;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.task.TaskExecutor;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Invoicing runs for the operator: the list with each run's progress, and a run started now, which goes on in the
 * background (a large one takes a while) while its progress shows.
 */
@Service
public class InvoicingRuns {

    public static final int PAGE_MAX = 100;

    private static final Logger log = LoggerFactory.getLogger(InvoicingRuns.class);

    private final InvoicingRun invoicing;
    private final RunRepository runs;
    private final InvoicingSettings settings;
    private final TaskExecutor executor;
    private final Clock clock;

    InvoicingRuns(
            InvoicingRun invoicing,
            RunRepository runs,
            InvoicingSettings settings,
            @Qualifier("applicationTaskExecutor") TaskExecutor executor,
            Clock clock) {
        this.invoicing = invoicing;
        this.runs = runs;
        this.settings = settings;
        this.executor = executor;
        this.clock = clock;
    }

    /** The latest runs first. */
    @Transactional(readOnly = true)
    public List<Run> runs(OfferdeskPrincipal me, int offset, int limit) {
        requireOperator(me);
        Validations.checkPage(offset, limit, PAGE_MAX);
        return runs.latest(offset, limit);
    }

    @Transactional(readOnly = true)
    public Run run(OfferdeskPrincipal me, String id) {
        requireOperator(me);
        return runs.find(id).orElseThrow(() -> new NotFound("invoicing-run", id));
    }

    /**
     * Starts a run of every charge due now and returns it at once; it invoices in the background. Runs of other
     * nodes, or the clock's, may go on at the same time: each takes charges the others have not.
     */
    public Run start(OfferdeskPrincipal me) {
        requireOperator(me);
        var actor = me.actor();
        var run = invoicing.start(clock.instant(), actor);
        executor.execute(() -> {
            try {
                invoicing.process(run, actor, settings.batchSize());
            } catch (RuntimeException failure) {
                // Recorded on the run, where the operator sees it.
                log.debug("Invoicing run {} started by {} failed", run.id(), actor.name(), failure);
            }
        });
        return run;
    }

    private static void requireOperator(OfferdeskPrincipal me) {
        if (!me.has(Role.OPERATOR_ADMIN)) {
            throw new AccessDeniedException("invoicing runs are the marketplace operator's");
        }
    }
}
