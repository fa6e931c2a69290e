package io.offerdesk.agreements;

import java.time.Instant;
import org.joda.money.Money;

/**
 * One charge an agreement will invoice.
 *
 * @param id stable within the agreement request and the agreement it becomes, so purchase orders can name it
 * @param time when it is invoiced; for an on-acceptance charge the quote's time, replaced by the acceptance time
 */
public record ExpectedCharge(String id, Instant time, Money amount, ChargeTiming timing) {}
