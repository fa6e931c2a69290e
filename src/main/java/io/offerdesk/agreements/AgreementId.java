package io.offerdesk.agreements;

import io.offerdesk.shared.RandomIds;
import java.util.Optional;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;

/** An agreement id as AWS Marketplace writes them: {@code agmt-} and 25 lowercase letters or digits. */
public record AgreementId(String value) {

    public static final String PREFIX = "agmt-";
    public static final int RANDOM_LENGTH = 25;
    public static final Pattern FORMAT = Pattern.compile(PREFIX + "[a-z0-9]{" + RANDOM_LENGTH + "}");

    public AgreementId {
        if (!FORMAT.matcher(value).matches()) {
            throw new IllegalArgumentException("agreement id must be agmt- and 25 lowercase alphanumerics: " + value);
        }
    }

    /** The id in a path or a request; empty when it cannot be an agreement id, which callers report as not found. */
    public static Optional<AgreementId> parse(String candidate) {
        return FORMAT.matcher(candidate).matches() ? Optional.of(new AgreementId(candidate)) : Optional.empty();
    }

    public static AgreementId fresh(RandomGenerator random) {
        return new AgreementId(RandomIds.of(PREFIX, RANDOM_LENGTH, random));
    }

    @Override
    public String toString() {
        return value;
    }
}
