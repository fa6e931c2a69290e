package io.offerdesk.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.offerdesk.support.EndToEndTest;
import io.offerdesk.support.TestApi;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@EndToEndTest
class IdempotencyTests {

    static final String AUTHOR = "author@acme.example";
    static final String NIMBUS = "admin@nimbus.example";

    @Autowired
    TestApi api;

    TestApi.Reply post(String email, String key, String body) {
        return api.send(api.request("/api/v1/products", email)
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", key)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    static String product(String title) {
        return """
                {"type":"SAAS","title":"%s","shortDescription":"Idempotent","fulfillmentUrl":"https://x.example/",
                 "dimensions":[{"key":"users","name":"Users","unit":"Users","type":"ENTITLED"}]}""".formatted(title);
    }

    @Test
    void theSameKeyAndBodyReplayTheFirstResponseAndCreateOnce() {
        var key = UUID.randomUUID().toString();
        var title = "Idempotent " + key;
        var first = post(AUTHOR, key, product(title));
        var second = post(AUTHOR, key, product(title));

        assertThat(first.status()).isEqualTo(201);
        assertThat(second.status()).isEqualTo(201);
        assertThat(second.json().at("/id").asString())
                .isEqualTo(first.json().at("/id").asString());
        var listed = api.get("/api/v1/products?limit=100", AUTHOR).body();
        assertThat(listed.split(title, -1)).hasSize(2);
    }

    @Test
    void theSameKeyWithAnotherBodyIsRefused() {
        var key = UUID.randomUUID().toString();
        assertThat(post(AUTHOR, key, product("One " + key)).status()).isEqualTo(201);
        var other = post(AUTHOR, key, product("Two " + key));
        assertThat(other.status()).isEqualTo(422);
        assertThat(other.json().at("/type").asString()).endsWith("idempotencyKey.reused");
    }

    @Test
    void keysBelongToTheirUser() {
        var key = UUID.randomUUID().toString();
        var acme = post(AUTHOR, key, product("Shared key " + key));
        var nimbus = post(NIMBUS, key, product("Shared key " + key));
        assertThat(nimbus.status()).isEqualTo(201);
        assertThat(nimbus.json().at("/id").asString())
                .isNotEqualTo(acme.json().at("/id").asString());
    }

    @Test
    void rejectedRequestsAreRememberedTooAndAMalformedKeyIsRefused() {
        var key = UUID.randomUUID().toString();
        var invalid = "{\"type\":\"SAAS\",\"title\":\"\"}";
        assertThat(post(AUTHOR, key, invalid).status()).isEqualTo(422);
        assertThat(post(AUTHOR, key, invalid).status()).isEqualTo(422);
        assertThat(post(AUTHOR, "has spaces in it", product("x")).status()).isEqualTo(400);
    }

    @Test
    void concurrentRetriesCreateOneProduct() throws Exception {
        var key = UUID.randomUUID().toString();
        var title = "Concurrent " + key;
        var tasks = new ArrayList<Callable<TestApi.Reply>>();
        for (int i = 0; i < 8; i++) {
            tasks.add(() -> post(AUTHOR, key, product(title)));
        }
        try (var pool = Executors.newFixedThreadPool(8)) {
            var replies = pool.invokeAll(tasks);
            var ids = new java.util.HashSet<String>();
            for (var reply : replies) {
                var r = reply.get();
                assertThat(r.status()).isIn(201, 409);
                if (r.status() == 201) {
                    ids.add(r.json().at("/id").asString());
                }
            }
            assertThat(ids).hasSize(1);
        }
        var listed = api.get("/api/v1/products?limit=100", AUTHOR).body();
        assertThat(listed.split(title, -1)).hasSize(2);
    }
}
