package io.offerdesk.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.offerdesk.platform.OfferdeskSignature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.json.JsonMapper;

/**
 * A webhook receiver on a local port, as an integrator would run one: it records every request with its signature
 * and event headers, and answers with the status the test chooses (200 unless told otherwise, to simulate outages).
 */
public final class WebhookReceiver implements AutoCloseable {

    /** One request as it arrived. */
    public record Received(String signature, String eventId, String eventType, String body) {}

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final AtomicInteger answer = new AtomicInteger(200);
    private volatile CountDownLatch gate = new CountDownLatch(0);
    private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();
    private final HttpServer server;

    private WebhookReceiver(HttpServer server) {
        this.server = server;
    }

    public static WebhookReceiver started() {
        try {
            var receiver = new WebhookReceiver(HttpServer.create(new InetSocketAddress(0), 0));
            receiver.server.createContext("/hooks", exchange -> {
                var headers = exchange.getRequestHeaders();
                receiver.received.add(new Received(
                        String.valueOf(headers.getFirst(OfferdeskSignature.HEADER)),
                        String.valueOf(headers.getFirst("Offerdesk-Event-Id")),
                        String.valueOf(headers.getFirst("Offerdesk-Event-Type")),
                        new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
                try {
                    receiver.gate.await(1, TimeUnit.MINUTES);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                }
                exchange.sendResponseHeaders(receiver.answer.get(), -1);
                exchange.close();
            });
            receiver.server.start();
            return receiver;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The URL to register as the endpoint. */
    public String url() {
        return "http://localhost:" + server.getAddress().getPort() + "/hooks";
    }

    /** The status code the receiver answers from now on. */
    public void answer(int status) {
        answer.set(status);
    }

    /**
     * Holds every answer from now on until the returned gate is opened: a sender waiting for the answer is stuck
     * until then (or until its own timeout).
     */
    public CountDownLatch holdAnswers() {
        var held = new CountDownLatch(1);
        gate = held;
        return held;
    }

    /** Everything that arrived and was not yet taken by {@link #awaitOffer}, in order of arrival. */
    public java.util.List<Received> receivedSoFar() {
        return java.util.List.copyOf(received);
    }

    /** Forgets what arrived so far. */
    public void clear() {
        received.clear();
    }

    /** The next request about the offer; deliveries are sent after the commit, so this waits up to a minute each. */
    public Received awaitOffer(String offerId) throws InterruptedException {
        while (true) {
            var next = received.poll(60, TimeUnit.SECONDS);
            assertThat(next).as("a webhook for offer " + offerId).isNotNull();
            if (next != null
                    && JSON.readTree(next.body()).at("/data/offerId").asString().equals(offerId)) {
                return next;
            }
        }
    }

    @Override
    public void close() {
        gate.countDown();
        server.stop(0);
    }
}
