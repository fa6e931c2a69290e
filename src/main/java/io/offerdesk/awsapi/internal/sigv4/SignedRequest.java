package io.offerdesk.awsapi.internal.sigv4;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A request as it arrived on the wire, before anything decoded it: what a SigV4 signature covers.
 *
 * @param rawPath the path exactly as sent, still percent-encoded
 * @param rawQuery the query string exactly as sent, without the {@code ?}; empty when there is none
 * @param headers every header's values by lower-case name
 */
public record SignedRequest(
        String method, String rawPath, String rawQuery, Map<String, List<String>> headers, byte[] body) {

    public SignedRequest {
        var lowerCase = new TreeMap<String, List<String>>();
        headers.forEach((name, values) -> lowerCase
                .computeIfAbsent(name.toLowerCase(Locale.ROOT), n -> new java.util.ArrayList<>())
                .addAll(values));
        headers = Map.copyOf(lowerCase);
    }

    /** The header's values, in the order they arrived; empty when it is absent. */
    public List<String> header(String name) {
        return headers.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
    }
}
