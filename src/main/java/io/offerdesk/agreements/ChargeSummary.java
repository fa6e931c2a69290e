package io.offerdesk.agreements;

import java.time.Instant;
import java.util.List;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.jspecify.annotations.Nullable;

/**
 * What accepting an agreement request costs, as AWS's {@code ChargeSummary}: the agreement value by AWS's rules and
 * every expected charge. The charges of a contract sum to its value; usage is billed as used and adds nothing here.
 *
 * @param startTime when the agreement would start: the acceptance, or a future-dated offer's start date
 * @param endTime when it would end; absent for pay-as-you-go agreements
 * @param invoicingEntity who invoices the buyer: the marketplace operator
 */
public record ChargeSummary(
        CurrencyUnit currency,
        Money agreementValue,
        List<ExpectedCharge> expectedCharges,
        Instant startTime,
        @Nullable Instant endTime,
        boolean usageBilled,
        String invoicingEntity) {

    public ChargeSummary {
        expectedCharges = List.copyOf(expectedCharges);
    }
}
