package io.offerdesk.agreements;

import io.offerdesk.shared.RandomIds;
import java.util.Optional;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;

/** A payment request id as AWS writes them ({@code pr-}), with 25 lowercase letters or digits as agreements. */
public record PaymentRequestId(String value) {

    public static final String PREFIX = "pr-";
    public static final int RANDOM_LENGTH = 25;
    public static final Pattern FORMAT = Pattern.compile(PREFIX + "[a-z0-9]{" + RANDOM_LENGTH + "}");

    public PaymentRequestId {
        if (!FORMAT.matcher(value).matches()) {
            throw new IllegalArgumentException("payment request id must be pr- and 25 alphanumerics: " + value);
        }
    }

    /** The id in a path; empty when it cannot be one, which callers report as not found. */
    public static Optional<PaymentRequestId> parse(String candidate) {
        return FORMAT.matcher(candidate).matches() ? Optional.of(new PaymentRequestId(candidate)) : Optional.empty();
    }

    public static PaymentRequestId fresh(RandomGenerator random) {
        return new PaymentRequestId(RandomIds.of(PREFIX, RANDOM_LENGTH, random));
    }

    @Override
    public String toString() {
        return value;
    }
}
