package io.offerdesk.agreements.internal;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What operators may tune about entitlements and SaaS fulfillment ({@code offerdesk.entitlements.*}).
 *
 * @param registrationTokenValidity how long a SaaS registration token resolves; AWS documents 30 minutes
 * @param fulfillmentFirstRetry the wait after the first failed post to a fulfillment URL; it doubles with every
 *     further failure
 * @param fulfillmentMaxBackoff the longest wait between two posts
 * @param fulfillmentAttempts how many posts are tried before the outbox gives up (the buyer can still register with
 *     the "Set up your account" button)
 * @param fulfillmentTimeout how long one post may take
 * @param plainHttpHosts hosts whose https fulfillment URLs are posted to over plain http instead: only for local test
 *     endpoints that cannot present a certificate (the test profile sets {@code localhost}); empty in production,
 *     where the catalog accepts only https fulfillment URLs and they are posted to as written
 */
@ConfigurationProperties("offerdesk.entitlements")
public record EntitlementSettings(
        @DefaultValue("PT30M") Duration registrationTokenValidity,
        @DefaultValue("PT1M") Duration fulfillmentFirstRetry,
        @DefaultValue("PT12H") Duration fulfillmentMaxBackoff,
        @DefaultValue("15") int fulfillmentAttempts,
        @DefaultValue("PT10S") Duration fulfillmentTimeout,
        @DefaultValue List<String> plainHttpHosts) {

    public EntitlementSettings {
        plainHttpHosts = List.copyOf(plainHttpHosts);
    }

    /** When the post after failed attempt number {@code attempt} (1 for the first) is due. */
    public Duration backoffAfter(int attempt) {
        var wait = fulfillmentFirstRetry.multipliedBy(1L << Math.min(attempt - 1, 30));
        return wait.compareTo(fulfillmentMaxBackoff) > 0 ? fulfillmentMaxBackoff : wait;
    }

    /** Where the registration is posted: the URL as written, except on a plain-http test host. */
    public String postTarget(String fulfillmentUrl) {
        var uri = java.net.URI.create(fulfillmentUrl);
        if ("https".equalsIgnoreCase(uri.getScheme()) && plainHttpHosts.contains(uri.getHost())) {
            return "http" + fulfillmentUrl.substring("https".length());
        }
        return fulfillmentUrl;
    }
}
