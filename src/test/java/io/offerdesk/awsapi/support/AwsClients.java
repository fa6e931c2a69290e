package io.offerdesk.awsapi.support;

import static org.assertj.core.api.Assertions.assertThat;

import io.offerdesk.support.TestApi;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.springframework.core.io.ClassPathResource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the wire tests need to drive Offerdesk with AWS's own clients: access keys issued over REST, and boto3 scripts
 * ({@code src/test/resources/awsapi/*.py}) and the AWS CLI run as processes.
 */
public final class AwsClients {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final TestApi api;

    public AwsClients(TestApi api) {
        this.api = api;
    }

    /** A fresh access key pair of the user, issued by the user over REST. */
    public Map<String, String> accessKey(String user) {
        var id = api.get("/api/v1/users/me", user).json().at("/id").asString();
        var issued = api.post("/api/v1/users/" + id + "/access-keys", user, "");
        assertThat(issued.status()).as(issued.body()).isEqualTo(201);
        return Map.of(
                "accessKeyId", issued.json().at("/key/id").asString(),
                "secretAccessKey", issued.json().at("/secretAccessKey").asString());
    }

    /** Runs {@code awsapi/<script>} with the arguments as its one JSON argument; returns what it printed. */
    public JsonNode boto3(String script, Map<String, Object> arguments) {
        try {
            var path = new ClassPathResource("awsapi/" + script).getFile().getPath();
            return JSON.readTree(run(Map.of(), "python3", path, JSON.writeValueAsString(arguments)));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs the command with the environment added; asserts it succeeded and returns its output. */
    public static String run(Map<String, String> environment, String... command) {
        try {
            var builder = new ProcessBuilder(new ArrayList<>(List.of(command)));
            builder.environment().putAll(environment);
            var process = builder.start();
            var stdout = process.getInputStream().readAllBytes();
            var stderr = process.getErrorStream().readAllBytes();
            assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
            assertThat(process.exitValue())
                    .as(new String(stderr, StandardCharsets.UTF_8))
                    .isZero();
            return new String(stdout, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
