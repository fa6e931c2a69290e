package io.offerdesk.platform.internal.events;

import java.sql.SQLException;
import java.time.Duration;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Hands event publications whose listener failed (or that went stale in flight, see {@code
 * spring.modulith.events.staleness}) to their listener again, so that a transient failure does not lose a side effect
 * for good. Every node runs it, one at a time: a round holds a PostgreSQL advisory lock, and a node that finds it held
 * skips its round (ADR 0043). The registry's own guard, marking a publication {@code RESUBMITTED} only if it is not
 * already, does not suffice on its own: a node that listed a publication as failed just before another resubmitted it
 * would find it {@code PROCESSING} or {@code COMPLETED}, not {@code RESUBMITTED}, and resubmit it again. Under the lock
 * a round lists failed publications only after the previous round's marks committed.
 */
@Component
public class FailedPublicationResubmission {

    private static final String TRY_LOCK =
            "SELECT pg_try_advisory_lock(hashtextextended('platform.event_publication_resubmission', 0))";
    private static final String UNLOCK =
            "SELECT pg_advisory_unlock(hashtextextended('platform.event_publication_resubmission', 0))";

    private final IncompleteEventPublications publications;
    private final DataSource dataSource;
    private final ResubmissionOptions options;

    FailedPublicationResubmission(
            IncompleteEventPublications publications,
            DataSource dataSource,
            @Value("${offerdesk.events.resubmit-after:PT5M}") Duration resubmitAfter) {
        this.publications = publications;
        this.dataSource = dataSource;
        this.options = ResubmissionOptions.defaults().withMinAge(resubmitAfter);
    }

    /**
     * Resubmits the failed publications unless another node is doing so. The lock belongs to one database session,
     * held on its own connection for the round, so a node that dies mid-round releases it with its connection.
     */
    @Scheduled(
            fixedDelayString = "${offerdesk.events.resubmit-interval:PT1M}",
            initialDelayString = "${offerdesk.events.resubmit-interval:PT1M}")
    public void resubmit() throws SQLException {
        try (var connection = dataSource.getConnection()) {
            var session = JdbcClient.create(new SingleConnectionDataSource(connection, true));
            if (!session.sql(TRY_LOCK).query(Boolean.class).single()) {
                return;
            }
            try {
                publications.resubmitIncompletePublications(options);
            } finally {
                session.sql(UNLOCK).query(Boolean.class).single();
            }
        }
    }
}
