package io.offerdesk.awsapi.internal.sigv4;

import io.offerdesk.parties.KeyManagement.SigningSecret;
import io.offerdesk.platform.OfferdeskPrincipal;
import io.offerdesk.shared.Sha256;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;

/**
 * Verifies AWS Signature Version 4 ({@code AWS4-HMAC-SHA256} in the {@code Authorization} header) the way AWS services
 * do: the signature is recomputed over the method, the canonical path and query, the signed headers and the hash of
 * the body as it arrived, with the secret of the access key named in the credential scope. The scope's service must be
 * {@value #SERVICE}; its region is any region unless one is configured. A request signed more than {@link #MAX_SKEW}
 * from real time is refused, so a captured request cannot be sent again later.
 *
 * <p>Decide only: looking the secret up is the caller's function, and time is an argument.
 */
public final class SigV4Verifier {

    public static final String SERVICE = "aws-marketplace";
    public static final Duration MAX_SKEW = Duration.ofMinutes(5);

    static final String ALGORITHM = "AWS4-HMAC-SHA256";
    static final DateTimeFormatter AMZ_DATE =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final String BAD_SIGNATURE = "The request signature we calculated does not match the signature you"
            + " provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for"
            + " details.";

    /** What verification concluded. */
    public sealed interface Outcome {}

    /**
     * The signature is the access key's: the request acts for the key's user.
     *
     * @param signedAt when the request says it was signed; the signature is valid until {@link #MAX_SKEW} after it
     * @param signature the signature, which identifies this one request
     */
    public record Verified(
            String accessKeyId, OfferdeskPrincipal principal, String region, Instant signedAt, String signature)
            implements Outcome {

        public UUID userId() {
            return principal.userId();
        }
    }

    /** The request is not authenticated, with the message AWS would give. */
    public record Refused(AuthFailure failure, String message) implements Outcome {}

    /**
     * The signature is the access key's, but scoped to a region other than the configured one, for an operation whose
     * model answers that itself (RegisterUsage's {@code InvalidRegionException}) rather than as a bad signature.
     */
    public record WrongRegion(Verified verified, String region) implements Outcome {}

    private final Function<String, Optional<SigningSecret>> secrets;
    private final @Nullable String region;
    private final Predicate<SignedRequest> answersRegionItself;

    /**
     * @param secrets the live secret of an access key id
     * @param region the only region a signature may be scoped to; any region when absent
     */
    public SigV4Verifier(Function<String, Optional<SigningSecret>> secrets, @Nullable String region) {
        this(secrets, region, request -> false);
    }

    /**
     * @param answersRegionItself the requests whose operation has its own error for a wrong region: their signature is
     *     verified in any region and a wrong one is {@link WrongRegion}, not {@link Refused}
     */
    public SigV4Verifier(
            Function<String, Optional<SigningSecret>> secrets,
            @Nullable String region,
            Predicate<SignedRequest> answersRegionItself) {
        this.secrets = secrets;
        this.region = region;
        this.answersRegionItself = answersRegionItself;
    }

