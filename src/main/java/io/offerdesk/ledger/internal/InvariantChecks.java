package io.offerdesk.ledger.internal;

import io.offerdesk.ledger.InvariantCheck;
import io.offerdesk.ledger.InvariantCheck.CurrencyTotal;
import io.offerdesk.ledger.InvariantCheck.Trigger;
import io.offerdesk.ledger.InvariantViolation;
import io.offerdesk.ledger.InvariantViolation.Kind;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The SQL of balance checkpoints and of the invariant check. The check's queries must run in one REPEATABLE READ
 * transaction, so that they all see the same journal.
 */
@Repository
public class InvariantChecks {

    /** Any number that is the ledger's own: only one node runs the daily job at a time. */
    private static final long DAILY_LOCK = 0x1ED6E2L;

    /**
     * Appends a checkpoint for every account that moved since its last one. The line it draws is the oldest
     * transaction still running: every posting of an older transaction is final, and every posting still to come
     * belongs to that one or to a newer one, so it lands after the line.
     */
    private static final String TAKE_CHECKPOINTS = """
            INSERT INTO ledger.balance_checkpoint (account_id, up_to_xact_id, debits_minor, credits_minor, taken_at)
            SELECT a.id, h.horizon, coalesce(k.debits_minor, 0) + d.moved, coalesce(k.credits_minor, 0) + c.moved,
                   :takenAt
            FROM (SELECT pg_snapshot_xmin(pg_current_snapshot()) AS horizon) h
            CROSS JOIN ledger.account a
            """ + DerivedBalance.LATEST_CHECKPOINT + """
            CROSS JOIN LATERAL (
                SELECT coalesce(sum(p.amount_minor), 0) AS moved, count(*) AS legs FROM ledger.posting p
                WHERE p.debit_account_id = a.id AND p.xact_id >= coalesce(k.up_to_xact_id, '0'::xid8)
                  AND p.xact_id < h.horizon
            ) d
            CROSS JOIN LATERAL (
                SELECT coalesce(sum(p.amount_minor), 0) AS moved, count(*) AS legs FROM ledger.posting p
                WHERE p.credit_account_id = a.id AND p.xact_id >= coalesce(k.up_to_xact_id, '0'::xid8)
                  AND p.xact_id < h.horizon
            ) c
            WHERE d.legs + c.legs > 0
            """;

    private static final String COUNTS = """
            SELECT (SELECT count(*) FROM ledger.journal_entry) AS entries,
                   (SELECT max(id) FROM ledger.journal_entry) AS last_entry_id,
                   (SELECT count(*) FROM ledger.posting) AS postings,
                   (SELECT count(*) FROM ledger.account) AS accounts,
                   (SELECT count(*) FROM ledger.balance_checkpoint) AS checkpoints
            """;

    /**
     * Debits and credits per entry and currency, each leg counted in its account's currency: a posting between
     * accounts of two currencies unbalances both. Then the totals per currency (rows without an entry), and the
     * first unbalanced entries with their number.
     */
    private static final String BALANCES = """
            WITH leg AS (
                SELECT p.entry_id, d.currency, p.amount_minor AS debit, 0::bigint AS credit
                FROM ledger.posting p JOIN ledger.account d ON d.id = p.debit_account_id
                UNION ALL
                SELECT p.entry_id, c.currency, 0::bigint, p.amount_minor
                FROM ledger.posting p JOIN ledger.account c ON c.id = p.credit_account_id
            ), per_entry AS (
                SELECT entry_id, currency, sum(debit) AS debits, sum(credit) AS credits
                FROM leg GROUP BY entry_id, currency
            )
            SELECT NULL::varchar AS entry_key, currency, sum(debits) AS debits, sum(credits) AS credits, 0 AS found
            FROM per_entry GROUP BY currency
            UNION ALL
            SELECT * FROM (
                SELECT e.idempotency_key, u.currency, u.debits, u.credits, count(*) OVER ()
                FROM per_entry u JOIN ledger.journal_entry e ON e.id = u.entry_id
                WHERE u.debits <> u.credits
                ORDER BY u.entry_id, u.currency LIMIT :kept
            ) unbalanced
            """;

