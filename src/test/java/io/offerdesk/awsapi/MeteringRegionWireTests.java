package io.offerdesk.awsapi;

import static io.offerdesk.awsapi.support.AwsClients.assertRaised;
import static org.assertj.core.api.Assertions.assertThat;

import io.offerdesk.agreements.AgreementFixtures;
import io.offerdesk.awsapi.support.AwsClients;
import io.offerdesk.support.TestApi;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * With {@code offerdesk.aws.region} set, RegisterUsage signed for another region gets the model's
 * {@code InvalidRegionException}, raised by boto3 as that class, while every other operation's request signed for
 * another region stays a refused signature; signed for the configured region, RegisterUsage runs. Its own context:
 * the region is fixed when the SigV4 filter is built.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"offerdesk.aws.region=eu-central-1"})
@ActiveProfiles("test")
@Import(TestApi.class)
class MeteringRegionWireTests {

    @Autowired
    TestApi api;

    @Test
    void registerUsageSignedForAnotherRegionRaisesInvalidRegionException() {
        var result = AwsClients.boto3(
                "registration.py",
                Map.of(
                        "scenario",
                        "region",
                        "region",
                        "eu-central-1",
                        "endpoint",
                        api.baseUrl() + "/aws/metering",
                        "buyer",
                        AwsClients.accessKey(api, AgreementFixtures.GLOBEX, AgreementFixtures.GLOBEX)));

        assertRaised(result.at("/registerElsewhere"), "InvalidRegionException", 400);
        assertThat(result.at("/registerElsewhere/message").asString()).contains("us-east-1", "eu-central-1");
        var batch = result.at("/batchElsewhere");
        assertThat(batch.at("/code").asString()).as(batch.toString()).isEqualTo("InvalidSignatureException");
        assertThat(batch.at("/status").asInt()).isEqualTo(403);
        assertRaised(result.at("/registerHere"), "InvalidProductCodeException", 400);
    }
}
