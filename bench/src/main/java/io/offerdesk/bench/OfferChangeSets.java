package io.offerdesk.bench;

import io.offerdesk.bench.OfferdeskApi.UnexpectedResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;

/**
 * A seller's client makes private offers through the change-set engine: one call submits the ten changes from
 * CreateOffer to ReleaseOffer and long-polls the change set ({@code ?waitSeconds=}) until it SUCCEEDED, as a client
 * that waits for its offer does.
 * So the latency is submit to SUCCEEDED, the rate is change sets completed a second, and both include the engine's
 * hand-off to its background workers.
 *
 * <p>What a change set writes (the set at each status change, its entity lock, the offer and its revision, audit
 * entries and published events) adds up to about the 25 rows of the 25-row insert baseline, which it is compared
 * with; the app spreads them over several transactions, the baseline commits them in one.
 */
final class OfferChangeSets implements Scenario {

    /**
     * How long one GET may wait for the change set to finish. The app answers as soon as it is final, so the client
     * needs no short polls, each of which would be an authenticated GET taking CPU from the workers it waits for.
     */
    private static final int WAIT_SECONDS = 20;

    /** A change set still unfinished after this is counted as failed; the load generator moves on. */
    private static final Duration DEADLINE = Duration.ofSeconds(30);

    private static final String STATUS = "\"status\":\"";
    private static final String CHANGE_SET_ID = "\"changeSetId\":\"";
    private static final String FAILURE_CODE = "\"failureCode\":\"";

    @Override
    public String name() {
        return "offer-change-sets";
    }

    @Override
    public String description() {
        return "POST " + PrivateOffers.CHANGE_SETS + " of a private offer's 10 changes, then GET it with waitSeconds="
                + WAIT_SECONDS + " until SUCCEEDED (bearer API key)";
    }

    @Override
    public Baseline comparedWith() {
        return Baseline.INSERT_25_ROWS;
    }

    @Override
    public Optional<Target> target() {
        return Optional.of(Target.rateAndMedian(300, Duration.ofMillis(200)));
    }

    @Override
    public Workload prepare(Fixture fixture) throws IOException, InterruptedException {
        var api = fixture.api();
        var offers = PrivateOffers.of(api);
        // Once through the JDK client, which shows the app's errors in full should the change set be rejected; then
        // once through the measured path, so that the load never measures a failure fast.
        offers.release(PrivateOffers.someoneElsesAccount());
        Workload workload = () -> new Submitter(api, offers);
        try (var caller = workload.newCaller()) {
            caller.call();
        } catch (IOException | InterruptedException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException(e);
        }
        return workload;
    }

    /** One client: its own connection, one change set at a time. */
    private static final class Submitter implements Workload.Caller {
        private final OfferdeskApi api;
        private final PrivateOffers offers;
        private final HttpConnection connection;

        Submitter(OfferdeskApi api, PrivateOffers offers) throws IOException {
            this.api = api;
            this.offers = offers;
            this.connection = api.connect();
        }

        /**
         * The offers target accounts of nobody in the demo, so that the offers this makes do not change what
         * buyer-offers lists when both run together.
         */
        @Override
        public void call() throws IOException, InterruptedException {
            // The members read from the answers are the change set's own, which come before its changes and never
            // occur in a change's details.
            var body = offers.changeSet(PrivateOffers.uniqueName(), PrivateOffers.someoneElsesAccount());
            var started = connection.exchangeForAnswer(api.measuredPost(PrivateOffers.CHANGE_SETS, body));
            if (started.status() != 202) {
                throw new UnexpectedResponse("POST " + PrivateOffers.CHANGE_SETS + " answered " + started.status());
            }
            var poll = api.measuredGet(PrivateOffers.CHANGE_SETS + "/"
                    + OfferdeskApi.member(started.body(), CHANGE_SET_ID) + "?waitSeconds=" + WAIT_SECONDS);
            var deadline = System.nanoTime() + DEADLINE.toNanos();
            while (System.nanoTime() < deadline) {
                var read = connection.exchangeForAnswer(poll);
                if (read.status() != 200) {
                    throw new UnexpectedResponse(
                            "GET " + PrivateOffers.CHANGE_SETS + "/{changeSetId} answered " + read.status());
                }
                var status = OfferdeskApi.member(read.body(), STATUS);
                switch (status) {
                    case "SUCCEEDED" -> {
                        return;
                    }
                    case "PREPARING", "APPLYING" -> {}
                    default -> {
                        var code = read.body().contains(FAILURE_CODE)
                                ? " " + OfferdeskApi.member(read.body(), FAILURE_CODE)
                                : "";
                        throw new UnexpectedResponse("change set ended " + status + code);
                    }
                }
            }
            throw new UnexpectedResponse("change set unfinished after " + DEADLINE.toSeconds() + " s");
        }

        @Override
        public void close() throws IOException {
            connection.close();
        }
    }
}