    private static final String CURRENCY_MISMATCHES = """
            SELECT e.idempotency_key, p.leg, p.currency, d.currency AS debit_currency, c.currency AS credit_currency,
                   CASE WHEN d.currency <> p.currency
                        THEN d.role || '/' || d.owner_party_id || '/' || d.currency
                        ELSE c.role || '/' || c.owner_party_id || '/' || c.currency END AS account,
                   count(*) OVER () AS found
            FROM ledger.posting p
            JOIN ledger.account d ON d.id = p.debit_account_id
            JOIN ledger.account c ON c.id = p.credit_account_id
            JOIN ledger.journal_entry e ON e.id = p.entry_id
            WHERE p.currency <> d.currency OR p.currency <> c.currency
            ORDER BY p.entry_id, p.leg LIMIT :kept
            """;

    /** A reversal mirrors its original leg by leg: accounts swapped, the same currency and amount. */
    private static final String REVERSAL_MISMATCHES = """
            SELECT r.idempotency_key, o.idempotency_key AS original_key, count(*) OVER () AS found
            FROM ledger.journal_entry r JOIN ledger.journal_entry o ON o.id = r.reverses_entry_id
            WHERE EXISTS (
                SELECT 1
                FROM (SELECT * FROM ledger.posting WHERE entry_id = r.id) rp
                FULL JOIN (SELECT * FROM ledger.posting WHERE entry_id = o.id) op ON op.leg = rp.leg
                WHERE rp.leg IS NULL OR op.leg IS NULL
                   OR rp.debit_account_id <> op.credit_account_id OR rp.credit_account_id <> op.debit_account_id
                   OR rp.currency <> op.currency OR rp.amount_minor <> op.amount_minor)
            ORDER BY r.id LIMIT :kept
            """;

    private static final String EMPTY_ENTRIES = """
            SELECT e.idempotency_key, count(*) OVER () AS found
            FROM ledger.journal_entry e
            WHERE NOT EXISTS (SELECT 1 FROM ledger.posting p WHERE p.entry_id = e.id)
            ORDER BY e.id LIMIT :kept
            """;

    /** The rows that foreign keys would have refused: the posting path has none (see the migration). */
    private static final String DANGLING_REFERENCES = """
            SELECT entry_key, facts, count(*) OVER () AS found FROM (
                SELECT p.entry_id AS sort_id, p.leg AS sort_leg, e.idempotency_key AS entry_key,
                       'leg ' || p.leg || ' of entry ' || p.entry_id || ' names'
                       || CASE WHEN e.id IS NULL THEN ' a missing entry' ELSE '' END
                       || CASE WHEN d.id IS NULL THEN ' a missing debit account ' || p.debit_account_id ELSE '' END
                       || CASE WHEN c.id IS NULL THEN ' a missing credit account ' || p.credit_account_id ELSE '' END
                       AS facts
                FROM ledger.posting p
                LEFT JOIN ledger.journal_entry e ON e.id = p.entry_id
                LEFT JOIN ledger.account d ON d.id = p.debit_account_id
                LEFT JOIN ledger.account c ON c.id = p.credit_account_id
                WHERE e.id IS NULL OR d.id IS NULL OR c.id IS NULL
                UNION ALL
                SELECT r.id, -1, r.idempotency_key, 'reverses entry ' || r.reverses_entry_id || ', which is missing'
                FROM ledger.journal_entry r
                WHERE r.reverses_entry_id IS NOT NULL
                  AND NOT EXISTS (SELECT 1 FROM ledger.journal_entry o WHERE o.id = r.reverses_entry_id)
            ) dangling
            ORDER BY sort_id, sort_leg LIMIT :kept
            """;

    /** Every account's balance as read, next to the sums of all its postings. */
    private static final String DERIVED_MISMATCHES =
            """
            WITH moved AS (
                SELECT account_id, sum(debit) AS debits, sum(credit) AS credits FROM (
                    SELECT debit_account_id AS account_id, amount_minor AS debit, 0::bigint AS credit
                    FROM ledger.posting
                    UNION ALL
                    SELECT credit_account_id, 0::bigint, amount_minor FROM ledger.posting
                ) m GROUP BY account_id
            )
            SELECT *, count(*) OVER () AS found FROM (
                SELECT a.id, a.role || '/' || a.owner_party_id || '/' || a.currency AS account, a.currency,
            """ + DerivedBalance.COLUMNS + """
                       , coalesce(moved.debits, 0) AS all_debits, coalesce(moved.credits, 0) AS all_credits
                FROM ledger.account a
            """ + DerivedBalance.LATEST_CHECKPOINT + """
                LEFT JOIN moved ON moved.account_id = a.id
            ) b
            WHERE b.debits_minor <> b.all_debits OR b.credits_minor <> b.all_credits
            ORDER BY b.id LIMIT :kept
            """;

