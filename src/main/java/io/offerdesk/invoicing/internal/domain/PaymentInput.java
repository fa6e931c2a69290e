package io.offerdesk.invoicing.internal.domain;

import io.offerdesk.shared.Validations;
import java.math.BigDecimal;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.jspecify.annotations.Nullable;

/**
 * A payment as the operator or the buyer's finance user enters it, checked against the invoice it is for: an amount
 * in the invoice's currency, positive, with no more decimals than the currency has, and a reference (the bank
 * transfer's, a cheque number) to find it again by.
 */
public record PaymentInput(Money amount, String reference) {

    public static final int REFERENCE_MAX = 200;
    /** More than any one payment: keeps amounts far inside the minor units a {@code bigint} holds. */
    public static final BigDecimal AMOUNT_MAX = new BigDecimal("1000000000000");

    public static PaymentInput of(
            @Nullable String amount,
            @Nullable String currencyCode,
            @Nullable String reference,
            CurrencyUnit invoiceCurrency) {
        var checks = new Validations();
        checks.required("currencyCode", currencyCode);
        if (currencyCode != null && !currencyCode.isBlank()) {
            checks.check(
                    currencyCode.equals(invoiceCurrency.getCode()),
                    "currencyCode",
                    "collections.currencyMismatch",
                    invoiceCurrency.getCode());
        }
        checks.required("amount", amount);
        BigDecimal value = null;
        if (amount != null && !amount.isBlank()) {
            value = decimal(amount);
            var decimals = invoiceCurrency.getDecimalPlaces();
            checks.check(
                    value != null
                            && value.signum() > 0
                            && value.stripTrailingZeros().scale() <= decimals
                            && value.compareTo(AMOUNT_MAX) < 0,
                    "amount",
                    "collections.invalidAmount",
                    invoiceCurrency.getCode(),
                    decimals);
        }
        var stripped = reference == null ? null : reference.strip();
        checks.text("reference", stripped, REFERENCE_MAX);
        checks.throwIfInvalid();
        return new PaymentInput(
                Money.of(
                        invoiceCurrency,
                        Validations.present("amount", value).setScale(invoiceCurrency.getDecimalPlaces())),
                Validations.present("reference", stripped));
    }

    /** A payment entered as money, e.g. by another module: the same checks. */
    public static PaymentInput of(Money amount, @Nullable String reference, CurrencyUnit invoiceCurrency) {
        return of(amount.getAmount().toPlainString(), amount.getCurrencyUnit().getCode(), reference, invoiceCurrency);
    }

    private static @Nullable BigDecimal decimal(String text) {
        try {
            return new BigDecimal(text.strip());
        } catch (NumberFormatException notANumber) {
            return null;
        }
    }
}
