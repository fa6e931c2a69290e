package io.offerdesk.awsapi.internal.sigv4;

import static org.assertj.core.api.Assertions.assertThat;

import io.offerdesk.awsapi.internal.sigv4.SigV4Verifier.Refused;
import io.offerdesk.awsapi.internal.sigv4.SigV4Verifier.Verified;
import io.offerdesk.awsapi.internal.sigv4.SigV4Verifier.WrongRegion;
import io.offerdesk.parties.KeyManagement.SigningSecret;
import io.offerdesk.platform.OfferdeskPrincipal;
import io.offerdesk.shared.Actor;
import io.offerdesk.shared.PartyKind;
import io.offerdesk.shared.Role;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.core.io.ClassPathResource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * SigV4 verification against requests signed by botocore itself ({@code awsapi/sigv4/make-vectors.py}): every vector
 * verifies, and changing any signed part, the key, the secret, the scope or the time refuses it with the error AWS
 * gives.
 */
class SigV4VerifierTests {

    static final JsonNode VECTORS = JsonMapper.builder().build().readTree(resource());
    static final String KEY = VECTORS.at("/accessKeyId").asString();
    static final UUID USER = UUID.fromString("00000000-0000-0000-0000-00000000abcd");
    static final OfferdeskPrincipal HOLDER = new OfferdeskPrincipal(
            USER,
            "author@acme.example",
            "Arthur Author",
            UUID.fromString("00000000-0000-0000-0000-0000000000ac"),
            "Acme Analytics",
            PartyKind.SELLER,
            Set.of(Role.OFFER_AUTHOR),
            Actor.Kind.API_KEY);
    static final Instant SIGNED_AT = Instant.parse(VECTORS.at("/signedAt").asString());

    final SigV4Verifier anyRegion = verifier(VECTORS.at("/secretAccessKey").asString(), null);

    static Stream<JsonNode> vectors() {
        var list = new ArrayList<JsonNode>();
        VECTORS.at("/vectors").forEach(list::add);
        return list.stream();
    }

    @ParameterizedTest
    @MethodSource("vectors")
    void everyRequestBotocoreSignedVerifiesAsItsAccessKeysUserWithinFiveMinutes(JsonNode vector) {
        for (var now : List.of(SIGNED_AT, SIGNED_AT.plus(Duration.ofMinutes(5)), SIGNED_AT.minusSeconds(299))) {
            assertThat(anyRegion.verify(request(vector, Map.of()), now))
                    .as(vector.at("/name").asString())
                    .isInstanceOfSatisfying(Verified.class, v -> {
                        assertThat(v.accessKeyId()).isEqualTo(KEY);
                        assertThat(v.userId()).isEqualTo(USER);
                        assertThat(v.principal()).isEqualTo(HOLDER);
                        assertThat(v.signedAt()).isEqualTo(SIGNED_AT);
                        assertThat(v.signature())
                                .isEqualTo(authorization(vector).replaceAll(".*Signature=", ""));
                    });
        }
    }

    @ParameterizedTest
    @MethodSource("vectors")
    void aTamperedMethodPathQueryHeaderOrBodyDoesNotVerify(JsonNode vector) {
        var original = request(vector, Map.of());
        var tampered = List.of(
                new SignedRequest(
                        original.method().equals("GET") ? "DELETE" : "GET",
                        original.rawPath(),
                        original.rawQuery(),
                        original.headers(),
                        original.body()),
                new SignedRequest(
                        original.method(),
                        original.rawPath() + "x",
                        original.rawQuery(),
                        original.headers(),
                        original.body()),
                new SignedRequest(
                        original.method(),
                        original.rawPath(),
                        original.rawQuery() + "&extra=1",
                        original.headers(),
                        original.body()),
                new SignedRequest(
                        original.method(),
                        original.rawPath(),
                        original.rawQuery(),
                        original.headers(),
                        (new String(original.body(), StandardCharsets.UTF_8) + " ").getBytes(StandardCharsets.UTF_8)),
                request(vector, Map.of("Host", "attacker.example:8080")));
        for (var request : tampered) {
            assertThat(anyRegion.verify(request, SIGNED_AT)).isEqualTo(badSignature());
        }
    }

