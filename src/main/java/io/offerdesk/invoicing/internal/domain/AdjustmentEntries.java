package io.offerdesk.invoicing.internal.domain;

import io.offerdesk.invoicing.BillingAdjustmentEntry;
import io.offerdesk.invoicing.BillingAdjustmentRequest;
import io.offerdesk.invoicing.BillingAdjustmentRequest.ReasonCode;
import io.offerdesk.shared.FieldViolation;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.jspecify.annotations.Nullable;

/**
 * The rules of a billing adjustment entry, with the limits of AWS's model ({@code
 * BatchCreateBillingAdjustmentRequestEntry}): first what the entry must satisfy on its own, then what it must satisfy
 * against the invoice it names.
 */
public final class AdjustmentEntries {

    /**
     * Entries per batch. AWS's model does not bound the list; Offerdesk takes as many as a List operation returns per
     * page, so one page of a seller's invoices can be adjusted in one call.
     */
    public static final int BATCH_MAX = 50;

    public static final int CLIENT_TOKEN_MAX = 64;
    public static final int AGREEMENT_ID_MAX = 64;
    public static final int INVOICE_ID_MAX = 255;
    public static final int DESCRIPTION_MAX = 500;
    /** {@code PositiveAmountUpto8Decimals}. */
    public static final int AMOUNT_DECIMALS_MAX = 8;

    private static final Pattern CLIENT_TOKEN = Pattern.compile("[a-zA-Z0-9-]+");
    private static final Pattern AGREEMENT_ID = Pattern.compile("[A-Za-z0-9_/-]+");
    private static final Pattern AMOUNT = Pattern.compile("[0-9]*(\\.[0-9]{0,8})?");
    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

    private AdjustmentEntries() {}

    /**
     * An entry whose fields are each well-formed.
     *
     * @param amount positive, with at most eight decimals; whether it fits the currency is decided against the
     *     invoice
     */
    public record Checked(
            String clientToken,
            String agreementId,
            String originalInvoiceId,
            BigDecimal amount,
            String currencyCode,
            ReasonCode reasonCode,
            @Nullable String description) {

        /** Whether a request made earlier with the same token asked for the same. */
        public boolean sameAs(BillingAdjustmentRequest request) {
            return request.agreementId().equals(agreementId)
                    && request.originalInvoiceId().equals(originalInvoiceId)
                    && request.adjustmentAmount().getCurrencyUnit().getCode().equals(currencyCode)
                    && request.adjustmentAmount().getAmount().compareTo(amount) == 0
                    && request.reasonCode() == reasonCode
                    && Objects.equals(request.description(), description);
        }
    }

    /** Either the checked entry or what is wrong with it. */
    public sealed interface Outcome {

        record Valid(Checked entry) implements Outcome {}

        record Invalid(List<FieldViolation> violations) implements Outcome {
            public Invalid {
                violations = List.copyOf(violations);
            }
        }
    }

    /** What an entry is checked against: the invoice it names, as its seller of record sees it. */
    public record InvoiceFacts(CurrencyUnit currency, boolean creditMemo, Set<String> agreementIds, Money adjustable) {

        public InvoiceFacts {
            agreementIds = Set.copyOf(agreementIds);
        }
    }

