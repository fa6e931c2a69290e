package io.offerdesk.platform.internal.idempotency;

import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionExecution;
import org.springframework.transaction.TransactionExecutionListener;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Marks an Idempotency-Key claim "effect committed" inside every write transaction its request begins on the request
 * thread (ADR 0051): just before such a transaction commits, one statement on the transaction's own connection sets
 * the mark, so it commits or rolls back with the effect. A retry that takes over the claim of a node that died after
 * committing then finds the mark and does not run the request again.
 *
 * <p>Spring Boot adds every {@link TransactionExecutionListener} bean to the transaction manager. Read-only
 * transactions change nothing and do not mark; work the request hands to other threads (asynchronous listeners,
 * change-set workers) is its follow-up and needs no mark. Marking again in a request's second transaction, or in a
 * retried attempt (ADR 0044) after a rolled-back one, is harmless: the update is idempotent and the rolled-back
 * attempt's mark went with it.
 */
@Component
class EffectMarks implements TransactionExecutionListener {

    private static final ThreadLocal<@Nullable Claim> CLAIM = new ThreadLocal<>();

    private static final String MARK = """
            UPDATE platform.idempotent_request SET effect_committed_at = clock_timestamp()
            WHERE user_id = :userId AND key = :key AND claim_id = :claim
            """;
    private static final String TAKEN_OVER = """
            SELECT EXISTS (SELECT FROM platform.idempotent_request
                           WHERE user_id = :userId AND key = :key AND claim_id <> :claim)
            """;

    /** The claim a request thread holds. */
    record Claim(UUID userId, String key, UUID id) {}

    private final JdbcClient jdbc;

    EffectMarks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** From now until the returned scope closes, write transactions begun on this thread mark {@code claim}. */
    Scope marking(Claim claim) {
        CLAIM.set(claim);
        return CLAIM::remove;
    }

    @Override
    public void afterBegin(TransactionExecution transaction, @Nullable Throwable beginFailure) {
        var claim = CLAIM.get();
        if (claim == null
                || beginFailure != null
                || transaction.isReadOnly()
                || !TransactionSynchronizationManager.isSynchronizationActive()) {
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            /**
             * Last before the commit: the mark locks the claim's row until the commit, and any wait of another
             * synchronization (the audit chain's head) would hold it longer, stalling the node's lease renewals.
             */
            @Override
            public int getOrder() {
                return LOWEST_PRECEDENCE;
            }

            @Override
            public void beforeCommit(boolean readOnly) {
                if (!readOnly) {
                    mark(claim);
                }
            }
        });
    }

    private void mark(Claim claim) {
        if (jdbc.sql(MARK)
                                .param("userId", claim.userId())
                                .param("key", claim.key())
                                .param("claim", claim.id())
                                .update()
                        == 0
                && jdbc.sql(TAKEN_OVER)
                        .param("userId", claim.userId())
                        .param("key", claim.key())
                        .param("claim", claim.id())
                        .query(Boolean.class)
                        .single()) {
            // The lease lapsed while this request ran (its node stalled) and a retry took the claim over: committing
            // now could apply the effect twice, so this transaction rolls back and the retry's run is the one that
            // counts. A claim that is gone altogether (expired) has nobody to duplicate, and the request goes on.
            throw new ClaimTakenOver(claim.id());
        }
    }

    /** The part of a request that holds its claim. */
    @FunctionalInterface
    interface Scope extends AutoCloseable {
        @Override
        void close();
    }

    /** A request's transaction found its Idempotency-Key claim taken over by a retry, and rolled back. */
    static final class ClaimTakenOver extends IllegalStateException {
        ClaimTakenOver(UUID claim) {
            super("Idempotency-Key claim " + claim + " was taken over by a retry; the transaction rolls back");
        }
    }
}
