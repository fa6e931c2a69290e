package io.offerdesk.shared;

import java.util.regex.Pattern;

/** A marketplace account id: exactly twelve digits, as AWS writes account ids. */
public record AccountId(String value) {

    public static final Pattern FORMAT = Pattern.compile("\\d{12}");

    public AccountId {
        if (!FORMAT.matcher(value).matches()) {
            throw new IllegalArgumentException("account id must be exactly 12 digits: " + value);
        }
    }

    public static boolean isValid(String candidate) {
        return FORMAT.matcher(candidate).matches();
    }

    @Override
    public String toString() {
        return value;
    }
}