    /** Checks each field of the entry on its own. */
    public static Outcome check(BillingAdjustmentEntry entry) {
        var violations = new ArrayList<FieldViolation>();
        text(violations, "clientToken", entry.clientToken(), CLIENT_TOKEN_MAX, CLIENT_TOKEN, "adjustment.clientToken");
        text(violations, "agreementId", entry.agreementId(), AGREEMENT_ID_MAX, AGREEMENT_ID, "adjustment.agreementId");
        text(violations, "originalInvoiceId", entry.originalInvoiceId(), INVOICE_ID_MAX, null, "");
        text(violations, "currencyCode", entry.currencyCode(), 3, CURRENCY, "adjustment.currencyCode");
        var amount = amount(entry.adjustmentAmount());
        if (isBlank(entry.adjustmentAmount())) {
            violations.add(FieldViolation.of("adjustmentAmount", "validation.required"));
        } else if (amount == null) {
            violations.add(FieldViolation.of("adjustmentAmount", "adjustment.amount", AMOUNT_DECIMALS_MAX));
        }
        var reason = reason(entry.adjustmentReasonCode());
        if (isBlank(entry.adjustmentReasonCode())) {
            violations.add(FieldViolation.of("adjustmentReasonCode", "validation.required"));
        } else if (reason == null) {
            violations.add(
                    FieldViolation.of("adjustmentReasonCode", "validation.enum", Arrays.toString(ReasonCode.values())));
        }
        var description = entry.description();
        if (description != null && (description.isEmpty() || description.length() > DESCRIPTION_MAX)) {
            violations.add(FieldViolation.of("description", "adjustment.description", 1, DESCRIPTION_MAX));
        }
        if (!violations.isEmpty() || amount == null || reason == null) {
            return new Outcome.Invalid(violations);
        }
        return new Outcome.Valid(new Checked(
                Objects.requireNonNull(entry.clientToken()),
                Objects.requireNonNull(entry.agreementId()),
                Objects.requireNonNull(entry.originalInvoiceId()),
                amount,
                Objects.requireNonNull(entry.currencyCode()),
                reason,
                description));
    }

    /** A required text of at most {@code max} characters, matching {@code pattern} if one is given. */
    private static void text(
            List<FieldViolation> violations,
            String field,
            @Nullable String value,
            int max,
            @Nullable Pattern pattern,
            String patternCode) {
        if (value == null || value.isBlank()) {
            violations.add(FieldViolation.of(field, "validation.required"));
        } else if (value.length() > max) {
            violations.add(FieldViolation.of(field, "validation.maxLength", max));
        } else if (pattern != null && !pattern.matcher(value).matches()) {
            violations.add(FieldViolation.of(field, patternCode));
        }
    }

    private static boolean isBlank(@Nullable String value) {
        return value == null || value.isBlank();
    }

    /**
     * Checks the entry against its invoice and gives the amount to credit.
     *
     * @return the violations, empty when the entry may be requested
     */
    public static List<FieldViolation> against(Checked entry, InvoiceFacts invoice) {
        var violations = new ArrayList<FieldViolation>();
        if (invoice.creditMemo()) {
            violations.add(FieldViolation.of("originalInvoiceId", "adjustment.creditMemo", entry.originalInvoiceId()));
            return violations;
        }
        if (!invoice.agreementIds().contains(entry.agreementId())) {
            violations.add(FieldViolation.of(
                    "agreementId", "adjustment.agreementNotOnInvoice", entry.originalInvoiceId(), entry.agreementId()));
        }
        var currency = invoice.currency();
        if (!currency.getCode().equals(entry.currencyCode())) {
            violations.add(FieldViolation.of("currencyCode", "adjustment.currency", currency.getCode()));
        } else if (entry.amount().stripTrailingZeros().scale() > currency.getDecimalPlaces()) {
            violations.add(FieldViolation.of(
                    "adjustmentAmount", "adjustment.scale", currency.getCode(), currency.getDecimalPlaces()));
        } else if (violations.isEmpty() && Money.of(currency, entry.amount()).isGreaterThan(invoice.adjustable())) {
            violations.add(FieldViolation.of(
                    "adjustmentAmount",
                    "adjustment.exceedsAdjustable",
                    invoice.adjustable().getAmount().toPlainString(),
                    currency.getCode()));
        }
        return violations;
    }

    /** The amount of an entry that passed {@link #against}, at the currency's scale. */
    public static Money money(Checked entry, CurrencyUnit currency) {
        return Money.of(currency, entry.amount().setScale(currency.getDecimalPlaces()));
    }

    private static @Nullable BigDecimal amount(@Nullable String text) {
        if (text == null || text.isBlank() || !AMOUNT.matcher(text).matches() || text.equals(".")) {
            return null;
        }
        var amount = new BigDecimal(text.startsWith(".") ? "0" + text : text);
        return amount.signum() > 0 ? amount : null;
    }

    private static @Nullable ReasonCode reason(@Nullable String text) {
        return Arrays.stream(ReasonCode.values())
                .filter(code -> code.name().equals(text))
                .findFirst()
                .orElse(null);
    }
}