    public Outcome verify(SignedRequest request, Instant now) {
        var authorization = request.header("Authorization");
        if (authorization.isEmpty() || authorization.getFirst().isBlank()) {
            return new Refused(AuthFailure.MISSING_AUTHENTICATION_TOKEN, "Missing Authentication Token");
        }
        var header = authorization.getFirst().strip();
        if (!header.startsWith(ALGORITHM + " ")) {
            return new Refused(
                    AuthFailure.INCOMPLETE_SIGNATURE,
                    "Unsupported AWS 'algorithm': '" + header.split(" ", 2)[0] + "'; only " + ALGORITHM + " is.");
        }
        var parameters = parameters(header.substring(ALGORITHM.length() + 1));
        for (var required : List.of("Credential", "SignedHeaders", "Signature")) {
            if (!parameters.containsKey(required)) {
                return new Refused(
                        AuthFailure.INCOMPLETE_SIGNATURE,
                        "Authorization header requires '" + required + "' parameter. Authorization=" + header);
            }
        }
        var credential = parameters.getOrDefault("Credential", "");
        var scope = credential.split("/", -1);
        if (scope.length != 5 || !scope[4].equals("aws4_request")) {
            return new Refused(
                    AuthFailure.INCOMPLETE_SIGNATURE,
                    "Credential must have exactly 5 slash-delimited elements, e.g. keyid/date/region/service/term,"
                            + " got '" + credential + "'");
        }
        var signedHeaders = List.of(parameters.getOrDefault("SignedHeaders", "").split(";", -1));
        if (!signedHeaders.contains("host")) {
            return new Refused(
                    AuthFailure.INCOMPLETE_SIGNATURE, "'Host' must be a 'SignedHeader' in the AWS Authorization.");
        }
        var signedAt = signedAt(request);
        if (signedAt == null) {
            return new Refused(
                    AuthFailure.INCOMPLETE_SIGNATURE,
                    "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header.");
        }
        var amzDate = AMZ_DATE.format(signedAt);
        if (signedAt.isBefore(now.minus(MAX_SKEW))) {
            return new Refused(
                    AuthFailure.INVALID_SIGNATURE,
                    "Signature expired: %s is now earlier than %s (%s - 5 min.)"
                            .formatted(amzDate, AMZ_DATE.format(now.minus(MAX_SKEW)), AMZ_DATE.format(now)));
        }
        if (signedAt.isAfter(now.plus(MAX_SKEW))) {
            return new Refused(
                    AuthFailure.INVALID_SIGNATURE,
                    "Signature not yet current: %s is still later than %s (%s + 5 min.)"
                            .formatted(amzDate, AMZ_DATE.format(now.plus(MAX_SKEW)), AMZ_DATE.format(now)));
        }
        if (!scope[1].equals(amzDate.substring(0, 8))) {
            return new Refused(
                    AuthFailure.INVALID_SIGNATURE,
                    "Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '%s' !="
                                    .formatted(scope[1])
                            + " '%s', from '%s'.".formatted(amzDate.substring(0, 8), amzDate));
        }
        var wrongRegion = region != null && !scope[2].equals(region);
        if (wrongRegion && !answersRegionItself.test(request)) {
            return new Refused(
                    AuthFailure.INVALID_SIGNATURE,
                    "Credential should be scoped to a valid region, not '" + scope[2] + "'. ");
        }
        if (!scope[3].equals(SERVICE)) {
            return new Refused(
                    AuthFailure.INVALID_SIGNATURE,
                    "Credential should be scoped to correct service: '" + SERVICE + "'. ");
        }
        var secret = secrets.apply(scope[0]).orElse(null);
        if (secret == null) {
            return new Refused(
                    AuthFailure.UNRECOGNIZED_CLIENT, "The security token included in the request is invalid.");
        }
        var credentialScope = String.join("/", scope[1], scope[2], scope[3], scope[4]);
        var stringToSign = String.join(
                "\n", ALGORITHM, amzDate, credentialScope, Sha256.hex(canonicalRequest(request, signedHeaders)));
        var expected = signature(secret.secretAccessKey(), scope[1], scope[2], stringToSign);
        var given = parameters.getOrDefault("Signature", "").getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII), given)) {
            return new Refused(AuthFailure.INVALID_SIGNATURE, BAD_SIGNATURE);
        }
        var verified = new Verified(scope[0], secret.principal(), scope[2], signedAt, expected);
        return wrongRegion ? new WrongRegion(verified, String.valueOf(region)) : verified;
    }

    /** The canonical request of SigV4: what the signature is computed over. */
    static String canonicalRequest(SignedRequest request, List<String> signedHeaders) {
        var headers = signedHeaders.stream()
                .map(name -> name + ":" + canonicalHeaderValue(request.header(name)) + "\n")
                .collect(Collectors.joining());
        return String.join(
                "\n",
                request.method(),
                canonicalPath(request.rawPath()),
                canonicalQuery(request.rawQuery()),
                headers,
                String.join(";", signedHeaders),
                Sha256.hex(request.body()));
    }

    /**
     * The path with dot segments removed and, as AWS does for every service but S3, encoded once more: what arrived
     * percent-encoded is encoded again.
     */
    static String canonicalPath(String rawPath) {
        if (rawPath.isEmpty()) {
            return "/";
        }
        var segments = new ArrayList<String>();
        for (var segment : rawPath.split("/", -1)) {
            switch (segment) {
                case "", "." -> {}
                case ".." -> {
                    if (!segments.isEmpty()) {
                        segments.removeLast();
                    }
                }
                default -> segments.add(segment);
            }
        }
        var normalized = "/" + String.join("/", segments);
        if (rawPath.endsWith("/") && !normalized.endsWith("/")) {
            normalized += "/";
        }
        return encode(normalized, true);
    }

    /** Every parameter decoded, encoded again the RFC 3986 way, and sorted by name, then value. */
    static String canonicalQuery(String rawQuery) {
        if (rawQuery.isEmpty()) {
            return "";
        }
        return Arrays.stream(rawQuery.split("&"))
                .filter(pair -> !pair.isEmpty())
                .map(pair -> {
                    var at = pair.indexOf('=');
                    var name = at < 0 ? pair : pair.substring(0, at);
                    var value = at < 0 ? "" : pair.substring(at + 1);
                    return Map.entry(encode(decode(name), false), encode(decode(value), false));
                })
                .sorted(Map.Entry.<String, String>comparingByKey().thenComparing(Map.Entry.comparingByValue()))
                .map(parameter -> parameter.getKey() + "=" + parameter.getValue())
                .collect(Collectors.joining("&"));
    }

    /** Values joined by commas, each trimmed, with runs of spaces inside made one. */
    static String canonicalHeaderValue(List<String> values) {
        return values.stream().map(v -> v.strip().replaceAll("\\s+", " ")).collect(Collectors.joining(","));
    }

    static String signature(String secretAccessKey, String date, String region, String stringToSign) {
        var key = hmac(("AWS4" + secretAccessKey).getBytes(StandardCharsets.UTF_8), date);
        key = hmac(key, region);
        key = hmac(key, SERVICE);
        key = hmac(key, "aws4_request");
        return HexFormat.of().formatHex(hmac(key, stringToSign));
    }

    private static byte[] hmac(byte[] key, String data) {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JVM has HmacSHA256", e);
        }
    }

    /** When the request says it was signed: {@code X-Amz-Date}, else the HTTP {@code Date}; absent when neither parses. */
    private static @Nullable Instant signedAt(SignedRequest request) {
        try {
            var amzDate = request.header("X-Amz-Date");
            if (!amzDate.isEmpty()) {
                return Instant.from(AMZ_DATE.parse(amzDate.getFirst().strip()));
            }
            var date = request.header("Date");
            if (!date.isEmpty()) {
                return ZonedDateTime.parse(date.getFirst().strip(), DateTimeFormatter.RFC_1123_DATE_TIME)
                        .toInstant();
            }
        } catch (DateTimeParseException e) {
            return null;
        }
        return null;
    }

    private static Map<String, String> parameters(String list) {
        var parameters = new HashMap<String, String>();
        for (var part : list.split(",")) {
            var at = part.indexOf('=');
            if (at > 0) {
                parameters.put(
                        part.substring(0, at).strip(), part.substring(at + 1).strip());
            }
        }
        return parameters;
    }

    /**
     * Percent-decoding only: a {@code +} in a query is a plus sign to SigV4, not a space. A malformed escape ({@code %zz},
     * a lone {@code %}) no SDK sends stays as it came, so the request is refused as badly signed instead of failing the
     * verification with an exception (a 500).
     */
    private static String decode(String text) {
        try {
            return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return text;
        }
    }

    /** RFC 3986 encoding: everything but unreserved characters (and {@code /} in a path) as upper-case %XX. */
    static String encode(String text, boolean path) {
        var out = new StringBuilder();
        for (var b : text.getBytes(StandardCharsets.UTF_8)) {
            var c = (char) (b & 0xff);
            if ((c >= 'A' && c <= 'Z')
                    || (c >= 'a' && c <= 'z')
                    || (c >= '0' && c <= '9')
                    || c == '-'
                    || c == '_'
                    || c == '.'
                    || c == '~'
                    || (path && c == '/')) {
                out.append(c);
            } else {
                out.append('%').append(HexFormat.of().withUpperCase().toHexDigits((byte) c));
            }
        }
        return out.toString();
    }
}
