package io.offerdesk.bench;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * What one measured window gave: successful calls and their latencies, and the failed calls by kind. Failed calls
 * count neither in the rate nor in the percentiles; any failure makes the run invalid.
 *
 * @param callCapReached a client hit the call cap before the window ended, so the window was cut short
 */
record Measurement(
        String name,
        int concurrency,
        Duration window,
        long calls,
        long errors,
        Map<String, Long> errorsByKind,
        Histogram latencies,
        boolean callCapReached) {

    /** This and a later window of the same workload, as one measurement. */
    Measurement plus(Measurement later) {
        var merged = latencies.copy();
        merged.add(later.latencies);
        var errorKinds = new LinkedHashMap<>(errorsByKind);
        later.errorsByKind.forEach((kind, count) -> errorKinds.merge(kind, count, Long::sum));
        return new Measurement(
                name,
                concurrency,
                window.plus(later.window),
                calls + later.calls,
                errors + later.errors,
                errorKinds,
                merged,
                callCapReached || later.callCapReached);
    }

    double callsPerSecond() {
        return calls / (window.toNanos() / 1e9);
    }

    double percentileMillis(double percentile) {
        return latencies.getTotalCount() == 0 ? Double.NaN : latencies.getValueAtPercentile(percentile) / 1e6;
    }

    double maxMillis() {
        return latencies.getTotalCount() == 0 ? Double.NaN : latencies.getMaxValue() / 1e6;
    }
}
