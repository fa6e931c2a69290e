package io.offerdesk.awsapi.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.offerdesk.awsapi.support.BotocoreConformance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The service map says what the botocore models say: the protocol boto3 speaks and the target prefix it sends. */
class AwsServiceTests {

    @ParameterizedTest
    @EnumSource(AwsService.class)
    void everyServiceSpeaksItsModelsProtocolAndTarget(AwsService service) {
        var metadata = BotocoreConformance.of(service.botocoreName()).model().at("/metadata");

        assertThat(metadata.at("/protocols").valueStream().map(p -> p.asString()))
                .as("a protocol the model lists")
                .contains(service.protocol().botocoreName());
        if (service.protocol().rpc()) {
            assertThat(metadata.at("/targetPrefix").asString()).isEqualTo(service.targetPrefix());
            assertThat(service.protocol().contentType())
                    .isEqualTo("application/x-amz-json-"
                            + metadata.at("/jsonVersion").asString());
        } else {
            assertThat(service.targetPrefix()).isNull();
        }
        assertThat(metadata.at("/signingName").asString()).isEqualTo("aws-marketplace");
    }

    @Test
    void aRequestPathFindsItsService() {
        assertThat(AwsService.forPath("/aws/metering/")).contains(AwsService.METERING);
        assertThat(AwsService.forPath("/aws/metering")).contains(AwsService.METERING);
        assertThat(AwsService.forPath("/aws/catalog/ListEntities")).contains(AwsService.CATALOG);
        assertThat(AwsService.forPath("/aws/meteringx")).isEmpty();
        assertThat(AwsService.forPath("/api/v1/metering")).isEmpty();
    }
}
