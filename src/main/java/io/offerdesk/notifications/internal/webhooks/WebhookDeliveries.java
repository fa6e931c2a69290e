package io.offerdesk.notifications.internal.webhooks;

import io.offerdesk.notifications.internal.webhooks.WebhookRepository.Attempt;
import io.offerdesk.notifications.internal.webhooks.WebhookRepository.Claimed;
import io.offerdesk.notifications.internal.webhooks.WebhookRepository.Outcome;
import io.offerdesk.notifications.internal.webhooks.WebhookRepository.State;
import io.offerdesk.platform.DueWork;
import io.offerdesk.platform.DueWorkSignals;
import io.offerdesk.platform.OfferdeskSignature;
import io.offerdesk.platform.SecretBox;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends queued webhook deliveries. A batch is claimed with {@code SKIP LOCKED} in a short transaction that already
 * schedules each delivery's retry, then its deliveries are signed and posted at once outside any transaction, and
 * their outcomes logged together: a 2xx answer delivers one; anything else leaves it pending for the retry, with
 * exponential backoff, until an attempt fails at or after its give-up time, which makes it dead. A node that dies mid-batch loses nothing: its claimed
 * deliveries come due again at their retry.
 *
 * <p>The schedule (next attempt, give-up time, attempt log) runs on the application's clock, so time travel plays
 * retries and dead-lettering through; the signature's timestamp is real time, since the receiver checks it against
 * its own clock (ADR 0026).
 */
@Component
public class WebhookDeliveries implements DueWork {

    public static final String EVENT_ID_HEADER = "Offerdesk-Event-Id";
    public static final String EVENT_TYPE_HEADER = "Offerdesk-Event-Type";
    public static final String DELIVERY_ID_HEADER = "Offerdesk-Delivery-Id";

    private static final Logger log = LoggerFactory.getLogger(WebhookDeliveries.class);
    private static final int BATCH = 50;
    private static final int ERROR_LENGTH = 500;

    private final WebhookRepository repository;
    private final SecretBox box;
    private final WebhookSettings settings;
    private final TransactionTemplate ownTransactions;
    private final DueWorkSignals signals;
    private final Clock clock;
    /** Signatures carry real time even in simulation mode: receivers compare them with their own clocks. */
    private final Clock signingClock = Clock.systemUTC();

    private final HttpClient http;

    WebhookDeliveries(
            WebhookRepository repository,
            SecretBox box,
            WebhookSettings settings,
            PlatformTransactionManager transactionManager,
            DueWorkSignals signals,
            Clock clock) {
        this.repository = repository;
        this.box = box;
        this.settings = settings;
        // Short transactions of its own, so that no connection is held while a receiver answers.
        this.ownTransactions = new TransactionTemplate(transactionManager);
        this.ownTransactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.signals = signals;
        this.clock = clock;
        this.http = HttpClient.newBuilder()
                .connectTimeout(settings.timeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    @Override
    public Optional<Instant> nextDueAfter(Instant after) {
        return repository.nextAttempt();
    }

    @Override
    public void runDue(Instant now) {
        List<Claimed> claimed;
        do {
            claimed = ownTransactions.execute(
                    status -> repository.claimDue(now, BATCH, attempt -> now.plus(settings.backoffAfter(attempt))));
            if (claimed == null) {
                return;
            }
            var outcomes = sendAll(claimed);
            ownTransactions.executeWithoutResult(tx -> repository.recordAttempts(outcomes));
        } while (claimed.size() == BATCH);
    }

    /**
     * Sends a batch's deliveries all at once, each on a virtual thread of its own, so that one sender keeps up with
     * hundreds of events a second (ADR 0054); no connection is held meanwhile, and the outcomes are logged together
     * afterwards in one short transaction. A delivery whose send failed unexpectedly is not logged: its claim already
     * scheduled its retry.
     */
    private List<Outcome> sendAll(List<Claimed> claimed) {
        List<Future<Outcome>> sends;
        try (var senders = Executors.newVirtualThreadPerTaskExecutor()) {
            sends = claimed.stream().map(c -> senders.submit(() -> send(c))).toList();
        }
        var outcomes = new ArrayList<Outcome>(sends.size());
        for (var send : sends) {
            if (send.state() == Future.State.SUCCESS) {
                outcomes.add(send.resultNow());
            } else {
                log.warn("Webhook send failed unexpectedly; its delivery is retried", send.exceptionNow());
            }
        }
        return outcomes;
    }

    /**
     * Has this node's sender send what is due once the current transaction has committed, so a receiver hears of an
     * event at once rather than at the next poll; failures stay queued for the clock's retries.
     */
    public void deliverAfterCommit() {
        signals.afterCommit(this);
    }

    private Outcome send(Claimed claimed) {
        var delivery = claimed.delivery();
        var attempt = delivery.attempts() + 1;
        Integer status = null;
        String error = null;
        var started = System.nanoTime();
        try {
            var secret = box.open(claimed.secretBox(), delivery.endpointId());
            var request = HttpRequest.newBuilder(URI.create(claimed.url()))
                    .timeout(settings.timeout())
                    .header("Content-Type", "application/json")
                    .header("User-Agent", "Offerdesk-Webhooks/1")
                    .header(
                            OfferdeskSignature.HEADER,
                            OfferdeskSignature.header(secret, signingClock.instant(), delivery.body()))
                    .header(EVENT_ID_HEADER, delivery.eventId().toString())
                    .header(EVENT_TYPE_HEADER, delivery.eventType())
                    .header(DELIVERY_ID_HEADER, delivery.id())
                    .POST(HttpRequest.BodyPublishers.ofString(delivery.body()))
                    .build();
            status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException | IllegalArgumentException | IllegalStateException failure) {
            error = failure.getClass().getSimpleName() + ": " + failure.getMessage();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            error = "interrupted";
        }
        var latency = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        var at = clock.instant();
        var state = delivered(status) ? State.DELIVERED : at.isBefore(delivery.giveUpAt()) ? State.PENDING : State.DEAD;
        if (state != State.DELIVERED) {
            log.info(
                    "Webhook delivery {} attempt {} to {} failed ({}); now {}",
                    delivery.id(),
                    attempt,
                    claimed.url(),
                    error == null ? "HTTP " + status : error,
                    state);
        }
        return new Outcome(new Attempt(delivery.id(), attempt, at, status, latency, truncated(error)), state);
    }

    private static @Nullable String truncated(@Nullable String error) {
        return error == null ? null : error.substring(0, Math.min(error.length(), ERROR_LENGTH));
    }

    private static boolean delivered(@Nullable Integer status) {
        return status != null && status >= 200 && status < 300;
    }
}
