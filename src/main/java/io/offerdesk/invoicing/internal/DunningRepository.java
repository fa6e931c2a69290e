package io.offerdesk.invoicing.internal;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Unpaid invoices on the clock: the reminders and terminations that fall due, each claimed once by a unique row, so
 * that whichever node runs them, it happens once. Every instant is the start (00:00 UTC) of an invoice's due date plus
 * an offset; invoices are walked by due date from the first that can have something due.
 */
@Repository
class DunningRepository {

    /** A reminder claimed for sending, with what it tells the buyer. */
    record Reminder(
            String invoiceId,
            int step,
            Instant dueAt,
            UUID buyerPartyId,
            String buyerAccountId,
            LocalDate dueDate,
            Money open) {}

    /** An invoice claimed for terminating its agreements. */
    record Termination(String invoiceId, UUID buyerPartyId, LocalDate dueDate, List<String> agreementIds) {}

    private static final String DUE_START = "(i.due_date::timestamp AT TIME ZONE 'UTC')";

    private final JdbcClient jdbc;

    DunningRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** When reminder {@code step} (from 1), sent {@code offset} after the start of the due date, next falls due. */
    Optional<Instant> nextReminder(Instant after, int step, Duration offset) {
        return jdbc.sql("""
                        SELECT %1$s + make_interval(secs => :secs) FROM invoicing.invoice i
                        JOIN invoicing.invoice_balance b ON b.invoice_id = i.id
                        WHERE i.invoice_type = 'INVOICE' AND i.due_date >= :from
                          AND %1$s + make_interval(secs => :secs) > :after
                          AND b.open_minor > 0
                          AND NOT EXISTS (SELECT 1 FROM invoicing.dunning_notice n
                                          WHERE n.invoice_id = i.id AND n.step >= :step)
                        ORDER BY i.due_date LIMIT 1
                        """.formatted(DUE_START))
                .param("secs", offset.toSeconds())
                .param("from", firstDueDate(after, offset))
                .param("after", Timestamp.from(after))
                .param("step", step)
                .query(Timestamp.class)
                .optional()
                .map(Timestamp::toInstant);
    }

    /**
     * Claims the reminders due at {@code now}: for each unpaid invoice the latest reminder due, unless it or a later
     * one was sent (after an outage, the buyer gets the latest reminder, not every missed one).
     *
     * @param offsets the reminders' offsets in order: step {@code k} is {@code offsets[k - 1]}
     */
    List<Reminder> claimReminders(Instant now, List<Duration> offsets, int batch) {
        return jdbc.sql("""
                        WITH due AS (
                            SELECT i.id, s.step, %1$s + make_interval(secs => s.secs) AS due_at
                            FROM invoicing.invoice i
                            JOIN invoicing.invoice_balance b ON b.invoice_id = i.id
                            CROSS JOIN LATERAL (
                                SELECT o.secs, o.step FROM unnest(:secs::bigint[]) WITH ORDINALITY AS o(secs, step)
                                WHERE %1$s + make_interval(secs => o.secs) <= :now
                                ORDER BY o.step DESC LIMIT 1) s
                            WHERE i.invoice_type = 'INVOICE' AND i.due_date <= :last AND b.open_minor > 0
                              AND NOT EXISTS (SELECT 1 FROM invoicing.dunning_notice n
                                              WHERE n.invoice_id = i.id AND n.step >= s.step)
                            ORDER BY i.due_date, i.id
                            LIMIT :batch),
                        sent AS (
                            INSERT INTO invoicing.dunning_notice (invoice_id, step, due_at, sent_at)
                            SELECT id, step, due_at, :now FROM due
                            ON CONFLICT DO NOTHING
                            RETURNING invoice_id, step, due_at)
                        SELECT sent.invoice_id, sent.step, sent.due_at, i.buyer_party_id, i.buyer_account_id,
                               i.due_date, i.currency, b.open_minor
                        FROM sent JOIN invoicing.invoice i ON i.id = sent.invoice_id
                        JOIN invoicing.invoice_balance b ON b.invoice_id = sent.invoice_id
                        ORDER BY i.due_date, i.id
                        """.formatted(DUE_START))
                .param("secs", offsets.stream().map(Duration::toSeconds).toArray(Long[]::new))
                .param("now", Timestamp.from(now))
                .param("last", lastDueDate(now, offsets.getFirst()))
                .param("batch", batch)
                .query((rs, n) -> new Reminder(
                        rs.getString("invoice_id"),
                        rs.getInt("step"),
                        rs.getTimestamp("due_at").toInstant(),
                        rs.getObject("buyer_party_id", UUID.class),
                        rs.getString("buyer_account_id"),
                        rs.getObject("due_date", LocalDate.class),
                        Money.ofMinor(CurrencyUnit.of(rs.getString("currency")), rs.getLong("open_minor"))))
                .list();
    }