    @ParameterizedTest
    @MethodSource("vectors")
    void aQueryWithAMalformedEscapeIsRefusedAsBadlySignedNotFailed(JsonNode vector) {
        // found by the fuzzer: URLDecoder threw on "%zz", and the filter answered 500
        var original = request(vector, Map.of());
        for (var malformed : List.of("a=%zz", "%", "b=%e", "c=100%")) {
            var query = original.rawQuery().isEmpty() ? malformed : original.rawQuery() + "&" + malformed;
            var tampered = new SignedRequest(
                    original.method(), original.rawPath(), query, original.headers(), original.body());
            assertThat(anyRegion.verify(tampered, SIGNED_AT)).isEqualTo(badSignature());
        }
    }

    @Test
    void theWrongSecretAnUnknownKeyOrNoAuthorizationAreRefusedAsAwsRefusesThem() {
        var vector = VECTORS.at("/vectors/0");

        assertThat(verifier("not-the-secret", null).verify(request(vector, Map.of()), SIGNED_AT))
                .isEqualTo(badSignature());
        assertThat(new SigV4Verifier(key -> Optional.empty(), null).verify(request(vector, Map.of()), SIGNED_AT))
                .isEqualTo(new Refused(
                        AuthFailure.UNRECOGNIZED_CLIENT, "The security token included in the request is invalid."));
        assertThat(anyRegion.verify(request(vector, Map.of("Authorization", "")), SIGNED_AT))
                .isEqualTo(new Refused(AuthFailure.MISSING_AUTHENTICATION_TOKEN, "Missing Authentication Token"));
        var unsigned = authorization(vector).replaceAll(", Signature=[0-9a-f]+", "");
        assertThat(anyRegion.verify(request(vector, Map.of("Authorization", unsigned)), SIGNED_AT))
                .isInstanceOfSatisfying(Refused.class, r -> {
                    assertThat(r.failure()).isEqualTo(AuthFailure.INCOMPLETE_SIGNATURE);
                    assertThat(r.message()).contains("'Signature'");
                });
        assertThat(anyRegion.verify(request(vector, Map.of("Authorization", "AWS3 whatever")), SIGNED_AT))
                .extracting(r -> ((Refused) r).failure())
                .isEqualTo(AuthFailure.INCOMPLETE_SIGNATURE);
    }

    @Test
    void aRequestSignedMoreThanFiveMinutesAgoOrAheadIsRefused() {
        var vector = VECTORS.at("/vectors/1");

        assertThat(anyRegion.verify(
                        request(vector, Map.of()),
                        SIGNED_AT.plus(Duration.ofMinutes(5)).plusSeconds(1)))
                .isEqualTo(new Refused(
                        AuthFailure.INVALID_SIGNATURE,
                        "Signature expired: 20261127T080000Z is now earlier than 20261127T080001Z"
                                + " (20261127T080501Z - 5 min.)"));
        assertThat(anyRegion.verify(request(vector, Map.of()), SIGNED_AT.minus(Duration.ofMinutes(6))))
                .isInstanceOfSatisfying(
                        Refused.class, r -> assertThat(r.message()).startsWith("Signature not yet current"));
        assertThat(anyRegion.verify(request(vector, Map.of("X-Amz-Date", "yesterday")), SIGNED_AT))
                .extracting(r -> ((Refused) r).failure())
                .isEqualTo(AuthFailure.INCOMPLETE_SIGNATURE);
    }

