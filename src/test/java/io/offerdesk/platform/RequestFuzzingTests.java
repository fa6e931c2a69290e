package io.offerdesk.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.offerdesk.awsapi.support.AwsClients;
import io.offerdesk.support.EndToEndTest;
import io.offerdesk.support.Onboarding;
import io.offerdesk.support.TestApi;
import io.offerdesk.support.fuzz.BotocoreFuzzer;
import io.offerdesk.support.fuzz.FuzzRun;
import io.offerdesk.support.fuzz.IdPool;
import io.offerdesk.support.fuzz.OpenApiFuzzer;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.sessions.JqwikSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The fuzzer (ADR 0049): every REST operation of the application's OpenAPI document and every operation of the
 * botocore models, called by parties of its own with plausible and with malformed requests (wrong types, missing and
 * extra fields, huge strings, NUL, lone surrogates, right-to-left and zero-width marks, negative and overflowing
 * numbers, impossible dates, bad ids, enums, query values and headers). Properties: no answer is a 5xx other than a
 * deliberate 503, and a request answered with anything but 2xx changed no table (see {@code DatabaseFingerprint}).
 *
 * <p>Reduced in the suite (a fixed seed, {@value #REDUCED_TRIES} tries per operation). The full form: {@code ./mvnw
 * -o verify -Dtest=RequestFuzzingTests -Dfuzz.tries=60 [-Dfuzz.seed=…]}.
 *
 * <p>It never moves the clock (the operations that would are only sent malformed), but runs after the classes that
 * move it ({@code @Order}): the bodies it makes plausible date themselves from the clock, and running last keeps the
 * objects it creates for its own parties out of every other test's way.
 */
@EndToEndTest
@Order(Order.DEFAULT + 74)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RequestFuzzingTests {

    static final int REDUCED_TRIES = 4;
    static final int TRIES = Integer.getInteger("fuzz.tries", REDUCED_TRIES);
    static final long SEED = Long.getLong("fuzz.seed", 20261127L);

    @Autowired
    TestApi api;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    final IdPool ids = new IdPool();
    final List<String> callers = new ArrayList<>();

    @BeforeAll
    void onboardTheFuzzersOwnParties() {
        var onboarding = new Onboarding(api);
        for (var kind : List.of("SELLER", "BUYER", "CHANNEL_PARTNER")) {
            var party = onboarding.party(kind, "Fuzz " + kind, "fuzz", '7');
            var roles = io.offerdesk.shared.Role.forParty(io.offerdesk.shared.PartyKind.valueOf(kind)).stream()
                    .map(Enum::name)
                    .toList();
            var caller = onboarding.invite(party.admin(), party.email("fuzzer"), roles);
            // issued now: issuing a key writes (the key, its audit entry), which must not count as a request's write
            api.keyOf(caller);
            callers.add(caller);
            ids.add("accountId", party.accountId());
            ids.add("partyId", party.partyId().toString());
        }
    }

    @Test
    void everyRestOperationAnswersMalformedRequestsWithoutA500OrAPartialWrite() {
        JqwikSession.start();
        try {
            fuzzRest();
        } finally {
            JqwikSession.finish();
        }
    }

    private void fuzzRest() {
        var document = api.get("/v3/api-docs", null).json();
        var today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        var fuzzer = new OpenApiFuzzer(document, ids, today, RequestFuzzingTests::onlyMalformed);
        var run = new FuzzRun(api.baseUrl(), jdbc);
        var random = new Random(SEED);
        var operations = fuzzer.operations();
        for (int o = 0; o < operations.size(); o++) {
            var operation = operations.get(o);
            for (int attempt = 0; attempt < TRIES; attempt++) {
                var caller = attempt == TRIES - 1 && attempt > 2 && random.nextInt(4) == 0
                        ? null
                        : api.keyOf(callers.get((o + attempt) % callers.size()));
                var answer = run.send(fuzzer.request(operation, attempt, caller, random));
                if (answer.successful()) {
                    ids.harvest(operation.path(), answer.json());
                }
            }
        }
        System.out.println("REST fuzz (seed " + SEED + ", " + TRIES + " tries): " + run.report());
        assertThat(operations)
                .as("the OpenAPI document lists the REST operations")
                .hasSizeGreaterThan(100);
        assertThat(run.violations()).as(String.join("\n", run.violations())).isEmpty();
    }

    @Test
    void everyAwsOperationAnswersMalformedSignedRequestsWithoutA500OrAPartialWrite() throws IOException {
        JqwikSession.start();
        try {
            fuzzAws();
        } finally {
            JqwikSession.finish();
        }
    }

    private void fuzzAws() throws IOException {
        var keys = callers.stream()
                .map(caller -> {
                    var pair = AwsClients.accessKey(api, caller, caller);
                    return new BotocoreFuzzer.Keys(pair.get("accessKeyId"), pair.get("secretAccessKey"));
                })
                .toList();
        var host = api.baseUrl().substring("http://".length());
        var run = new FuzzRun(api.baseUrl(), jdbc);
        var random = new Random(SEED);
        var operations = 0;
        for (var service : List.of("catalog", "agreement", "metering", "entitlement", "discovery")) {
            var fuzzer = new BotocoreFuzzer(service, "/aws/" + service, model(service), ids);
            for (var operation : fuzzer.operations()) {
                operations++;
                for (int attempt = 0; attempt < TRIES; attempt++) {
                    var answer = run.send(fuzzer.request(
                            operation, attempt, keys.get((operations + attempt) % keys.size()), host, random));
                    if (answer.successful()) {
                        fuzzer.harvest(operation, answer.body());
                    }
                }
            }
        }
        System.out.println("AWS fuzz (seed " + SEED + ", " + TRIES + " tries): " + run.report());
        assertThat(operations).as("the botocore models list the AWS operations").isGreaterThan(40);
        assertThat(run.violations()).as(String.join("\n", run.violations())).isEmpty();
    }

    /**
     * Operations sent only malformed: the simulation controls (the clock is shared by every test and only moves
     * forward; faults and throttles would reach other tests' parties) and the operator's marketplace-wide settings.
     * The fuzzer's callers are no operators, so a plausible request would be refused anyway; this keeps it so if a
     * role changes.
     */
    static boolean onlyMalformed(OpenApiFuzzer.Operation operation) {
        var path = operation.path();
        return path.startsWith("/api/v1/simulation")
                || path.startsWith("/api/v1/operator")
                || path.contains("rate-limit")
                || path.contains("fee-schedule");
    }

    private static JsonNode model(String service) throws IOException {
        var prefix = switch (service) {
            case "catalog" -> "marketplace-catalog";
            case "agreement" -> "marketplace-agreement";
            case "metering" -> "meteringmarketplace";
            case "entitlement" -> "marketplace-entitlement";
            default -> "marketplace-discovery";
        };
        var found = new PathMatchingResourcePatternResolver()
                .getResources("classpath*:awsapi/models/" + prefix + "-*.service-2.json");
        try (InputStream in = found[0].getInputStream()) {
            return JsonMapper.builder().build().readTree(in);
        }
    }
}
