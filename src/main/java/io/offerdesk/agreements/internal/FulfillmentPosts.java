package io.offerdesk.agreements.internal;

import io.offerdesk.agreements.internal.FulfillmentPostRepository.FulfillmentPost;
import io.offerdesk.agreements.internal.FulfillmentPostRepository.FulfillmentPost.State;
import io.offerdesk.platform.DueWork;
import io.offerdesk.platform.DueWorkSignals;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Posts SaaS registrations to sellers' fulfillment URLs from the outbox, as AWS Marketplace does when a buyer
 * subscribes: an {@code application/x-www-form-urlencoded} POST with a fresh registration token in
 * {@code x-amzn-marketplace-token}. A post is claimed with {@code SKIP LOCKED} in a short transaction, sent outside any
 * transaction, and retried with exponential backoff until the seller answers 2xx or the attempts run out. Nothing here
 * runs inside an acceptance.
 */
@Component
@EnableConfigurationProperties(EntitlementSettings.class)
public class FulfillmentPosts implements DueWork {

    public static final String TOKEN_FIELD = "x-amzn-marketplace-token";

    private static final Logger log = LoggerFactory.getLogger(FulfillmentPosts.class);
    private static final int BATCH = 50;

    private record Claimed(FulfillmentPost post, String token) {}

    private final FulfillmentPostRepository posts;
    private final RegistrationTokens tokens;
    private final EntitlementSettings settings;
    private final TransactionTemplate ownTransactions;
    private final DueWorkSignals signals;
    private final HttpClient http;

    FulfillmentPosts(
            FulfillmentPostRepository posts,
            RegistrationTokens tokens,
            EntitlementSettings settings,
            PlatformTransactionManager transactionManager,
            DueWorkSignals signals) {
        this.posts = posts;
        this.tokens = tokens;
        this.settings = settings;
        // Short transactions of its own, so that no connection is held while the seller answers.
        this.ownTransactions = new TransactionTemplate(transactionManager);
        this.ownTransactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.signals = signals;
        this.http = HttpClient.newBuilder()
                .connectTimeout(settings.fulfillmentTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    @Override
    public Optional<Instant> nextDueAfter(Instant after) {
        return posts.nextAttempt();
    }

    @Override
    public void runDue(Instant now) {
        List<Claimed> claimed;
        do {
            claimed = ownTransactions.execute(status ->
                    posts.claimDue(now, BATCH, attempt -> now.plus(settings.backoffAfter(attempt))).stream()
                            .map(post -> new Claimed(
                                    post, tokens.issue(post.agreementId(), now).value()))
                            .toList());
            if (claimed == null) {
                return;
            }
            claimed.forEach(this::post);
        } while (claimed.size() == BATCH);
    }

    /**
     * Has this node's sender post what is due once the current transaction has committed, so a new subscription's
     * seller hears of it at once rather than at the next poll; failures stay in the outbox for the clock's retries.
     */
    public void postAfterCommit() {
        signals.afterCommit(this);
    }

    private void post(Claimed claimed) {
        var post = claimed.post();
        var body = TOKEN_FIELD + "=" + URLEncoder.encode(claimed.token(), StandardCharsets.UTF_8);
        Integer status = null;
        String error = null;
        try {
            var request = HttpRequest.newBuilder(URI.create(settings.postTarget(post.fulfillmentUrl())))
                    .timeout(settings.fulfillmentTimeout())
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .build();
            status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException | IllegalArgumentException failure) {
            error = failure.getClass().getSimpleName() + ": " + failure.getMessage();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            error = "interrupted";
        }
        var state = delivered(status)
                ? State.DELIVERED
                : post.attempts() >= settings.fulfillmentAttempts() ? State.FAILED : State.PENDING;
        if (state != State.DELIVERED) {
            log.info(
                    "Fulfillment post {} of agreement {} to {} failed ({}); now {}",
                    post.attempts(),
                    post.agreementId(),
                    post.fulfillmentUrl(),
                    error == null ? "HTTP " + status : error,
                    state);
        }
        var finalStatus = status;
        var finalError = error;
        ownTransactions.executeWithoutResult(
                tx -> posts.recordAttempt(post.agreementId(), state, finalStatus, finalError));
    }

    private static boolean delivered(@Nullable Integer status) {
        return status != null && status >= 200 && status < 300;
    }
}
