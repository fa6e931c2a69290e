package io.offerdesk.notifications.internal.webhooks;

import io.offerdesk.agreements.events.AgreementAccepted;
import io.offerdesk.agreements.events.AgreementEnded;
import io.offerdesk.disbursement.events.DisbursementFailed;
import io.offerdesk.disbursement.events.DisbursementPaid;
import io.offerdesk.invoicing.Invoices;
import io.offerdesk.invoicing.events.InvoicePaid;
import io.offerdesk.invoicing.events.InvoicesIssued;
import io.offerdesk.offers.events.OfferExpired;
import io.offerdesk.offers.events.OfferReleased;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.joda.money.Money;
import org.jspecify.annotations.Nullable;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Turns the events of the event catalog into webhook deliveries for the parties they belong to: an offer's seller,
 * both sides of an agreement and of an invoice, a disbursement's payee. Fed by the event outbox, and queueing in the
 * listener's transaction, so an event whose deliveries were not queued stays incomplete and is published again.
 * The payload names only what the receiving party may already read.
 */
@Component
class WebhookOutbox {

    private final Webhooks webhooks;
    private final Invoices invoices;

    WebhookOutbox(Webhooks webhooks, Invoices invoices) {
        this.webhooks = webhooks;
        this.invoices = invoices;
    }

    @ApplicationModuleListener
    void on(OfferReleased released) {
        var data = data();
        data.put("offerId", released.offerId());
        data.put("productId", released.productId());
        data.put("buyerAccounts", released.buyerAccounts());
        data.put("expiresAt", text(released.expiresAt()));
        webhooks.queue(
                released.sellerPartyId(),
                WebhookEventType.OFFER_RELEASED,
                released.offerId(),
                released.occurredAt(),
                data);
    }

    @ApplicationModuleListener
    void on(OfferExpired expired) {
        var data = data();
        data.put("offerId", expired.offerId());
        data.put("productId", expired.productId());
        data.put("expiredAt", expired.expiredAt().toString());
        webhooks.queue(
                expired.sellerPartyId(), WebhookEventType.OFFER_EXPIRED, expired.offerId(), expired.occurredAt(), data);
    }

    @ApplicationModuleListener
    void on(AgreementAccepted accepted) {
        var data = data();
        data.put("agreementId", accepted.agreementId());
        data.put("offerId", accepted.offerId());
        data.put("productId", accepted.productId());
        data.put("proposerAccountId", accepted.proposerAccountId());
        data.put("acceptorAccountId", accepted.acceptorAccountId());
        data.put("startTime", accepted.startTime().toString());
        data.put("endTime", text(accepted.endTime()));
        data.put("currencyCode", accepted.currencyCode());
        data.put("agreementValue", accepted.agreementValue().toPlainString());
        data.put("replacedAgreementId", accepted.replacedAgreementId());
        data.put("renewedAgreementId", accepted.renewedAgreementId());
        webhooks.queue(bothSides(
                accepted.proposerPartyId(),
                accepted.acceptorPartyId(),
                WebhookEventType.AGREEMENT_ACCEPTED,
                accepted.agreementId(),
                accepted.occurredAt(),
                data));
    }

    @ApplicationModuleListener
    void on(AgreementEnded ended) {
        var data = data();
        data.put("agreementId", ended.agreementId());
        data.put("status", ended.status());
        data.put("successorAgreementId", ended.successorAgreementId());
        webhooks.queue(bothSides(
                ended.proposerPartyId(),
                ended.acceptorPartyId(),
                WebhookEventType.AGREEMENT_ENDED,
                ended.agreementId(),
                ended.occurredAt(),
                data));
    }

