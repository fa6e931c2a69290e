package io.offerdesk.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;

/**
 * Closed-loop load, as pgbench and wrk make it: a fixed number of clients, each calling again as soon as its previous
 * call returned. Each client runs on its own virtual thread, so a blocking JDBC or HTTP call costs no platform thread.
 *
 * <p>A closed loop under-reports latency while the server stalls (coordinated omission): a stalled server also slows
 * the senders. That is acceptable here, because every row of a report is measured the same way and the ratio between
 * rows is what the harness is for. Where a target bounds the latency at a given rate, {@link #paced} measures it in an
 * open loop instead, as wrk2 does.
 */
final class LoadGenerator {

    /** Far above what the longest allowed window can reach; it bounds each client's loop should the clock misbehave. */
    static final long MAX_CALLS_PER_CLIENT = 100_000_000L;

    /** Latencies above this are recorded as this; the HTTP client gives up long before. */
    private static final long HIGHEST_TRACKED_NANOS = TimeUnit.MINUTES.toNanos(1);

    private static final int SIGNIFICANT_DIGITS = 3;

    /** A client keeps at most this many distinct error messages, so a flood of unique messages cannot exhaust memory. */
    private static final int MAX_ERROR_KINDS = 20;

    private final int concurrency;

    LoadGenerator(int concurrency) {
        this.concurrency = concurrency;
    }

    /** Warms up, then measures for the window; calls that start during the warm-up are not recorded. */
    Measurement run(String name, Workload workload, Duration warmUp, Duration window) throws Exception {
        return run(name, workload, warmUp, window, 0);
    }

    /**
     * Open loop at a fixed rate, all clients together: each client sends at fixed intervals of concurrency ÷ rate,
     * the clients staggered evenly, whether or not the server kept up. A call's latency counts from the time it was
     * scheduled, not from when it was sent: when a client's previous call is still running at that time, the wait
     * for it is part of the latency, as a user arriving then would have seen it. So a stall shows in full rather than
     * slowing the senders (no coordinated omission). Calls still owed when the window ends are not sent.
     */
    Measurement paced(String name, Workload workload, double callsPerSecond, Duration warmUp, Duration window)
            throws Exception {
        if (!(callsPerSecond > 0)) {
            throw new IllegalArgumentException("a paced run needs a rate above 0, not " + callsPerSecond);
        }
        return run(name, workload, warmUp, window, Math.max(1, Math.round(concurrency * 1e9 / callsPerSecond)));
    }

    /** @param intervalNanos between one client's scheduled calls; 0 for a closed loop */
    private Measurement run(String name, Workload workload, Duration warmUp, Duration window, long intervalNanos)
            throws Exception {
        var callers = new ArrayList<Workload.Caller>(concurrency);
        try {
            // Connecting is not part of any call, so every client is ready before the clock starts.
            for (int i = 0; i < concurrency; i++) {
                callers.add(workload.newCaller());
            }
            var start = System.nanoTime();
            var measuredFrom = start + warmUp.toNanos();
            var measuredUntil = measuredFrom + window.toNanos();
            var tallies = new ArrayList<Future<Tally>>(concurrency);
            try (var clients = Executors.newVirtualThreadPerTaskExecutor()) {
                for (int i = 0; i < concurrency; i++) {
                    var caller = callers.get(i);
                    var firstCall = start + intervalNanos * i / concurrency;
                    tallies.add(
                            clients.submit(() -> drive(caller, measuredFrom, measuredUntil, firstCall, intervalNanos)));
                }
            }
            return total(name, window, tallies);
        } finally {
            for (var caller : callers) {
                caller.close();
            }
        }
    }

    private static Tally drive(
            Workload.Caller caller, long measuredFrom, long measuredUntil, long firstCall, long intervalNanos) {
        var tally = new Tally();
        var scheduled = firstCall;
        long calls = 0;
        while (calls < MAX_CALLS_PER_CLIENT) {
            var now = System.nanoTime();
            long started;
            if (intervalNanos == 0) {
                started = now;
            } else {
                started = scheduled;
                scheduled += intervalNanos;
                if (started > now) {
                    LockSupport.parkNanos(started - now);
                    if (Thread.interrupted()) {
                        Thread.currentThread().interrupt();
                        break;
                    }
                }
            }
            if (started >= measuredUntil || now >= measuredUntil) {
                break;
            }
            calls++;
            Exception failure = null;
            try {
                caller.call();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (Workload.Exhausted e) {
                tally.exhausted = e;
                break;
            } catch (Exception e) {
                failure = e;
            }
            var latency = System.nanoTime() - started;
            if (started < measuredFrom) {
                continue;
            }
            if (failure == null) {
                tally.latencies.recordValue(Math.min(latency, HIGHEST_TRACKED_NANOS));
            } else {
                tally.failed(failure);
            }
        }
        tally.callCapReached = calls >= MAX_CALLS_PER_CLIENT;
        return tally;
    }

    private Measurement total(String name, Duration window, List<Future<Tally>> tallies) throws Exception {
        var latencies = newHistogram();
        var errorsByKind = new LinkedHashMap<String, Long>();
        long errors = 0;
        var callCapReached = false;
        for (var future : tallies) {
            var tally = future.get();
            if (tally.exhausted != null) {
                throw tally.exhausted;
            }
            latencies.add(tally.latencies);
            errors += tally.errors;
            tally.errorsByKind.forEach((kind, count) -> errorsByKind.merge(kind, count, Long::sum));
            callCapReached |= tally.callCapReached;
        }
        return new Measurement(
                name, concurrency, window, latencies.getTotalCount(), errors, errorsByKind, latencies, callCapReached);
    }

    private static Histogram newHistogram() {
        return new Histogram(HIGHEST_TRACKED_NANOS, SIGNIFICANT_DIGITS);
    }

    /** One client's results, touched only by its own thread until the run ends. */
    private static final class Tally {
        final Histogram latencies = newHistogram();
        final Map<String, Long> errorsByKind = new LinkedHashMap<>();
        long errors;
        boolean callCapReached;
        Workload.Exhausted exhausted;

        void failed(Exception failure) {
            errors++;
            var kind = failure.getMessage() == null
                    ? failure.getClass().getSimpleName()
                    : failure.getClass().getSimpleName() + ": " + failure.getMessage();
            if (errorsByKind.containsKey(kind) || errorsByKind.size() < MAX_ERROR_KINDS) {
                errorsByKind.merge(kind, 1L, Long::sum);
            } else {
                errorsByKind.merge("(other errors)", 1L, Long::sum);
            }
        }
    }
}
