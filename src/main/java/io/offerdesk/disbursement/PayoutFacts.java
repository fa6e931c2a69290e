package io.offerdesk.disbursement;

import io.offerdesk.ledger.AccountRole;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.jspecify.annotations.Nullable;

/**
 * What was paid out to each payee per month, for reports that put it beside what was collected for them (ADR 0022).
 * Unscoped: a caller passes the payee it may show, or null for every payee (the operator).
 */
public interface PayoutFacts {

    /**
     * What one payable account was paid in one month (UTC) and currency: paid disbursements only, since a failed
     * transfer is given back to the payable (and its retry, when paid, counts in its own month).
     */
    record DisbursedMonth(
            YearMonth month, CurrencyUnit currency, UUID payeePartyId, AccountRole payeeRole, Money amount) {}

    /** Per month from {@code from} to {@code to} (open ends when absent), of one payee or all, by month and payee. */
    List<DisbursedMonth> disbursed(@Nullable UUID payeePartyId, @Nullable YearMonth from, @Nullable YearMonth to);
}
