package io.offerdesk.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.offerdesk.support.EndToEndTest;
import io.offerdesk.support.Onboarding;
import io.offerdesk.support.TestApi;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Abuse resistance of {@code /api} (ADR 0045): a tenant over its allowance gets 429s with {@code Retry-After} while
 * another tenant's requests at the same moment all succeed; only the operator sets a tenant's allowance; a body over
 * the limit is a 413 problem, whether its length is declared or it arrives chunked, and uploads have a larger limit.
 */
@EndToEndTest
class RequestLimitsTests {

    static final String OPERATOR = Onboarding.OPERATOR;

    @Autowired
    TestApi api;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aNoisyTenantIsThrottledWhileAnotherTenantsRequestsAtTheSameMomentAllSucceed() throws Exception {
        var onboarding = new Onboarding(api);
        var noisy = onboarding.party("SELLER", "Noisy", "noisy", '5');
        var quiet = onboarding.party("SELLER", "Quiet", "quiet", '5');
        // five requests at once, then one a minute: the noisy burst below cannot be refilled while it runs
        var limited = api.put("/api/v1/rate-limits/" + noisy.partyId(), OPERATOR, """
                {"requestsPerMinute":1,"burst":5}""");
        assertThat(limited.status()).as(limited.body()).isEqualTo(200);
        assertThat(limited.json().at("/overridden").asBoolean()).isTrue();
        try {
            var calls = new ArrayList<Callable<TestApi.Reply>>();
            for (int i = 0; i < 30; i++) {
                calls.add(() -> api.get("/api/v1/parties/me", noisy.admin()));
                calls.add(() -> api.get("/api/v1/parties/me", quiet.admin()));
            }
            var noisyReplies = new ArrayList<TestApi.Reply>();
            var quietReplies = new ArrayList<TestApi.Reply>();
            try (var pool = Executors.newFixedThreadPool(16)) {
                var futures = pool.invokeAll(calls);
                for (int i = 0; i < futures.size(); i++) {
                    (i % 2 == 0 ? noisyReplies : quietReplies)
                            .add(futures.get(i).get());
                }
            }

            assertThat(quietReplies)
                    .as("the quiet tenant is not held back")
                    .allSatisfy(
                            reply -> assertThat(reply.status()).as(reply.body()).isEqualTo(200));
            var throttled = noisyReplies.stream().filter(r -> r.status() == 429).toList();
            assertThat(noisyReplies)
                    .extracting(TestApi.Reply::status)
                    .as("the noisy tenant's requests either run or are throttled")
                    .containsOnly(200, 429);
            assertThat(throttled)
                    .as("at most the burst and a minute's refill run")
                    .hasSizeGreaterThanOrEqualTo(20);
            var first = throttled.getFirst();
            assertThat(first.contentType()).startsWith("application/problem+json");
            assertThat(first.json().at("/status").asInt()).isEqualTo(429);
            assertThat(first.json().at("/limit").asString()).isEqualTo("offerdesk.rate-limits");
            assertThat(first.json().at("/retryAfterSeconds").asLong()).isPositive();
        } finally {
            assertThat(api.delete("/api/v1/rate-limits/" + noisy.partyId(), OPERATOR)
                            .status())
                    .isEqualTo(204);
        }
        var restored = api.get("/api/v1/parties/me", noisy.admin());
        assertThat(restored.status())
                .as("the deployment's allowance applies again once the override is gone")
                .isEqualTo(200);
        assertThat(api.get("/api/v1/rate-limits/" + noisy.partyId(), OPERATOR)
                        .json()
                        .at("/overridden")
                        .asBoolean())
                .isFalse();
    }

