package io.offerdesk.invoicing.internal;

import io.offerdesk.invoicing.AppliedCredit;
import io.offerdesk.invoicing.Payment;
import io.offerdesk.invoicing.PaymentReminder;
import io.offerdesk.invoicing.internal.domain.CollectionSplit;
import io.offerdesk.invoicing.internal.domain.InvoiceBalance;
import io.offerdesk.invoicing.internal.domain.PaymentAllocation.OpenInvoice;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Payments, what was applied to which invoice, the invoices' balances and the buyers' credit. Money moves under two
 * locks taken in one order: the buyer's credit row for the currency, then invoice balance rows (oldest invoice
 * first), so payments and credit spending of one buyer queue instead of deadlocking.
 */
@Repository
public class CollectionRepository {

    /** An invoice's balance with the invoice's due date, as status needs both. */
    public record Balance(String invoiceId, LocalDate dueDate, InvoiceBalance amounts) {}

    private static final String BALANCE = """
            SELECT b.invoice_id, i.currency, i.due_date, b.total_minor, b.paid_minor, b.credited_minor,
                   b.refunded_minor
            FROM invoicing.invoice_balance b JOIN invoicing.invoice i ON i.id = b.invoice_id
            """;

    private final JdbcClient jdbc;

    CollectionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The invoice's balance, locked until the caller's transaction ends. */
    public Optional<Balance> lockBalance(String invoiceId) {
        return jdbc.sql(BALANCE + " WHERE b.invoice_id = :id FOR UPDATE OF b")
                .param("id", invoiceId)
                .query(CollectionRepository::balance)
                .optional();
    }

    public Map<String, Balance> balances(Collection<String> invoiceIds) {
        var found = new HashMap<String, Balance>();
        if (!invoiceIds.isEmpty()) {
            jdbc.sql(BALANCE + " WHERE b.invoice_id = ANY(:ids)")
                    .param("ids", invoiceIds.toArray(String[]::new))
                    .query(CollectionRepository::balance)
                    .list()
                    .forEach(balance -> found.put(balance.invoiceId(), balance));
        }
        return found;
    }

    /** Applies money to an invoice whose balance the caller locked; settled once nothing is open. */
    public void addPaid(String invoiceId, Money amount, Instant now) {
        jdbc.sql("""
                        UPDATE invoicing.invoice_balance
                        SET paid_minor = paid_minor + :amount,
                            settled_at = CASE WHEN open_minor = :amount THEN :now ELSE settled_at END
                        WHERE invoice_id = :id
                        """)
                .param("id", invoiceId)
                .param("amount", amount.getAmountMinorLong())
                .param("now", Timestamp.from(now))
                .update();
    }

    public void insertPayment(Payment payment, UUID buyerPartyId) {
        jdbc.sql("""
                        INSERT INTO invoicing.payment (id, invoice_id, buyer_party_id, currency, amount_minor,
                            applied_minor, reference, simulated, recorded_by, received_at)
                        VALUES (:id, :invoice, :buyer, :currency, :amount, :applied, :reference, :simulated,
                            :recordedBy, :receivedAt)
                        """)
                .param("id", payment.id())
                .param("invoice", payment.invoiceId())
                .param("buyer", buyerPartyId)
                .param("currency", payment.amount().getCurrencyUnit().getCode())
                .param("amount", payment.amount().getAmountMinorLong())
                .param("applied", payment.applied().getAmountMinorLong())
                .param("reference", payment.reference())
                .param("simulated", payment.simulated())
                .param("recordedBy", payment.recordedBy())
                .param("receivedAt", Timestamp.from(payment.receivedAt()))
                .update();
    }

