package io.offerdesk.support;

import java.time.Duration;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;

/** Waiting for what the application does in the background, as a client polls: at once, then every interval. */
public final class Polls {

    private Polls() {}

    /**
     * Polls at once and then every {@code interval} until the condition holds, failing after {@code atMost} with what
     * was awaited. The limit only ends a wait that would never end; it asserts nothing about speed. The condition runs
     * in the test's thread, and an exception another thread of the shared application leaves uncaught is not the test's
     * failure, as with a loop.
     */
    public static ConditionFactory poll(String awaited, Duration interval, Duration atMost) {
        return Awaitility.await(awaited)
                .pollInSameThread()
                .dontCatchUncaughtExceptions()
                .pollDelay(Duration.ZERO)
                .pollInterval(interval)
                .atMost(atMost);
    }
}
