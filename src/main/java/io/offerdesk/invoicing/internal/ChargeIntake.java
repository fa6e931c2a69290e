package io.offerdesk.invoicing.internal;

import io.offerdesk.agreements.ChargeTiming;
import io.offerdesk.agreements.events.AgreementChargeDue;
import io.offerdesk.agreements.events.AgreementPurchaseOrdersUpdated;
import io.offerdesk.agreements.events.ChargeLine;
import io.offerdesk.metering.events.UsageRated;
import java.sql.Timestamp;
import java.time.ZoneOffset;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Takes a charge that fell due into invoicing, synchronously in the transaction that made it due (ADR 0014): the
 * charge and its intake commit together, so a due charge is never missed, a cancelled one never billed, and the
 * charges that fall due together (a bundle's, a day's installments) are all waiting when the next run looks. A charge
 * of zero is taken in as never to be invoiced: it would take an invoice number and bill nothing.
 */
@Component
class ChargeIntake {

    /** The timing of a usage charge, next to agreements' {@code ChargeTiming} values. */
    static final String USAGE = "USAGE";

    private final JdbcClient jdbc;
    private final JsonMapper json;

    ChargeIntake(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @EventListener
    void on(AgreementChargeDue due) {
        var line = due.charge();
        var currency = CurrencyUnit.of(line.currencyCode());
        jdbc.sql("""
                        INSERT INTO invoicing.charge (agreement_id, charge_id, revision, offer_id, product_id,
                            seller_party_id, publisher_party_id, buyer_party_id, buyer_account_id, currency,
                            amount_minor, wholesale_minor, timing, due_at, purchase_order_reference, net_payment_days,
                            not_invoiced_reason)
                        VALUES (:agreement, :charge, :revision, :offer, :product, :seller, :publisher, :buyer, :account,
                            :currency, :amount, :wholesale, :timing, :dueAt, :po, :netDays,
                            CASE WHEN :amount = 0 THEN 'ZERO_AMOUNT' END)
                        ON CONFLICT (agreement_id, charge_id) DO NOTHING
                        """)
                .param("agreement", due.agreementId())
                .param("charge", line.id())
                .param("revision", line.revision())
                .param("offer", due.offerId())
                .param("product", due.productId())
                .param("seller", due.proposerPartyId())
                .param("publisher", due.publisherPartyId())
                .param("buyer", due.acceptorPartyId())
                .param("account", due.billingAccountId())
                .param("currency", currency.getCode())
                .param("amount", Money.of(currency, line.amount()).getAmountMinorLong())
                .param(
                        "wholesale",
                        line.wholesaleAmount() == null
                                ? null
                                : Money.of(currency, line.wholesaleAmount()).getAmountMinorLong())
                .param("timing", line.timing())
                // A charge billed on acceptance (a past-due first installment too) is due when it was accepted;
                // the others at their own time, however late the schedule got to them.
                .param(
                        "dueAt",
                        Timestamp.from(
                                line.timing().equals(ChargeTiming.ON_ACCEPTANCE.name())
                                        ? due.occurredAt()
                                        : line.time()))
                .param("po", line.purchaseOrderReference())
                .param("netDays", due.netPaymentDays())
                .update();
    }

    /**
     * Usage charges of a rated billing period, in the rating's transaction: the period is marked rated only together
     * with its charges, so a rated period is never unbilled and a period is never billed twice. Each is due at the end
     * of its period (the invoice date is the day after a month's usage) and carries the allocation tags of its usage
     * to its invoice line.
     */
    @EventListener
    void on(UsageRated rated) {
        for (var line : rated.lines()) {
            var currency = CurrencyUnit.of(line.currencyCode());
            var wholesale = line.wholesaleAmount();
            jdbc.sql("""
                            INSERT INTO invoicing.charge (agreement_id, charge_id, revision, offer_id, product_id,
                                seller_party_id, publisher_party_id, buyer_party_id, buyer_account_id, currency,
                                amount_minor, wholesale_minor, timing, due_at, net_payment_days, description,
                                allocation_tags, not_invoiced_reason)
                            VALUES (:agreement, :charge, 1, :offer, :product, :seller, :publisher, :buyer, :account,
                                :currency, :amount, :wholesale, :timing, :dueAt, :netDays, :description,
                                CAST(:tags AS jsonb), CASE WHEN :amount = 0 THEN 'ZERO_AMOUNT' END)
                            ON CONFLICT (agreement_id, charge_id) DO NOTHING
                            """)
                    .param("agreement", rated.agreementId())
                    .param("charge", line.chargeId())
                    .param("offer", rated.offerId())
                    .param("product", rated.productId())
                    .param("seller", rated.sellerPartyId())
                    .param("publisher", rated.publisherPartyId())
                    .param("buyer", rated.buyerPartyId())
                    .param("account", rated.buyerAccountId())
                    .param("currency", currency.getCode())
                    .param("amount", Money.of(currency, line.amount()).getAmountMinorLong())
                    .param(
                            "wholesale",
                            wholesale == null
                                    ? null
                                    : Money.of(currency, wholesale).getAmountMinorLong())
                    .param("timing", USAGE)
                    .param("dueAt", Timestamp.from(rated.periodEnd()))
                    .param("netDays", rated.netPaymentDays())
                    .param("description", usageDescription(rated, line))
                    .param("tags", json.writeValueAsString(line.allocationTags()))
                    .update();
        }
    }

    /** What a usage charge bills, in the invoice's words (English, as the merchant of record issues it). */
    static String usageDescription(UsageRated rated, UsageRated.Line line) {
        return "Usage of %s, %d × %s %s, %s to %s"
                .formatted(
                        line.dimension(),
                        line.quantity(),
                        line.currencyCode(),
                        line.unitPrice().toPlainString(),
                        rated.periodStart().atOffset(ZoneOffset.UTC).toLocalDate(),
                        rated.periodEnd()
                                .minusMillis(1)
                                .atOffset(ZoneOffset.UTC)
                                .toLocalDate());
    }

    /**
     * A purchase order the buyer put on charges after acceptance reaches those still waiting for an invoice, in the
     * same transaction, so that every invoice issued after the update carries it. A charge already invoiced keeps its
     * invoice as issued (the run holds the charge's row lock until its invoice commits, and the update then finds it
     * invoiced); an older revision never overwrites a newer one.
     */
    @EventListener
    void on(AgreementPurchaseOrdersUpdated updated) {
        jdbc.sql("""
                        UPDATE invoicing.charge c
                        SET revision = u.revision, purchase_order_reference = u.reference
                        FROM unnest(?::varchar[], ?::int[], ?::varchar[]) AS u(charge_id, revision, reference)
                        WHERE c.agreement_id = ? AND c.charge_id = u.charge_id AND c.revision < u.revision
                          AND c.invoice_id IS NULL
                        """)
                .params(
                        updated.charges().stream().map(ChargeLine::id).toArray(String[]::new),
                        updated.charges().stream().map(ChargeLine::revision).toArray(Integer[]::new),
                        updated.charges().stream()
                                .map(ChargeLine::purchaseOrderReference)
                                .toArray(String[]::new),
                        updated.agreementId())
                .update();
    }
}
