package io.offerdesk.offers;

import io.offerdesk.shared.RandomIds;
import java.util.Optional;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;

/** An offer id as AWS Marketplace writes them: {@code offer-} and 13 lowercase letters or digits. */
public record OfferId(String value) {

    public static final String PREFIX = "offer-";
    public static final int RANDOM_LENGTH = 13;
    public static final Pattern FORMAT = Pattern.compile(PREFIX + "[a-z0-9]{" + RANDOM_LENGTH + "}");

    public OfferId {
        if (!FORMAT.matcher(value).matches()) {
            throw new IllegalArgumentException("offer id must be offer- and 13 lowercase alphanumerics: " + value);
        }
    }

    /** The id in a path or a request; empty when it cannot be an offer id, which callers report as not found. */
    public static Optional<OfferId> parse(String candidate) {
        return FORMAT.matcher(candidate).matches() ? Optional.of(new OfferId(candidate)) : Optional.empty();
    }

    public static OfferId fresh(RandomGenerator random) {
        return new OfferId(RandomIds.of(PREFIX, RANDOM_LENGTH, random));
    }

    @Override
    public String toString() {
        return value;
    }
}
