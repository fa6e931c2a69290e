package io.offerdesk.platform;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;

/**
 * The {@code Offerdesk-Signature} header: {@code t=<unix seconds>,v1=<hex HMAC-SHA256(secret, t + "." + body)>}.
 * Signing the timestamp with the body lets a receiver refuse replays of an old request; the receiver's check is
 * {@link #verify}, which the user guide shows in Java and Python. Outbound webhooks sign with it and the inbound CRM
 * endpoint checks it, so integrators implement one scheme for both directions.
 */
public final class OfferdeskSignature {

    public static final String HEADER = "Offerdesk-Signature";

    /** How far a signature's timestamp may be from the receiver's clock. */
    public static final Duration TOLERANCE = Duration.ofMinutes(5);

    private OfferdeskSignature() {}

    public static String header(String secret, Instant at, String body) {
        var t = at.getEpochSecond();
        return "t=" + t + ",v1=" + hmac(secret, t + "." + body);
    }

    /**
     * Whether {@code header} signs {@code body} with {@code secret} at a time within {@link #TOLERANCE} of {@code
     * now}. Compares in constant time.
     */
    public static boolean verify(String secret, String header, String body, Instant now) {
        Long t = null;
        String v1 = null;
        for (var part : header.split(",")) {
            var kv = part.trim().split("=", 2);
            if (kv.length != 2) {
                return false;
            }
            switch (kv[0]) {
                case "t" -> t = parse(kv[1]);
                case "v1" -> v1 = kv[1];
                default -> {
                    // Later schemes (v2, …) are ignored so receivers keep working when one is added.
                }
            }
        }
        if (t == null || v1 == null) {
            return false;
        }
        var age = Duration.between(Instant.ofEpochSecond(t), now).abs();
        if (age.compareTo(TOLERANCE) > 0) {
            return false;
        }
        return MessageDigest.isEqual(
                hmac(secret, t + "." + body).getBytes(StandardCharsets.US_ASCII),
                v1.getBytes(StandardCharsets.US_ASCII));
    }

    private static @Nullable Long parse(String seconds) {
        try {
            return Long.parseLong(seconds);
        } catch (NumberFormatException notANumber) {
            return null;
        }
    }

    private static String hmac(String secret, String signed) {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }
}