    private static final String INSERT_CHECK = """
            INSERT INTO ledger.invariant_check (checked_at, triggered_by, scheduled_day, last_entry_id, entries,
                postings, accounts, checkpoints, violations, elapsed_ms)
            VALUES (:checkedAt, :trigger, :day, :lastEntryId, :entries, :postings, :accounts, :checkpoints,
                :violations, :elapsedMs)
            RETURNING id
            """;

    private static final String INSERT_TOTALS = """
            INSERT INTO ledger.invariant_total (check_id, currency, debits_minor, credits_minor)
            SELECT ?, * FROM unnest(?::char(3)[], ?::bigint[], ?::bigint[])
            """;

    private static final String INSERT_VIOLATIONS = """
            INSERT INTO ledger.invariant_violation (check_id, position, kind, entry_key, account, currency, facts)
            SELECT ?, * FROM unnest(?::int[], ?::varchar[], ?::varchar[], ?::varchar[], ?::char(3)[], ?::varchar[])
            """;

    private static final String LAST_CHECK = """
            SELECT * FROM ledger.invariant_check ORDER BY id DESC LIMIT 1
            """;

    private static final String LAST_SCHEDULED = """
            SELECT scheduled_day, last_entry_id FROM ledger.invariant_check
            WHERE scheduled_day IS NOT NULL ORDER BY scheduled_day DESC LIMIT 1
            """;

    private final JdbcClient jdbc;
    /**
     * The statement timeout of a check's transaction. The check and the checkpoints read the whole journal, which
     * outlasts the timeout every connection has (ADR 0054) once the ledger is large; this is the same setting as the
     * platform's long statements, set here because the ledger depends on no module.
     */
    private final String wholeJournalTimeout;

    InvariantChecks(
            JdbcClient jdbc, @Value("${offerdesk.db.long-statement-timeout:10min}") String wholeJournalTimeout) {
        this.jdbc = jdbc;
        this.wholeJournalTimeout = wholeJournalTimeout;
    }

    /** For the rest of this transaction only ({@code SET LOCAL}): the connection goes back to the pool as it was. */
    private void allowWholeJournalReads() {
        jdbc.sql("SELECT set_config('statement_timeout', :timeout, true)")
                .param("timeout", wholeJournalTimeout)
                .query(String.class)
                .single();
    }

    /** Whether this transaction may run the daily job; false while another node runs it. */
    public boolean claimDailyRun() {
        return Boolean.TRUE.equals(jdbc.sql("SELECT pg_try_advisory_xact_lock(?)")
                .param(DAILY_LOCK)
                .query(Boolean.class)
                .single());
    }

    /** The day of the latest scheduled check and the newest entry it saw. */
    public record LastScheduled(LocalDate day, @Nullable Long lastEntryId) {}

    public Optional<LastScheduled> lastScheduled() {
        return jdbc.sql(LAST_SCHEDULED)
                .query((rs, n) -> new LastScheduled(
                        rs.getObject("scheduled_day", LocalDate.class), rs.getObject("last_entry_id", Long.class)))
                .optional();
    }

