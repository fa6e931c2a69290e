package io.offerdesk.notifications.internal.webhooks;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What operators may tune about outbound webhooks ({@code offerdesk.webhooks.*}).
 *
 * @param firstRetry the wait after the first failed attempt; it doubles with every further failure
 * @param maxBackoff the longest wait between two attempts
 * @param retryFor how long a delivery is retried: the first failed attempt at or after this long past its creation
 *     makes it dead (DESIGN §4: at least three days)
 * @param timeout how long one attempt may take to connect and answer
 * @param plainHttpHosts hosts that may receive webhooks over plain http: only local test receivers (the test profile
 *     sets {@code localhost}); empty in production, where endpoints must be https
 */
@ConfigurationProperties("offerdesk.webhooks")
public record WebhookSettings(
        @DefaultValue("PT1M") Duration firstRetry,
        @DefaultValue("PT6H") Duration maxBackoff,
        @DefaultValue("P3D") Duration retryFor,
        @DefaultValue("PT10S") Duration timeout,
        @DefaultValue List<String> plainHttpHosts) {

    public WebhookSettings {
        plainHttpHosts = List.copyOf(plainHttpHosts);
    }

    /** The wait before the attempt after failed attempt number {@code attempt} (1 for the first). */
    public Duration backoffAfter(int attempt) {
        var wait = firstRetry.multipliedBy(1L << Math.min(Math.max(attempt - 1, 0), 30));
        return wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait;
    }
}