    @Test
    void aThrottledRequestIsAnsweredAfterTheRefusalHoldWithRetryAfter() throws Exception {
        var party = new Onboarding(api).party("SELLER", "Throttled", "throttled", '5');
        var limited = api.put("/api/v1/rate-limits/" + party.partyId(), OPERATOR, """
                {"requestsPerMinute":1,"burst":1}""");
        assertThat(limited.status()).as(limited.body()).isEqualTo(200);
        try {
            assertThat(api.get("/api/v1/parties/me", party.admin()).status()).isEqualTo(200);
            var sent = System.nanoTime();
            var refused = HttpClient.newHttpClient()
                    .send(
                            api.request("/api/v1/parties/me", party.admin())
                                    .GET()
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            var answeredAfter = Duration.ofNanos(System.nanoTime() - sent);
            assertThat(refused.statusCode()).isEqualTo(429);
            assertThat(refused.headers().firstValueAsLong("Retry-After").orElse(0))
                    .as("whole seconds, at least one")
                    .isBetween(1L, 60L);
            // a lower bound, set by the hold itself: a slow machine can only make it longer
            assertThat(answeredAfter)
                    .as("held for offerdesk.rate-limits.refusal-hold (1 s by default) before it is answered")
                    .isGreaterThanOrEqualTo(Duration.ofSeconds(1));
        } finally {
            api.delete("/api/v1/rate-limits/" + party.partyId(), OPERATOR);
        }
    }

    @Test
    void aKeyThatAuthenticatedBeforeIsRefusedBeforeAuthenticationWhileItsPartyIsOverItsAllowance() {
        var party = new Onboarding(api).party("SELLER", "Flood", "flood", '5');
        var limits = "/api/v1/rate-limits/" + party.partyId();
        assertThat(api.put(limits, OPERATOR, """
                        {"requestsPerMinute":1,"burst":1}""").status()).isEqualTo(200);
        var key = api.keyOf(party.admin());
        var keyId = key.split("_")[1];
        try {
            assertThat(statusWith(key)).isEqualTo(200);
            assertThat(statusWith(key)).as("over its allowance").isEqualTo(429);
            assertThat(statusWith("od_" + keyId + "_" + "a".repeat(40)))
                    .as("a forged key of the party is authenticated, and fails: it neither spends nor probes the"
                            + " party's allowance")
                    .isEqualTo(401);
            // Revoked behind the app's back, as the party may not call now: only a refusal that does not read the
            // key again still answers 429.
            jdbc.sql("UPDATE parties.api_key SET revoked_at = now() WHERE id = :id")
                    .param("id", keyId)
                    .update();
            assertThat(statusWith(key))
                    .as("refused before its key is authenticated")
                    .isEqualTo(429);
        } finally {
            assertThat(api.delete(limits, OPERATOR).status()).isEqualTo(204);
        }
        assertThat(statusWith(key))
                .as("with allowance again, the key is authenticated, and is revoked")
                .isEqualTo(401);
    }

    private int statusWith(String apiKey) {
        return api.send(HttpRequest.newBuilder(URI.create(api.baseUrl() + "/api/v1/parties/me"))
                        .header("Authorization", "Bearer " + apiKey)
                        .GET())
                .status();
    }

    @Test
    void onlyTheOperatorSetsAllowancesAndBadOnesAreRefusedNamingTheField() {
        var party = new Onboarding(api).party("SELLER", "Allowance", "allowance", '5');
        var path = "/api/v1/rate-limits/" + party.partyId();
        assertThat(api.put(path, party.admin(), """
                        {"requestsPerMinute":100000,"burst":100000}""").status()).isEqualTo(403);
        var bad = api.put(path, OPERATOR, """
                {"requestsPerMinute":0}""");
        assertThat(bad.status()).as(bad.body()).isIn(400, 422);
        assertThat(bad.body()).contains("requestsPerMinute").contains("burst");
        var unchanged = api.get(path, OPERATOR);
        assertThat(unchanged.json().at("/overridden").asBoolean()).isFalse();
        assertThat(unchanged.json().at("/requestsPerMinute").asLong()).isEqualTo(12000);
        assertThat(api.delete("/api/v1/rate-limits/" + UUID.randomUUID(), OPERATOR)
                        .status())
                .isEqualTo(404);

        var nobody = UUID.randomUUID();
        var forNobody = api.put("/api/v1/rate-limits/" + nobody, OPERATOR, """
                {"requestsPerMinute":10,"burst":10}""");
        assertThat(forNobody.status()).as("an id that names no party").isEqualTo(404);
        assertThat(forNobody.body()).contains("party");
        assertThat(api.get("/api/v1/rate-limits/" + nobody, OPERATOR).status()).isEqualTo(404);
        assertThat(jdbc.sql("SELECT count(*) FROM platform.rate_limit_override WHERE party_id = ?")
                        .param(nobody)
                        .query(Long.class)
                        .single())
                .as("nothing kept for no party")
                .isZero();
    }

    @Test
    void aBodyOverTheLimitIsA413ProblemWhetherItsLengthIsDeclaredOrItIsChunked() {
        var party = new Onboarding(api).party("SELLER", "Large", "large", '5');
        var large = "{\"name\":\"" + "x".repeat(1_100_000) + "\"}";

        var declared = api.post("/api/v1/change-sets", party.admin(), large);
        assertThat(declared.status()).as(declared.body()).isEqualTo(413);
        assertThat(declared.contentType()).startsWith("application/problem+json");
        assertThat(declared.json().at("/limit").asString()).isEqualTo("offerdesk.request-limits.max-body-bytes");
        assertThat(declared.json().at("/maxBodyBytes").asLong()).isEqualTo(1_048_576);

        var bytes = large.getBytes(StandardCharsets.UTF_8);
        var chunked = api.send(api.request("/api/v1/change-sets", party.admin())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes))));
        assertThat(chunked.status()).as(chunked.body()).isEqualTo(413);
        assertThat(chunked.json().at("/maxBodyBytes").asLong()).isEqualTo(1_048_576);

        var small = api.send(api.request("/api/v1/change-sets", party.admin())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(
                        () -> new ByteArrayInputStream("{}".getBytes(StandardCharsets.UTF_8)))));
        assertThat(small.status())
                .as("a chunked body under the limit reaches the controller: " + small.body())
                .isNotIn(413, 500);
    }

    /** An upload may be larger than a JSON body (a EULA of up to 10 MiB), up to its own limit. */
    @Test
    void anUploadHasItsOwnLargerLimit() {
        var party = new Onboarding(api).party("SELLER", "Upload", "upload", '5');
        var within = upload(party.admin(), new byte[2 * 1024 * 1024]);
        assertThat(within.status())
                .as("over the JSON limit but within the upload limit, the body reaches the controller: "
                        + within.body())
                .isNotIn(413, 500);

        var over = upload(party.admin(), new byte[11 * 1024 * 1024 + 1]);
        assertThat(over.status()).as(over.body()).isEqualTo(413);
        assertThat(over.json().at("/limit").asString()).isEqualTo("offerdesk.request-limits.max-upload-bytes");
        assertThat(over.json().at("/maxBodyBytes").asLong()).isEqualTo(11 * 1024 * 1024);
    }

    private TestApi.Reply upload(String email, byte[] content) {
        return api.send(api.request("/api/v1/eula-documents?fileName=terms.pdf", email)
                .header("Content-Type", "application/pdf")
                .POST(HttpRequest.BodyPublishers.ofByteArray(content)));
    }
}
