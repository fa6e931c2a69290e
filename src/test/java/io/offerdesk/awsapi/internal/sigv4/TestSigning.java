package io.offerdesk.awsapi.internal.sigv4;

import io.offerdesk.shared.Sha256;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Signs a request with SigV4 as an SDK does, from the verifier's own canonical request and signing key: for tests that
 * send requests boto3 would refuse to build (the fuzzer's malformed ones). {@link SigV4VerifierTests} proves that
 * canonicalization against requests botocore itself signed, so signing with it is signing as botocore does.
 */
public final class TestSigning {

    private TestSigning() {}

    /**
     * The {@code Authorization} header for the request, which must carry {@code Host} and {@code X-Amz-Date} (the two
     * signed headers) among its headers.
     */
    public static String authorization(
            String method,
            String rawPath,
            String rawQuery,
            Map<String, List<String>> headers,
            byte[] body,
            String accessKeyId,
            String secretAccessKey,
            String region,
            Instant signedAt) {
        var request = new SignedRequest(method, rawPath, rawQuery, headers, body);
        var signedHeaders = List.of("host", "x-amz-date");
        var amzDate = SigV4Verifier.AMZ_DATE.format(signedAt);
        var scope = String.join("/", amzDate.substring(0, 8), region, SigV4Verifier.SERVICE, "aws4_request");
        var stringToSign = String.join(
                "\n",
                SigV4Verifier.ALGORITHM,
                amzDate,
                scope,
                Sha256.hex(SigV4Verifier.canonicalRequest(request, signedHeaders)));
        var signature = SigV4Verifier.signature(secretAccessKey, amzDate.substring(0, 8), region, stringToSign);
        return SigV4Verifier.ALGORITHM + " Credential=" + accessKeyId + "/" + scope + ", SignedHeaders="
                + String.join(";", signedHeaders) + ", Signature=" + signature;
    }

    /** RFC 3986 encoding of everything but unreserved characters, as the verifier encodes a query value. */
    public static String uriEncode(String text) {
        return SigV4Verifier.encode(text, false);
    }

    /** The {@code X-Amz-Date} value of the instant. */
    public static String amzDate(Instant signedAt) {
        return SigV4Verifier.AMZ_DATE.format(signedAt);
    }
}