    /** Whether an entry newer than {@code entryId} (or any entry, for null) was posted. */
    public boolean postedAfter(@Nullable Long entryId) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM ledger.journal_entry WHERE id > ?)")
                .param(entryId == null ? 0L : entryId)
                .query(Boolean.class)
                .single();
    }

    /** @return how many accounts got a checkpoint */
    public int takeCheckpoints(Instant takenAt) {
        allowWholeJournalReads();
        return jdbc.sql(TAKE_CHECKPOINTS)
                .param("takenAt", Timestamp.from(takenAt))
                .update();
    }

    /**
     * Runs every check over this transaction's snapshot and stores what it found.
     *
     * @param startedNanos {@link System#nanoTime()} when the run began, for the elapsed time
     */
    public InvariantCheck run(Instant checkedAt, Trigger trigger, long startedNanos) {
        allowWholeJournalReads();
        var counts = jdbc.sql(COUNTS)
                .query((rs, n) -> new Counts(
                        rs.getLong("entries"),
                        rs.getObject("last_entry_id", Long.class),
                        rs.getLong("postings"),
                        rs.getLong("accounts"),
                        rs.getLong("checkpoints")))
                .single();
        var totals = new ArrayList<CurrencyTotal>();
        var violations = new ArrayList<InvariantViolation>();
        long found = 0;
        var unbalanced = new Found();
        jdbc.sql(BALANCES).param("kept", InvariantCheck.KEPT_PER_KIND).query(rs -> {
            var currency = rs.getString("currency");
            var debits = rs.getLong("debits");
            var credits = rs.getLong("credits");
            var key = rs.getString("entry_key");
            if (key == null) {
                totals.add(new CurrencyTotal(currency, debits, credits));
            } else {
                unbalanced.add(
                        rs,
                        new InvariantViolation(
                                Kind.UNBALANCED_ENTRY, key, null, currency, balanceFacts(debits, credits)));
            }
        });
        for (var total : totals) {
            if (!total.balanced()) {
                found++;
                violations.add(new InvariantViolation(
                        Kind.UNBALANCED_CURRENCY,
                        null,
                        null,
                        total.currency(),
                        balanceFacts(total.debitsMinor(), total.creditsMinor())));
            }
        }
        found += unbalanced.keepInto(violations);
        found += query(
                CURRENCY_MISMATCHES,
                violations,
                rs -> new InvariantViolation(
                        Kind.CURRENCY_MISMATCH,
                        rs.getString("idempotency_key"),
                        rs.getString("account"),
                        rs.getString("currency"),
                        "leg %d in %s: debit account in %s, credit account in %s"
                                .formatted(
                                        rs.getInt("leg"),
                                        rs.getString("currency"),
                                        rs.getString("debit_currency"),
                                        rs.getString("credit_currency"))));
        found += query(
                REVERSAL_MISMATCHES,
                violations,
                rs -> new InvariantViolation(
                        Kind.REVERSAL_MISMATCH,
                        rs.getString("idempotency_key"),
                        null,
                        null,
                        "does not mirror " + rs.getString("original_key")));
        found += query(
                EMPTY_ENTRIES,
                violations,
                rs -> new InvariantViolation(
                        Kind.EMPTY_ENTRY, rs.getString("idempotency_key"), null, null, "no postings"));
        found += query(
                DANGLING_REFERENCES,
                violations,
                rs -> new InvariantViolation(
                        Kind.DANGLING_REFERENCE, rs.getString("entry_key"), null, null, rs.getString("facts")));
        found += query(
                DERIVED_MISMATCHES,
                violations,
                rs -> new InvariantViolation(
                        Kind.DERIVED_BALANCE_MISMATCH,
                        null,
                        rs.getString("account"),
                        rs.getString("currency"),
                        "read debits %d, credits %d; all postings debits %d, credits %d"
                                .formatted(
                                        rs.getLong("debits_minor"),
                                        rs.getLong("credits_minor"),
                                        rs.getLong("all_debits"),
                                        rs.getLong("all_credits"))));
        var elapsed = Duration.ofNanos(System.nanoTime() - startedNanos);
        var id = jdbc.sql(INSERT_CHECK)
                .param("checkedAt", Timestamp.from(checkedAt))
                .param("trigger", trigger.name())
                .param(
                        "day",
                        trigger == Trigger.SCHEDULED
                                ? checkedAt.atOffset(ZoneOffset.UTC).toLocalDate()
                                : null)
                .param("lastEntryId", counts.lastEntryId())
                .param("entries", counts.entries())
                .param("postings", counts.postings())
                .param("accounts", counts.accounts())
                .param("checkpoints", counts.checkpoints())
                .param("violations", found)
                .param("elapsedMs", elapsed.toMillis())
                .query(Long.class)
                .single();
        storeDetails(id, totals, violations);
        return new InvariantCheck(
                id,
                checkedAt,
                trigger,
                counts.lastEntryId(),
                counts.entries(),
                counts.postings(),
                counts.accounts(),
                counts.checkpoints(),
                found,
                elapsed,
                totals,
                violations);
    }

    public Optional<InvariantCheck> last() {
        return jdbc.sql(LAST_CHECK).query((rs, n) -> readCheck(rs)).optional().map(this::withDetails);
    }

    private void storeDetails(long checkId, List<CurrencyTotal> totals, List<InvariantViolation> violations) {
        if (!totals.isEmpty()) {
            jdbc.sql(INSERT_TOTALS)
                    .params(
                            checkId,
                            totals.stream().map(CurrencyTotal::currency).toArray(String[]::new),
                            totals.stream().map(CurrencyTotal::debitsMinor).toArray(Long[]::new),
                            totals.stream().map(CurrencyTotal::creditsMinor).toArray(Long[]::new))
                    .update();
        }
        if (!violations.isEmpty()) {
            var positions = new Integer[violations.size()];
            for (int i = 0; i < positions.length; i++) {
                positions[i] = i;
            }
            jdbc.sql(INSERT_VIOLATIONS)
                    .params(
                            checkId,
                            positions,
                            violations.stream().map(v -> v.kind().name()).toArray(String[]::new),
                            violations.stream()
                                    .map(InvariantViolation::entryKey)
                                    .toArray(String[]::new),
                            violations.stream().map(InvariantViolation::account).toArray(String[]::new),
                            violations.stream()
                                    .map(InvariantViolation::currency)
                                    .toArray(String[]::new),
                            violations.stream().map(InvariantViolation::facts).toArray(String[]::new))
                    .update();
        }
    }

    private InvariantCheck withDetails(InvariantCheck check) {
        var totals = jdbc.sql("""
                        SELECT currency, debits_minor, credits_minor FROM ledger.invariant_total
                        WHERE check_id = ? ORDER BY currency
                        """)
                .param(check.id())
                .query((rs, n) -> new CurrencyTotal(
                        rs.getString("currency"), rs.getLong("debits_minor"), rs.getLong("credits_minor")))
                .list();
        var violations = jdbc.sql("""
                        SELECT kind, entry_key, account, currency, facts FROM ledger.invariant_violation
                        WHERE check_id = ? ORDER BY position
                        """)
                .param(check.id())
                .query((rs, n) -> new InvariantViolation(
                        Kind.valueOf(rs.getString("kind")),
                        rs.getString("entry_key"),
                        rs.getString("account"),
                        rs.getString("currency"),
                        rs.getString("facts")))
                .list();
        return new InvariantCheck(
                check.id(),
                check.checkedAt(),
                check.trigger(),
                check.lastEntryId(),
                check.entries(),
                check.postings(),
                check.accounts(),
                check.checkpoints(),
                check.violationCount(),
                check.elapsed(),
                totals,
                violations);
    }

    private static InvariantCheck readCheck(ResultSet rs) throws SQLException {
        return new InvariantCheck(
                rs.getLong("id"),
                rs.getTimestamp("checked_at").toInstant(),
                Trigger.valueOf(rs.getString("triggered_by")),
                rs.getObject("last_entry_id", Long.class),
                rs.getLong("entries"),
                rs.getLong("postings"),
                rs.getLong("accounts"),
                rs.getLong("checkpoints"),
                rs.getLong("violations"),
                Duration.ofMillis(rs.getLong("elapsed_ms")),
                List.of(),
                List.of());
    }

    private record Counts(long entries, @Nullable Long lastEntryId, long postings, long accounts, long checkpoints) {}

    private static String balanceFacts(long debits, long credits) {
        return "debits %d ≠ credits %d".formatted(debits, credits);
    }

    /** Reads one kind's first violations into {@code violations}; returns how many of that kind there are. */
    private long query(String sql, List<InvariantViolation> violations, ViolationRow row) {
        var kind = new Found();
        jdbc.sql(sql).param("kept", InvariantCheck.KEPT_PER_KIND).query(rs -> {
            kind.add(rs, row.read(rs));
        });
        return kind.keepInto(violations);
    }

    @FunctionalInterface
    private interface ViolationRow {
        InvariantViolation read(ResultSet rs) throws SQLException;
    }

    /** The first violations of one kind and how many there are in all (the query's {@code found} column). */
    private static final class Found {
        private final List<InvariantViolation> first = new ArrayList<>();
        private long count;

        void add(ResultSet rs, InvariantViolation violation) throws SQLException {
            first.add(violation);
            count = rs.getLong("found");
        }

        long keepInto(List<InvariantViolation> violations) {
            violations.addAll(first);
            return count;
        }
    }
}
