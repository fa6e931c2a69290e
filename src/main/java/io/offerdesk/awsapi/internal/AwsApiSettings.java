package io.offerdesk.awsapi.internal;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What operators may tune about the AWS-compatible API ({@code offerdesk.aws.*}).
 *
 * @param region the only region a request may be signed for (e.g. {@code us-east-1}); empty accepts any region, so
 *     that clients configured for any region work
 * @param maxRequestBytes the largest request body read; AWS's Metering Service takes requests under 1 MB
 */
@ConfigurationProperties("offerdesk.aws")
public record AwsApiSettings(
        @Nullable String region, @DefaultValue("1048576") int maxRequestBytes) {

    /** The configured region, absent when any region is accepted. */
    public @Nullable String onlyRegion() {
        return region == null || region.isBlank() ? null : region.strip();
    }
}
