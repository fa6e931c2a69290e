package io.offerdesk.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.IncompleteEventPublications;

/**
 * Hands a listener an event it has already handled, as the registry does when a node completed the listener's effect
 * but died (or lost its connection) before the publication was marked complete, and the publication is resubmitted
 * (ADR 0043). Every listener must then change nothing: this is how a test shows it.
 */
public final class Redelivery {

    private final JdbcClient jdbc;
    private final IncompleteEventPublications publications;

    public Redelivery(JdbcClient jdbc, IncompleteEventPublications publications) {
        this.jdbc = jdbc;
        this.publications = publications;
    }

    /**
     * Redelivers the latest publication of an event to a listener, once the listener completed it, and waits until
     * the listener completed it again.
     *
     * @param listener part of the listener's id (its class name)
     * @param eventType the event's simple class name
     * @param eventContains a value of the event that picks the test's own publications (an id)
     */
    public void redeliver(String listener, String eventType, String eventContains) {
        var id = jdbc.sql("""
                        SELECT id FROM event_publication
                        WHERE listener_id LIKE ? AND event_type LIKE ? AND serialized_event LIKE ?
                        ORDER BY publication_date DESC LIMIT 1
                        """)
                .params("%" + listener + "%", "%." + eventType, "%" + eventContains + "%")
                .query(UUID.class)
                .optional()
                .orElseThrow(() -> new AssertionError("no publication of " + eventType + " to " + listener));
        await(() -> completed(id), listener + " completed " + eventType + " of " + eventContains);
        jdbc.sql("UPDATE event_publication SET status = 'FAILED', completion_date = NULL WHERE id = ?")
                .param(id)
                .update();

        publications.resubmitIncompletePublications(
                publication -> publication.getIdentifier().equals(id));

        await(() -> completed(id), listener + " completed the redelivered " + eventType);
        assertThat(jdbc.sql("SELECT status FROM event_publication WHERE id = ?")
                        .param(id)
                        .query(String.class)
                        .single())
                .isEqualTo("COMPLETED");
    }

    private boolean completed(UUID id) {
        return jdbc.sql("SELECT completion_date IS NOT NULL FROM event_publication WHERE id = ?")
                .param(id)
                .query(Boolean.class)
                .single();
    }

    /** Waits until {@code done}, for what a listener does after a commit; fails naming {@code what} after 20 s. */
    public static void await(BooleanSupplier done, String what) {
        for (var tries = 0; tries < 1_000; tries++) {
            if (done.getAsBoolean()) {
                return;
            }
            try {
                Thread.sleep(Duration.ofMillis(20));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("never: " + what);
    }
}