    @Test
    void theScopeMustNameTheServiceTheSigningDayAndTheConfiguredRegion() {
        var euWest = VECTORS.at("/vectors/2");
        assertThat(anyRegion.verify(request(euWest, Map.of()), SIGNED_AT))
                .isInstanceOfSatisfying(
                        Verified.class, v -> assertThat(v.region()).isEqualTo("eu-west-1"));
        assertThat(verifier(VECTORS.at("/secretAccessKey").asString(), "us-east-1")
                        .verify(request(euWest, Map.of()), SIGNED_AT))
                .isInstanceOfSatisfying(
                        Refused.class, r -> assertThat(r.message()).contains("valid region"));

        var answeringItself = new SigV4Verifier(
                key -> Optional.of(
                        new SigningSecret(HOLDER, VECTORS.at("/secretAccessKey").asString())),
                "us-east-1",
                request -> true);
        assertThat(answeringItself.verify(request(euWest, Map.of()), SIGNED_AT))
                .as("an operation that models a wrong region gets the verified request and the region it expected")
                .isInstanceOfSatisfying(WrongRegion.class, w -> {
                    assertThat(w.region()).isEqualTo("us-east-1");
                    assertThat(w.verified().region()).isEqualTo("eu-west-1");
                });
        var wrongSecret = new SigV4Verifier(
                key -> Optional.of(new SigningSecret(HOLDER, "not-the-secret")), "us-east-1", request -> true);
        assertThat(wrongSecret.verify(request(euWest, Map.of()), SIGNED_AT))
                .as("but only once the signature itself holds")
                .isEqualTo(badSignature());

        var vector = VECTORS.at("/vectors/0");
        var otherService = authorization(vector).replace("/aws-marketplace/", "/execute-api/");
        assertThat(anyRegion.verify(request(vector, Map.of("Authorization", otherService)), SIGNED_AT))
                .isInstanceOfSatisfying(
                        Refused.class, r -> assertThat(r.message()).contains("'aws-marketplace'"));
        var otherDay = authorization(vector).replace("/20261127/", "/20261126/");
        assertThat(anyRegion.verify(request(vector, Map.of("Authorization", otherDay)), SIGNED_AT))
                .isInstanceOfSatisfying(
                        Refused.class, r -> assertThat(r.message()).contains("'20261126' != '20261127'"));
    }

    @Test
    void theCanonicalPathAndQueryAreEncodedAsAwsEncodesThem() {
        assertThat(SigV4Verifier.canonicalPath("")).isEqualTo("/");
        assertThat(SigV4Verifier.canonicalPath("/aws/./catalog/../catalog//a%20b/"))
                .isEqualTo("/aws/catalog/a%2520b/");
        assertThat(SigV4Verifier.canonicalQuery("b=2&a=%7E+x&a=1&c&a-b=%2f")).isEqualTo("a=1&a=~%2Bx&a-b=%2F&b=2&c=");
    }

    static SigV4Verifier verifier(String secret, @Nullable String region) {
        return new SigV4Verifier(
                key -> key.equals(KEY) ? Optional.of(new SigningSecret(HOLDER, secret)) : Optional.empty(), region);
    }

    static Refused badSignature() {
        return new Refused(
                AuthFailure.INVALID_SIGNATURE,
                "The request signature we calculated does not match the signature you provided. Check your AWS Secret"
                        + " Access Key and signing method. Consult the service documentation for details.");
    }

    static String authorization(JsonNode vector) {
        return vector.at("/authorization").asString();
    }

    /** The vector as it would arrive, with some headers replaced. */
    static SignedRequest request(JsonNode vector, Map<String, String> replaced) {
        var headers = new LinkedHashMap<String, List<String>>();
        vector.at("/headers")
                .properties()
                .forEach(e -> headers.put(e.getKey(), List.of(e.getValue().asString())));
        replaced.forEach((name, value) -> {
            headers.keySet().removeIf(n -> n.equalsIgnoreCase(name));
            headers.put(name, List.of(value));
        });
        return new SignedRequest(
                vector.at("/method").asString(),
                vector.at("/path").asString(),
                vector.at("/query").asString(),
                headers,
                vector.at("/body").asString().getBytes(StandardCharsets.UTF_8));
    }

    static String resource() {
        try (var in = new ClassPathResource("awsapi/sigv4/vectors.json").getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