    /**
     * All the batch's invoices in one queueing: an invoicing run's batch brings thousands (ADR 0047). Only the invoices
     * of parties with a subscribed endpoint are read: the event names the invoices and their parties only (ADR 0014,
     * amendment).
     */
    @ApplicationModuleListener
    void on(InvoicesIssued issued) {
        var parties = new HashSet<UUID>();
        issued.invoices().forEach(invoice -> {
            parties.add(invoice.buyerPartyId());
            parties.add(invoice.sellerPartyId());
        });
        var subscribed = webhooks.subscribed(parties, WebhookEventType.INVOICE_ISSUED);
        var wanted = issued.invoices().stream()
                .filter(invoice ->
                        subscribed.contains(invoice.buyerPartyId()) || subscribed.contains(invoice.sellerPartyId()))
                .map(InvoicesIssued.Issued::invoiceId)
                .toList();
        if (wanted.isEmpty()) {
            return;
        }
        var events = new ArrayList<Webhooks.Event>();
        for (var invoice : invoices.invoicesOf(wanted)) {
            var data = data();
            data.put("invoiceId", invoice.id());
            data.put("number", invoice.number());
            data.put("buyerAccountId", invoice.buyerAccountId());
            data.put("currencyCode", invoice.total().getCurrencyUnit().getCode());
            data.put("subtotal", invoice.subtotal().getAmount().toPlainString());
            data.put("tax", invoice.tax().getAmount().toPlainString());
            data.put("total", invoice.total().getAmount().toPlainString());
            data.put("invoiceDate", invoice.invoiceDate().toString());
            data.put("dueDate", invoice.dueDate().toString());
            data.put("agreementIds", invoice.agreementIds());
            events.addAll(bothSides(
                    invoice.sellerPartyId(),
                    invoice.buyerPartyId(),
                    WebhookEventType.INVOICE_ISSUED,
                    invoice.id(),
                    issued.occurredAt(),
                    data));
        }
        webhooks.queue(events);
    }

    @ApplicationModuleListener
    void on(InvoicePaid paid) {
        var data = data();
        data.put("invoiceId", paid.invoiceId());
        data.put("currencyCode", paid.currencyCode());
        data.put("total", paid.total().toPlainString());
        webhooks.queue(bothSides(
                paid.sellerPartyId(),
                paid.buyerPartyId(),
                WebhookEventType.INVOICE_PAID,
                paid.invoiceId(),
                paid.occurredAt(),
                data));
    }

    @ApplicationModuleListener
    void on(DisbursementPaid paid) {
        var data = data();
        data.put("disbursementId", paid.disbursementId());
        data.put("payableRole", paid.payableRole());
        money(data, paid.amount());
        data.put("retryOf", paid.retryOf());
        webhooks.queue(
                paid.payeePartyId(),
                WebhookEventType.DISBURSEMENT_PAID,
                paid.disbursementId(),
                paid.occurredAt(),
                data);
    }

    @ApplicationModuleListener
    void on(DisbursementFailed failed) {
        var data = data();
        data.put("disbursementId", failed.disbursementId());
        money(data, failed.amount());
        data.put("reason", failed.reason());
        webhooks.queue(
                failed.payeePartyId(),
                WebhookEventType.DISBURSEMENT_FAILED,
                failed.disbursementId(),
                failed.occurredAt(),
                data);
    }

    /** An event both parties of a deal receive, each at its own endpoints (once when both are the same party). */
    private static List<Webhooks.Event> bothSides(
            UUID seller, UUID buyer, WebhookEventType type, String key, Instant occurredAt, Map<String, ?> data) {
        var sellerSide = new Webhooks.Event(seller, type, key, occurredAt, data);
        return buyer.equals(seller)
                ? List.of(sellerSide)
                : List.of(sellerSide, new Webhooks.Event(buyer, type, key, occurredAt, data));
    }

    private static Map<String, @Nullable Object> data() {
        return new LinkedHashMap<>();
    }

    private static void money(Map<String, @Nullable Object> data, Money amount) {
        data.put("currencyCode", amount.getCurrencyUnit().getCode());
        data.put("amount", amount.getAmount().toPlainString());
    }

    private static @Nullable String text(@Nullable Instant at) {
        return at == null ? null : at.toString();
    }
}
