package io.offerdesk.offers;

import io.offerdesk.shared.RandomIds;
import java.util.Optional;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;

/** An offer set id as AWS Marketplace writes them: {@code offerset-} and 13 lowercase letters or digits. */
public record OfferSetId(String value) {

    public static final String PREFIX = "offerset-";
    public static final int RANDOM_LENGTH = 13;
    public static final Pattern FORMAT = Pattern.compile(PREFIX + "[a-z0-9]{" + RANDOM_LENGTH + "}");

    public OfferSetId {
        if (!FORMAT.matcher(value).matches()) {
            throw new IllegalArgumentException(
                    "offer set id must be offerset- and 13 lowercase alphanumerics: " + value);
        }
    }

    /** The id in a path or a request; empty when it cannot be an offer set id, which callers report as not found. */
    public static Optional<OfferSetId> parse(String candidate) {
        return FORMAT.matcher(candidate).matches() ? Optional.of(new OfferSetId(candidate)) : Optional.empty();
    }

    public static OfferSetId fresh(RandomGenerator random) {
        return new OfferSetId(RandomIds.of(PREFIX, RANDOM_LENGTH, random));
    }

    @Override
    public String toString() {
        return value;
    }
}
