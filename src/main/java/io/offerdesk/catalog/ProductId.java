package io.offerdesk.catalog;

import io.offerdesk.shared.RandomIds;
import java.util.Optional;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;

/** A product id as AWS Marketplace writes them: {@code prod-} and 13 lowercase letters or digits. */
public record ProductId(String value) {

    public static final String PREFIX = "prod-";
    public static final int RANDOM_LENGTH = 13;
    public static final Pattern FORMAT = Pattern.compile(PREFIX + "[a-z0-9]{" + RANDOM_LENGTH + "}");

    public ProductId {
        if (!FORMAT.matcher(value).matches()) {
            throw new IllegalArgumentException("product id must be prod- and 13 lowercase alphanumerics: " + value);
        }
    }

    public static boolean isValid(String candidate) {
        return FORMAT.matcher(candidate).matches();
    }

    /** The id in a path or a form; empty when it cannot be a product id, which callers report as not found. */
    public static Optional<ProductId> parse(String candidate) {
        return isValid(candidate) ? Optional.of(new ProductId(candidate)) : Optional.empty();
    }

    public static ProductId random(RandomGenerator random) {
        return new ProductId(RandomIds.of(PREFIX, RANDOM_LENGTH, random));
    }

    @Override
    public String toString() {
        return value;
    }
}
