package io.offerdesk.agreements;

import io.offerdesk.shared.RandomIds;
import java.util.Optional;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;

/** A cancellation request id as AWS writes them ({@code acr-}), with 25 lowercase letters or digits as agreements. */
public record CancellationRequestId(String value) {

    public static final String PREFIX = "acr-";
    public static final int RANDOM_LENGTH = 25;
    public static final Pattern FORMAT = Pattern.compile(PREFIX + "[a-z0-9]{" + RANDOM_LENGTH + "}");

    public CancellationRequestId {
        if (!FORMAT.matcher(value).matches()) {
            throw new IllegalArgumentException("cancellation request id must be acr- and 25 alphanumerics: " + value);
        }
    }

    /** The id in a path; empty when it cannot be one, which callers report as not found. */
    public static Optional<CancellationRequestId> parse(String candidate) {
        return FORMAT.matcher(candidate).matches()
                ? Optional.of(new CancellationRequestId(candidate))
                : Optional.empty();
    }

    public static CancellationRequestId fresh(RandomGenerator random) {
        return new CancellationRequestId(RandomIds.of(PREFIX, RANDOM_LENGTH, random));
    }

    @Override
    public String toString() {
        return value;
    }
}