    /** When the next unpaid invoice reaches the end of its grace period. */
    Optional<Instant> nextTermination(Instant after, Duration grace) {
        return jdbc.sql("""
                        SELECT %1$s + make_interval(secs => :secs) FROM invoicing.invoice i
                        JOIN invoicing.invoice_balance b ON b.invoice_id = i.id
                        WHERE i.invoice_type = 'INVOICE' AND i.due_date >= :from
                          AND %1$s + make_interval(secs => :secs) > :after
                          AND b.open_minor > 0
                          AND NOT EXISTS (SELECT 1 FROM invoicing.nonpayment_termination t WHERE t.invoice_id = i.id)
                        ORDER BY i.due_date LIMIT 1
                        """.formatted(DUE_START))
                .param("secs", grace.toSeconds())
                .param("from", firstDueDate(after, grace))
                .param("after", Timestamp.from(after))
                .query(Timestamp.class)
                .optional()
                .map(Timestamp::toInstant);
    }

    /**
     * Claims invoices still unpaid at the end of their grace period, with the agreements billed on them. Their
     * balances stay locked until the caller's transaction ends, so no payment settles one while its agreements are
     * terminated; one paid meanwhile is not claimed.
     */
    List<Termination> claimTerminations(Instant now, Duration grace, int batch) {
        return jdbc.sql("""
                        WITH due AS (
                            SELECT i.id, %1$s + make_interval(secs => :secs) AS due_at
                            FROM invoicing.invoice i
                            JOIN invoicing.invoice_balance b ON b.invoice_id = i.id
                            WHERE i.invoice_type = 'INVOICE' AND i.due_date <= :last
                              AND %1$s + make_interval(secs => :secs) <= :now
                              AND b.open_minor > 0
                              AND NOT EXISTS (SELECT 1 FROM invoicing.nonpayment_termination t
                                              WHERE t.invoice_id = i.id)
                            ORDER BY i.due_date, i.id
                            LIMIT :batch
                            FOR UPDATE OF b),
                        claimed AS (
                            INSERT INTO invoicing.nonpayment_termination (invoice_id, due_at, terminated_at)
                            SELECT id, due_at, :now FROM due
                            ON CONFLICT DO NOTHING
                            RETURNING invoice_id)
                        SELECT claimed.invoice_id, i.buyer_party_id, i.due_date,
                               ARRAY(SELECT DISTINCT l.agreement_id FROM invoicing.invoice_line l
                                     WHERE l.invoice_id = claimed.invoice_id ORDER BY l.agreement_id) AS agreements
                        FROM claimed JOIN invoicing.invoice i ON i.id = claimed.invoice_id
                        ORDER BY i.due_date, i.id
                        """.formatted(DUE_START))
                .param("secs", grace.toSeconds())
                .param("now", Timestamp.from(now))
                .param("last", lastDueDate(now, grace))
                .param("batch", batch)
                .query((rs, n) -> new Termination(
                        rs.getString("invoice_id"),
                        rs.getObject("buyer_party_id", UUID.class),
                        rs.getObject("due_date", LocalDate.class),
                        List.of((String[]) rs.getArray("agreements").getArray())))
                .list();
    }

    /** The earliest due date whose instant ({@code offset} after its start) can be after {@code after}. */
    private static LocalDate firstDueDate(Instant after, Duration offset) {
        return LocalDate.ofInstant(after.minus(offset), ZoneOffset.UTC);
    }

    /** The latest due date whose instant ({@code offset} after its start) can be at or before {@code now}. */
    private static LocalDate lastDueDate(Instant now, Duration offset) {
        return LocalDate.ofInstant(now.minus(offset), ZoneOffset.UTC);
    }
}
