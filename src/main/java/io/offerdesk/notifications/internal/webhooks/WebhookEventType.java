package io.offerdesk.notifications.internal.webhooks;

import java.util.Arrays;
import java.util.Optional;

/** The event catalog: what an endpoint can subscribe to, by the name receivers see in {@code type}. */
public enum WebhookEventType {
    OFFER_RELEASED("offer.released"),
    OFFER_EXPIRED("offer.expired"),
    AGREEMENT_ACCEPTED("agreement.accepted"),
    AGREEMENT_ENDED("agreement.ended"),
    INVOICE_ISSUED("invoice.issued"),
    INVOICE_PAID("invoice.paid"),
    DISBURSEMENT_PAID("disbursement.paid"),
    DISBURSEMENT_FAILED("disbursement.failed");

    private final String wireName;

    WebhookEventType(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<WebhookEventType> of(String wireName) {
        return Arrays.stream(values()).filter(t -> t.wireName.equals(wireName)).findFirst();
    }
}
