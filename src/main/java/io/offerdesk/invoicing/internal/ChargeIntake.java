package io.offerdesk.invoicing.internal;

import io.offerdesk.agreements.ChargeTiming;
import io.offerdesk.agreements.events.AgreementChargeDue;
import io.offerdesk.agreements.events.AgreementPurchaseOrdersUpdated;
import io.offerdesk.agreements.events.ChargeLine;
import java.sql.Timestamp;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Takes a charge that fell due into invoicing, synchronously in the transaction that made it due (ADR 0014): the
 * charge and its intake commit together, so a due charge is never missed, a cancelled one never billed, and the
 * charges that fall due together (a bundle's, a day's installments) are all waiting when the next run looks. A charge
 * of zero is taken in as never to be invoiced: it would take an invoice number and bill nothing.
 */
@Component
class ChargeIntake {

    private final JdbcClient jdbc;

    ChargeIntake(JdbcClient jdbc) {
        this.jdbc = jdbc;
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
                .param("account", due.acceptorAccountId())
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
