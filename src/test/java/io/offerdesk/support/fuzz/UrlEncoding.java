package io.offerdesk.support.fuzz;

import io.offerdesk.awsapi.internal.sigv4.TestSigning;
import java.util.List;
import java.util.Random;

/** Percent-encoding for the fuzzer's paths and queries, and raw sequences no encoder would produce (invalid UTF-8). */
final class UrlEncoding {

    /**
     * Already-encoded segments that are not valid UTF-8, or that mean something to a path parser. (A malformed escape
     * such as {@code %zz} is refused by Java's HTTP client; {@code SigV4VerifierTests} covers it.)
     */
    static final List<String> RAW_BAD_SEGMENTS =
            List.of("%ED%A0%80", "%FF%FE", "%C0%AF", "%00", "..", "%2e%2e", "%2F", ";x=1", "a%20b", "%25zz");

    private UrlEncoding() {}

    /** RFC 3986 encoding of everything but unreserved characters; a lone surrogate becomes {@code %3F} as Java does. */
    static String encode(String text) {
        return TestSigning.uriEncode(text);
    }

    /** A bad value for a path segment or query value, encoded: a bad string, or a raw invalid sequence. */
    static String badEncoded(Random random) {
        if (random.nextInt(4) == 0) {
            return RAW_BAD_SEGMENTS.get(random.nextInt(RAW_BAD_SEGMENTS.size()));
        }
        var bad = BadValues.draw(BadValues.strings(), random);
        // a path or query of hundreds of kilobytes is refused by the connector before the application: keep it short
        return encode(bad.length() > 3000 ? bad.substring(0, 3000) : bad);
    }

    /** A header value the HTTP client accepts (visible ASCII), bad for what the header means. */
    static String badHeader(Random random) {
        var bad = BadValues.draw(BadValues.strings(), random);
        var ascii = new StringBuilder();
        for (var c : bad.toCharArray()) {
            ascii.append(c >= 0x20 && c < 0x7f ? c : '?');
        }
        return ascii.length() > 6000 ? ascii.substring(0, 6000) : ascii.toString();
    }
}
