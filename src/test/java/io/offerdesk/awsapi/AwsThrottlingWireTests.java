package io.offerdesk.awsapi;

import static org.assertj.core.api.Assertions.assertThat;

import io.offerdesk.awsapi.support.AwsClients;
import io.offerdesk.support.EndToEndTest;
import io.offerdesk.support.Onboarding;
import io.offerdesk.support.TestApi;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A tenant over its allowance on {@code /aws} (ADR 0045): boto3 raises the service's modeled ThrottlingException, with
 * a {@code Retry-After} header, once the burst is spent; another tenant's calls are not held back.
 */
@EndToEndTest
class AwsThrottlingWireTests {

    @Autowired
    TestApi api;

    @Test
    void aTenantOverItsAllowanceGetsTheModeledThrottlingExceptionWithRetryAfter() {
        var onboarding = new Onboarding(api);
        var noisy = onboarding.party("SELLER", "Noisy AWS", "noisyaws", '5');
        var quiet = onboarding.party("SELLER", "Quiet AWS", "quietaws", '5');
        var noisyKey = AwsClients.accessKey(api, noisy.admin(), noisy.admin());
        var quietKey = AwsClients.accessKey(api, quiet.admin(), quiet.admin());
        var limited = api.put("/api/v1/rate-limits/" + noisy.partyId(), Onboarding.OPERATOR, """
                {"requestsPerMinute":1,"burst":2}""");
        assertThat(limited.status()).as(limited.body()).isEqualTo(200);
        try {
            var noisyCalls = calls(noisyKey, 5);
            var quietCalls = calls(quietKey, 5);

            assertThat(noisyCalls.subList(0, 2))
                    .as("the burst runs")
                    .allSatisfy(outcome -> assertThat(outcome.at("/exception").asString())
                            .as(outcome.toString())
                            .isNotEqualTo("ThrottlingException"));
            assertThat(noisyCalls.subList(3, 5)).allSatisfy(outcome -> {
                AwsClients.assertRaised(outcome, "ThrottlingException", 400);
                assertThat(outcome.at("/raw/retryAfter").asString()).isNotBlank();
            });
            assertThat(quietCalls)
                    .as("the other tenant is not held back")
                    .allSatisfy(outcome -> assertThat(outcome.at("/exception").asString())
                            .as(outcome.toString())
                            .isNotEqualTo("ThrottlingException"));
        } finally {
            api.delete("/api/v1/rate-limits/" + noisy.partyId(), Onboarding.OPERATOR);
        }
    }

    private List<tools.jackson.databind.JsonNode> calls(Map<String, String> key, int count) {
        return AwsClients.calls(
                "marketplace-entitlement",
                api.baseUrl() + "/aws/entitlement",
                key,
                Collections.nCopies(
                        count,
                        Map.<String, Object>of(
                                "operation", "get_entitlements", "params", Map.of("ProductCode", "prod-none"))));
    }
}