    /** Records money applied to an invoice: part of a payment, or (without one) of the buyer's credit. */
    /** The application's split per invoice line and payee (ADR 0022). */
    void insertShares(String applicationId, String invoiceId, List<CollectionSplit.LineShare> shares, Instant at) {
        for (var share : shares) {
            jdbc.sql("""
                            INSERT INTO invoicing.collection_share (application_id, invoice_id, line_no, payee_role,
                                payee_party_id, currency, share_minor, fee_minor, fee_rate, applied_at)
                            VALUES (:application, :invoice, :line, :role, :payee, :currency, :share, :fee, :rate, :at)
                            """)
                    .param("application", applicationId)
                    .param("invoice", invoiceId)
                    .param("line", share.lineNo())
                    .param("role", share.payee().role().name())
                    .param("payee", share.payee().partyId())
                    .param("currency", share.share().getCurrencyUnit().getCode())
                    .param("share", share.share().getAmountMinorLong())
                    .param("fee", share.fee().getAmountMinorLong())
                    .param("rate", share.feeRatePercent())
                    .param("at", Timestamp.from(at))
                    .update();
        }
    }

    public void insertApplication(
            String id, String invoiceId, @Nullable String paymentId, Money amount, Instant appliedAt) {
        jdbc.sql("""
                        INSERT INTO invoicing.payment_application (id, invoice_id, payment_id, currency, amount_minor,
                            applied_at)
                        VALUES (:id, :invoice, :payment, :currency, :amount, :appliedAt)
                        """)
                .param("id", id)
                .param("invoice", invoiceId)
                .param("payment", paymentId)
                .param("currency", amount.getCurrencyUnit().getCode())
                .param("amount", amount.getAmountMinorLong())
                .param("appliedAt", Timestamp.from(appliedAt))
                .update();
    }

    public List<Payment> payments(String invoiceId) {
        return jdbc.sql("""
                        SELECT id, invoice_id, currency, amount_minor, applied_minor, reference, simulated, recorded_by,
                               received_at
                        FROM invoicing.payment WHERE invoice_id = :id ORDER BY received_at, id
                        """)
                .param("id", invoiceId)
                .query((rs, n) -> {
                    var currency = CurrencyUnit.of(rs.getString("currency"));
                    return new Payment(
                            rs.getString("id"),
                            rs.getString("invoice_id"),
                            Money.ofMinor(currency, rs.getLong("amount_minor")),
                            Money.ofMinor(currency, rs.getLong("applied_minor")),
                            rs.getString("reference"),
                            rs.getBoolean("simulated"),
                            rs.getString("recorded_by"),
                            rs.getTimestamp("received_at").toInstant());
                })
                .list();
    }

    /** The buyer's credit that paid the invoice, application by application. */
    public List<AppliedCredit> creditsApplied(String invoiceId) {
        return jdbc.sql("""
                        SELECT id, invoice_id, currency, amount_minor, applied_at FROM invoicing.payment_application
                        WHERE invoice_id = :id AND payment_id IS NULL ORDER BY applied_at, id
                        """)
                .param("id", invoiceId)
                .query((rs, n) -> new AppliedCredit(
                        rs.getString("id"),
                        rs.getString("invoice_id"),
                        Money.ofMinor(CurrencyUnit.of(rs.getString("currency")), rs.getLong("amount_minor")),
                        rs.getTimestamp("applied_at").toInstant()))
                .list();
    }

    public List<PaymentReminder> reminders(String invoiceId) {
        return jdbc.sql("""
                        SELECT invoice_id, step, due_at, sent_at FROM invoicing.dunning_notice
                        WHERE invoice_id = :id ORDER BY step
                        """)
                .param("id", invoiceId)
                .query((rs, n) -> new PaymentReminder(
                        rs.getString("invoice_id"),
                        rs.getInt("step"),
                        rs.getTimestamp("due_at").toInstant(),
                        rs.getTimestamp("sent_at").toInstant()))
                .list();
    }

    /**
     * The buyer's credit in the currency, locked until the caller's transaction ends; the row is made (empty) on first
     * use so that there is always one to lock.
     */
    public Money lockCredit(UUID buyerPartyId, CurrencyUnit currency) {
        jdbc.sql("""
                        INSERT INTO invoicing.buyer_credit (buyer_party_id, currency, available_minor)
                        VALUES (:buyer, :currency, 0) ON CONFLICT DO NOTHING
                        """)
                .param("buyer", buyerPartyId)
                .param("currency", currency.getCode())
                .update();
        long available = jdbc.sql("""
                        SELECT available_minor FROM invoicing.buyer_credit
                        WHERE buyer_party_id = :buyer AND currency = :currency FOR UPDATE
                        """)
                .param("buyer", buyerPartyId)
                .param("currency", currency.getCode())
                .query(Long.class)
                .single();
        return Money.ofMinor(currency, available);
    }

