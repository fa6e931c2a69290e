package io.offerdesk.disbursement.internal.payout;

import io.offerdesk.ledger.AccountRole;
import io.offerdesk.ledger.LedgerAccount;
import io.offerdesk.ledger.LedgerMark;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class DisbursementRepository {

    private static final String SELECT = """
            SELECT d.*, r.id AS retried_by FROM disbursement.disbursement d
            LEFT JOIN disbursement.disbursement r ON r.retry_of = d.id
            """;

    private final JdbcClient jdbc;

    DisbursementRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Makes the payee's lock row; a second node inserting it at once waits for the first and then finds it. */
    void ensurePayee(LedgerAccount payee) {
        jdbc.sql("INSERT INTO disbursement.payee (party_id, role, currency) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")
                .params(
                        payee.ownerPartyId(),
                        payee.role().name(),
                        payee.currency().getCode())
                .update();
    }

    /**
     * Locks the payee until the transaction ends.
     *
     * @param skipLocked a run skips a payee another node is paying (it is being done); an operator's action waits
     * @return whether this transaction holds the lock
     */
    boolean lockPayee(LedgerAccount payee, boolean skipLocked) {
        return jdbc.sql("""
                        SELECT 1 FROM disbursement.payee WHERE party_id = ? AND role = ? AND currency = ?
                        FOR UPDATE""" + (skipLocked ? " SKIP LOCKED" : ""))
                .params(
                        payee.ownerPartyId(),
                        payee.role().name(),
                        payee.currency().getCode())
                .query(Integer.class)
                .optional()
                .isPresent();
    }

    boolean scheduledOn(LedgerAccount payee, LocalDate day) {
        return jdbc.sql("""
                        SELECT count(*) FROM disbursement.disbursement
                        WHERE party_id = ? AND role = ? AND currency = ? AND due_day = ?""")
                        .params(
                                payee.ownerPartyId(),
                                payee.role().name(),
                                payee.currency().getCode(),
                                day)
                        .query(Long.class)
                        .single()
                > 0;
    }

    int lastSeq(LedgerAccount payee) {
        return jdbc.sql("""
                        SELECT coalesce(max(seq), 0) FROM disbursement.disbursement
                        WHERE party_id = ? AND role = ? AND currency = ?""")
                .params(
                        payee.ownerPartyId(),
                        payee.role().name(),
                        payee.currency().getCode())
                .query(Integer.class)
                .single();
    }

    void insert(Disbursement d) {
        jdbc.sql("""
                        INSERT INTO disbursement.disbursement (id, party_id, role, currency, amount_minor, status,
                            due_day, retry_of, seq, ledger_mark, bank_account, disbursed_at, started_by, node)
                        VALUES (:id, :party, :role, :currency, :amount, :status, :dueDay, :retryOf, :seq, :mark,
                            :bankAccount, :at, :startedBy, :node)""")
                .param("id", d.id())
                .param("party", d.payee().ownerPartyId())
                .param("role", d.payee().role().name())
                .param("currency", d.payee().currency().getCode())
                .param("amount", d.amount().getAmountMinorLong())
                .param("status", d.status().name())
                .param("dueDay", d.dueDay())
                .param("retryOf", d.retryOf())
                .param("seq", d.seq())
                .param("mark", d.mark().snapshot())
                .param("bankAccount", d.bankAccount())
                .param("at", Timestamp.from(d.disbursedAt()))
                .param("startedBy", d.startedBy())
                .param("node", d.node())
                .update();
    }

    void markFailed(String id, Instant at, String by, String reason) {
        jdbc.sql("""
                        UPDATE disbursement.disbursement SET status = 'FAILED', failed_at = ?, failed_by = ?,
                            failure_reason = ?
                        WHERE id = ? AND status = 'PAID'""").params(Timestamp.from(at), by, reason, id).update();
    }

    Optional<Disbursement> find(String id) {
        return jdbc.sql(SELECT + " WHERE d.id = ?")
                .param(id)
                .query((rs, n) -> map(rs))
                .optional();
    }

    Optional<Disbursement> bySeq(LedgerAccount payee, int seq) {
        return jdbc.sql(SELECT + " WHERE d.party_id = ? AND d.role = ? AND d.currency = ? AND d.seq = ?")
                .params(
                        payee.ownerPartyId(),
                        payee.role().name(),
                        payee.currency().getCode(),
                        seq)
                .query((rs, n) -> map(rs))
                .optional();
    }

    /** Latest first; of one party, or of every party for the operator (null). */
    List<Disbursement> list(@Nullable UUID partyId, Disbursement.@Nullable Status status, int offset, int limit) {
        return jdbc.sql(SELECT + """
                         WHERE (CAST(:party AS uuid) IS NULL OR d.party_id = CAST(:party AS uuid))
                           AND (CAST(:status AS varchar) IS NULL OR d.status = CAST(:status AS varchar))
                        ORDER BY d.disbursed_at DESC, d.id OFFSET :offset LIMIT :limit""")
                .param("party", partyId)
                .param("status", status == null ? null : status.name())
                .param("offset", offset)
                .param("limit", limit)
                .query((rs, n) -> map(rs))
                .list();
    }

    /** What was paid out (failed transfers left out) per month and currency, oldest first. */
    List<MonthTotal> monthly(@Nullable UUID partyId) {
        return jdbc.sql("""
                        SELECT to_char(disbursed_at AT TIME ZONE 'UTC', 'YYYY-MM') AS month, currency,
                               sum(amount_minor) AS amount
                        FROM disbursement.disbursement
                        WHERE status = 'PAID' AND (CAST(:party AS uuid) IS NULL OR party_id = CAST(:party AS uuid))
                        GROUP BY 1, 2 ORDER BY 1, 2""")
                .param("party", partyId)
                .query((rs, n) -> new MonthTotal(rs.getString(1), rs.getString(2), rs.getLong(3)))
                .list();
    }

    /** The run's days, latest first: scheduled and retried disbursements by the UTC day they were made. */
    List<RunDay> runDays(int offset, int limit) {
        return jdbc.sql("""
                        SELECT (disbursed_at AT TIME ZONE 'UTC')::date AS day, currency, count(*) AS n,
                               sum(amount_minor) FILTER (WHERE status = 'PAID') AS paid,
                               count(*) FILTER (WHERE status = 'FAILED') AS failed
                        FROM disbursement.disbursement GROUP BY 1, 2 ORDER BY 1 DESC, 2 OFFSET ? LIMIT ?""")
                .params(offset, limit)
                .query((rs, n) -> new RunDay(
                        rs.getObject(1, LocalDate.class), rs.getString(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)))
                .list();
    }

    private static Disbursement map(ResultSet rs) throws SQLException {
        var currency = CurrencyUnit.of(rs.getString("currency"));
        var failedAt = rs.getTimestamp("failed_at");
        return new Disbursement(
                rs.getString("id"),
                new LedgerAccount(
                        rs.getObject("party_id", UUID.class), AccountRole.valueOf(rs.getString("role")), currency),
                Money.ofMinor(currency, rs.getLong("amount_minor")),
                Disbursement.Status.valueOf(rs.getString("status")),
                rs.getObject("due_day", LocalDate.class),
                rs.getString("retry_of"),
                rs.getInt("seq"),
                new LedgerMark(rs.getString("ledger_mark")),
                rs.getString("bank_account"),
                rs.getTimestamp("disbursed_at").toInstant(),
                rs.getString("started_by"),
                rs.getString("node"),
                failedAt == null ? null : failedAt.toInstant(),
                rs.getString("failed_by"),
                rs.getString("failure_reason"),
                rs.getString("retried_by"));
    }
}
