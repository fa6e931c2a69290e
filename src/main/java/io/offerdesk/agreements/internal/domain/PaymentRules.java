package io.offerdesk.agreements.internal.domain;

import io.offerdesk.agreements.PaymentRequest;
import io.offerdesk.agreements.PaymentRequestApprovalStrategy;
import io.offerdesk.agreements.RefusalReason;
import io.offerdesk.agreements.TermConfiguration;
import io.offerdesk.agreements.TermConfiguration.VariablePaymentConfiguration;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.joda.money.Money;
import org.jspecify.annotations.Nullable;

/**
 * The rules of payment requests under a variable payment term: what the seller may still request (the maximum less
 * every approved and every waiting request), what a request must look like, and when one is approved by itself.
 */
public final class PaymentRules {

    public static final int NAME_MIN = 5;
    public static final int NAME_MAX = 64;
    public static final int DESCRIPTION_MAX = 2000;
    public static final int REJECTION_REASON_MAX = 250;

    private PaymentRules() {}

    /** Automatic approval needs a positive waiting time; waiting for the buyer takes none. */
    public static boolean fits(VariablePaymentConfiguration configuration) {
        var duration = configuration.expirationDuration();
        return switch (configuration.paymentRequestApprovalStrategy()) {
            case AUTO_APPROVE_ON_EXPIRATION -> duration != null && !duration.isNegative() && !duration.isZero();
            case WAIT_FOR_APPROVAL -> duration == null;
        };
    }

    /** What remains of the maximum once the approved and the waiting requests are counted. */
    public static Money remaining(Money max, List<PaymentRequest> requests) {
        var remaining = max;
        for (var request : requests) {
            if (request.status() == PaymentRequest.Status.APPROVED || request.isPending()) {
                remaining = remaining.minus(request.chargeAmount());
            }
        }
        return remaining;
    }

    /**
     * The requested amount as money of the maximum's currency.
     *
     * @throws io.offerdesk.shared.InvalidInput {@code INVALID_CHARGE_AMOUNT} unless it is a positive decimal with at
     *     most the currency's decimals and no more than {@code remaining}
     */
    public static Money chargeAmount(@Nullable String amount, Money remaining) {
        var currency = remaining.getCurrencyUnit();
        var refusal = RefusalReason.INVALID_CHARGE_AMOUNT.at(
                "chargeAmount",
                currency.getCode(),
                currency.getDecimalPlaces(),
                remaining.getAmount().toPlainString());
        BigDecimal value;
        try {
            value = new BigDecimal(String.valueOf(amount));
        } catch (NumberFormatException notANumber) {
            throw refusal;
        }
        if (value.signum() <= 0 || value.stripTrailingZeros().scale() > currency.getDecimalPlaces()) {
            throw refusal;
        }
        var money = Money.of(currency, value.setScale(currency.getDecimalPlaces()));
        if (money.isGreaterThan(remaining)) {
            throw refusal;
        }
        return money;
    }

    public static String name(@Nullable String name) {
        var stripped = name == null ? "" : name.strip();
        if (stripped.length() < NAME_MIN || stripped.length() > NAME_MAX) {
            throw RefusalReason.INVALID_NAME.at("name", NAME_MIN, NAME_MAX);
        }
        return stripped;
    }

    public static @Nullable String description(@Nullable String description) {
        if (description == null || description.isBlank()) {
            return null;
        }
        if (description.length() > DESCRIPTION_MAX) {
            throw RefusalReason.INVALID_DESCRIPTION.at("description", DESCRIPTION_MAX);
        }
        return description.strip();
    }

    /** When a request sent at {@code now} is approved by itself: only under automatic approval. */
    public static @Nullable Instant autoApproveAt(@Nullable TermConfiguration configuration, Instant now) {
        if (configuration instanceof VariablePaymentConfiguration chosen
                && chosen.paymentRequestApprovalStrategy() == PaymentRequestApprovalStrategy.AUTO_APPROVE_ON_EXPIRATION
                && chosen.expirationDuration() != null) {
            return now.atZone(ZoneOffset.UTC).plus(chosen.expirationDuration()).toInstant();
        }
        return null;
    }
}
