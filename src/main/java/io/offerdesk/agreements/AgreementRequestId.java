package io.offerdesk.agreements;

import io.offerdesk.shared.RandomIds;
import java.util.Optional;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;

/** An agreement request (a quote) id: {@code ar-} and 25 lowercase letters or digits, within AWS's {@code ar-[A-Za-z0-9]+}. */
public record AgreementRequestId(String value) {

    public static final String PREFIX = "ar-";
    public static final Pattern FORMAT = Pattern.compile(PREFIX + "[a-z0-9]{25}");

    public AgreementRequestId {
        if (!FORMAT.matcher(value).matches()) {
            throw new IllegalArgumentException(
                    "agreement request id must be ar- and 25 lowercase alphanumerics: " + value);
        }
    }

    public static Optional<AgreementRequestId> parse(String candidate) {
        return FORMAT.matcher(candidate).matches() ? Optional.of(new AgreementRequestId(candidate)) : Optional.empty();
    }

    public static AgreementRequestId fresh(RandomGenerator random) {
        return new AgreementRequestId(RandomIds.of(PREFIX, 25, random));
    }

    @Override
    public String toString() {
        return value;
    }
}
