package io.offerdesk.shared;

import java.util.random.RandomGenerator;

/** The random part of AWS-style ids ({@code prod-}, {@code offer-}, {@code agmt-}, change sets): lowercase letters and digits. */
public final class RandomIds {

    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";

    private RandomIds() {}

    /** {@code prefix} followed by {@code length} random lowercase letters and digits. */
    public static String of(String prefix, int length, RandomGenerator random) {
        var id = new StringBuilder(prefix.length() + length).append(prefix);
        for (int i = 0; i < length; i++) {
            id.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return id.toString();
    }
}
