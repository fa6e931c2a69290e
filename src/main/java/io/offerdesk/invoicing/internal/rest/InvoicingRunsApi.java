package io.offerdesk.invoicing.internal.rest;

import io.offerdesk.invoicing.internal.InvoicingRuns;
import io.offerdesk.invoicing.internal.Run;
import io.offerdesk.platform.OfferdeskPrincipal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The operator's invoicing runs: list with progress, one run, and a run started now. */
@RestController
@Tag(name = "Invoicing runs", description = "Runs that put due charges on invoices, and their progress (operator)")
class InvoicingRunsApi {

    /**
     * @param chargesTotal the charges due and waiting when it started
     * @param chargesDone how many of them it has invoiced so far
     * @param percentDone chargesDone of chargesTotal, 0 to 100
     */
    record RunJson(
            String id,
            Run.Status status,
            Instant dueUntil,
            Instant startedAt,
            @Nullable Instant finishedAt,
            long chargesTotal,
            long chargesDone,
            long invoices,
            int percentDone,
            String node,
            @Nullable String startedBy,
            @Nullable String failure) {

        static RunJson of(Run run) {
            return new RunJson(
                    run.id(),
                    run.status(),
                    run.dueUntil(),
                    run.startedAt(),
                    run.finishedAt(),
                    run.chargesTotal(),
                    run.chargesDone(),
                    run.invoices(),
                    run.percentDone(),
                    run.node(),
                    run.startedBy(),
                    run.failure());
        }
    }

    record RunsJson(List<RunJson> items) {}

    private final InvoicingRuns runs;

    InvoicingRunsApi(InvoicingRuns runs) {
        this.runs = runs;
    }

    @GetMapping("/api/v1/invoicing/runs")
    @Operation(summary = "Invoicing runs, latest first, each with its progress")
    RunsJson runs(
            OfferdeskPrincipal me,
            @RequestParam(defaultValue = "0") int offset,
            @RequestParam(defaultValue = "20") int limit) {
        return new RunsJson(
                runs.runs(me, offset, limit).stream().map(RunJson::of).toList());
    }

    @GetMapping("/api/v1/invoicing/runs/{runId}")
    @Operation(summary = "One invoicing run and its progress; poll it until its status is COMPLETED or FAILED")
    RunJson run(OfferdeskPrincipal me, @PathVariable String runId) {
        return RunJson.of(runs.run(me, runId));
    }

    @PostMapping("/api/v1/invoicing/runs")
    @Operation(
            summary = "Start an invoicing run of every charge due now; it goes on in the background (202), follow it"
                    + " at the Location")
    ResponseEntity<RunJson> start(OfferdeskPrincipal me) {
        var run = runs.start(me);
        return ResponseEntity.accepted()
                .location(URI.create("/api/v1/invoicing/runs/" + run.id()))
                .body(RunJson.of(run));
    }
}