    /** Adds to (or, negative, takes from) the buyer's credit, whose row the caller locked. */
    public void changeCredit(UUID buyerPartyId, Money change) {
        jdbc.sql("""
                        UPDATE invoicing.buyer_credit SET available_minor = available_minor + :change
                        WHERE buyer_party_id = :buyer AND currency = :currency
                        """)
                .param("buyer", buyerPartyId)
                .param("currency", change.getCurrencyUnit().getCode())
                .param("change", change.getAmountMinorLong())
                .update();
    }

    /** The buyer's credit in every currency it has any. */
    public List<Money> credits(UUID buyerPartyId) {
        return jdbc.sql("""
                        SELECT currency, available_minor FROM invoicing.buyer_credit
                        WHERE buyer_party_id = :buyer AND available_minor > 0 ORDER BY currency
                        """)
                .param("buyer", buyerPartyId)
                .query((rs, n) -> Money.ofMinor(CurrencyUnit.of(rs.getString(1)), rs.getLong(2)))
                .list();
    }

    /** A buyer and a currency. */
    public record BuyerCurrency(UUID buyerPartyId, CurrencyUnit currency) {}

    /** Which of the buyers have credit in the currency: one indexed look-up for a whole batch of invoices. */
    public List<BuyerCurrency> withCredit(Collection<BuyerCurrency> candidates) {
        if (candidates.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        SELECT c.buyer_party_id, c.currency FROM invoicing.buyer_credit c
                        JOIN unnest(:buyers::uuid[], :currencies::char(3)[]) AS k(buyer, currency)
                          ON c.buyer_party_id = k.buyer AND c.currency = k.currency
                        WHERE c.available_minor > 0
                        ORDER BY c.buyer_party_id, c.currency
                        """)
                .param(
                        "buyers",
                        candidates.stream().map(BuyerCurrency::buyerPartyId).toArray(UUID[]::new))
                .param(
                        "currencies",
                        candidates.stream().map(c -> c.currency().getCode()).toArray(String[]::new))
                .query((rs, n) -> new BuyerCurrency(rs.getObject(1, UUID.class), CurrencyUnit.of(rs.getString(2))))
                .list();
    }

    /** The buyer's invoices in the currency with money open, oldest first. */
    public List<OpenInvoice> openInvoices(UUID buyerPartyId, CurrencyUnit currency) {
        return jdbc.sql("""
                        SELECT b.invoice_id, b.open_minor FROM invoicing.invoice i
                        JOIN invoicing.invoice_balance b ON b.invoice_id = i.id
                        WHERE i.buyer_party_id = :buyer AND i.currency = :currency AND i.invoice_type = 'INVOICE'
                          AND b.open_minor > 0
                        ORDER BY i.invoice_date, i.issued_at, i.id
                        """)
                .param("buyer", buyerPartyId)
                .param("currency", currency.getCode())
                .query((rs, n) -> new OpenInvoice(rs.getString(1), Money.ofMinor(currency, rs.getLong(2))))
                .list();
    }

    private static Balance balance(ResultSet rs, int row) throws SQLException {
        var currency = CurrencyUnit.of(rs.getString("currency"));
        return new Balance(
                rs.getString("invoice_id"),
                rs.getObject("due_date", LocalDate.class),
                new InvoiceBalance(
                        Money.ofMinor(currency, rs.getLong("total_minor")),
                        Money.ofMinor(currency, rs.getLong("paid_minor")),
                        Money.ofMinor(currency, rs.getLong("credited_minor")),
                        Money.ofMinor(currency, rs.getLong("refunded_minor"))));
    }
}
