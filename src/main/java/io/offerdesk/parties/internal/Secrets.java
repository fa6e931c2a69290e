package io.offerdesk.parties.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;

/** Random identifiers and secrets, and the one-way hash under which bearer secrets are stored. */
public final class Secrets {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String LOWER = "abcdefghijklmnopqrstuvwxyz234567";
    private static final String UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    private static final String BASE64ISH = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

    private Secrets() {}

    public static String lower(int length) {
        return pick(LOWER, length);
    }

    /** An AWS-shaped access key id: 20 upper-case characters. */
    public static String accessKeyId() {
        return "AKOD" + pick(UPPER, 16);
    }

    /** An AWS-shaped secret access key: 40 characters. */
    public static String secretAccessKey() {
        return pick(BASE64ISH, 40);
    }

    public static String accountId() {
        var digits = new StringBuilder(12);
        digits.append(1 + RANDOM.nextInt(9));
        for (int i = 1; i < 12; i++) {
            digits.append(RANDOM.nextInt(10));
        }
        return digits.toString();
    }

    /** Compares in time independent of where the strings differ. */
    public static boolean same(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }

    private static String pick(String alphabet, int length) {
        var out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return out.toString();
    }
}
