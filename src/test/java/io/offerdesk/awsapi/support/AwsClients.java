package io.offerdesk.awsapi.support;

import static org.assertj.core.api.Assertions.assertThat;

import io.offerdesk.support.TestApi;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.springframework.core.io.ClassPathResource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the AWS wire tests share: access keys issued over REST as a user would get them, and AWS's own clients (a boto3
 * script from {@code awsapi/}, the AWS CLI) run as separate processes.
 */
public final class AwsClients {

    public static final JsonMapper JSON = JsonMapper.builder().build();
    public static final String OPERATOR = "operator@offerdesk.example";

    private AwsClients() {}

    /** The access key pair issued over REST by {@code issuer} (the user or their administrator) for the user. */
    public static Map<String, String> accessKey(TestApi api, String issuer, String holder) {
        var id = holder.equals(issuer)
                ? api.get("/api/v1/users/me", holder).json().at("/id").asString()
                : holder;
        var issued = api.post("/api/v1/users/" + id + "/access-keys", issuer, "");
        assertThat(issued.status()).as(issued.body()).isEqualTo(201);
        return Map.of(
                "accessKeyId", issued.json().at("/key/id").asString(),
                "secretAccessKey", issued.json().at("/secretAccessKey").asString());
    }

    /** Runs {@code awsapi/<script>} with the arguments as one JSON document and reads what it printed. */
    public static JsonNode boto3(String script, Map<String, Object> arguments) {
        try {
            var path = new ClassPathResource("awsapi/" + script).getFile().getPath();
            return JSON.readTree(run(Map.of(), "python3", path, JSON.writeValueAsString(arguments)));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs a command to its end and returns its standard output; it must succeed. */
    public static String run(Map<String, String> environment, String... command) {
        var ran = execute(environment, command);
        assertThat(ran.exitValue()).as(ran.stderr()).isZero();
        return ran.stdout();
    }

    /** Runs a command that must fail, as the AWS CLI does on an error, and returns what it wrote to standard error. */
    public static String failing(Map<String, String> environment, String... command) {
        var ran = execute(environment, command);
        assertThat(ran.exitValue()).as(ran.stdout()).isNotZero();
        return ran.stderr();
    }

    private record Ran(int exitValue, String stdout, String stderr) {}

    private static Ran execute(Map<String, String> environment, String... command) {
        try {
            var builder = new ProcessBuilder(new ArrayList<>(List.of(command)));
            builder.environment().putAll(environment);
            var process = builder.start();
            var stdout = process.getInputStream().readAllBytes();
            var stderr = process.getErrorStream().readAllBytes();
            assertThat(process.waitFor(180, TimeUnit.SECONDS)).isTrue();
            return new Ran(
                    process.exitValue(),
                    new String(stdout, StandardCharsets.UTF_8),
                    new String(stderr, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Sets the simulator's fault over REST as the operator does: the party's next {@code calls} calls to the operation
     * are answered with the modeled error.
     */
    public static void fault(TestApi api, UUID party, String service, String operation, String errorCode, int calls) {
        var set = api.post(
                "/api/v1/simulation/faults", OPERATOR, """
                {"partyId":"%s","service":"%s","operation":"%s","errorCode":"%s","calls":%d}""".formatted(party, service, operation, errorCode, calls));
        assertThat(set.status()).as(set.body()).isEqualTo(200);
    }

    /** Clears every fault of the party the operator sees. */
    public static void clearFaults(TestApi api, UUID party) {
        api.get("/api/v1/simulation/faults", OPERATOR).json().at("/faults").forEach(fault -> {
            if (fault.at("/partyId").asString().equals(party.toString())) {
                var cleared = api.delete(
                        "/api/v1/simulation/faults?partyId=" + party + "&service="
                                + fault.at("/service").asString() + "&operation="
                                + fault.at("/operation").asString(),
                        OPERATOR);
                assertThat(cleared.status()).as(cleared.body()).isEqualTo(204);
            }
        });
    }

    /**
     * Runs {@code awsapi/calls.py}: boto3 calls the operations (boto3 method name and parameters) of the service at
     * the endpoint in order, one attempt each, and each outcome is returned.
     */
    public static List<JsonNode> calls(
            String service, String endpoint, Map<String, String> keys, List<Map<String, Object>> calls) {
        var outcomes = new ArrayList<JsonNode>();
        boto3("calls.py", Map.of("service", service, "endpoint", endpoint, "keys", keys, "calls", calls))
                .forEach(outcomes::add);
        return outcomes;
    }

    /** boto3 raised the modeled exception class for the call, with AWS's code, the status and a request id. */
    public static void assertRaised(JsonNode outcome, String exception, int status) {
        assertThat(outcome.at("/ok").asBoolean()).as(outcome.toString()).isFalse();
        assertThat(outcome.at("/exception").asString())
                .as("boto3 raised the modeled exception class: " + outcome)
                .isEqualTo(exception);
        assertThat(outcome.at("/code").asString()).isEqualTo(exception);
        assertThat(outcome.at("/status").asInt()).isEqualTo(status);
        assertThat(outcome.at("/requestId").asString()).isNotBlank();
    }
}
