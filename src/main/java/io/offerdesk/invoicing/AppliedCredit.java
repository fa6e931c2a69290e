package io.offerdesk.invoicing;

import java.time.Instant;
import org.joda.money.Money;

/** Part of a buyer's credit (an earlier over-payment) that paid an invoice. */
public record AppliedCredit(String id, String invoiceId, Money amount, Instant appliedAt) {}
