package io.offerdesk.bench;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;

/**
 * A seller reads its own products one at a time by id: API key authentication, the tenant-scoped lookup, JSON out. The
 * database work under it is a primary-key select, so the select baseline is its ceiling.
 */
final class ProductReads implements Scenario {

    private static final String PATH = "/api/v1/products/{productId}";

    @Override
    public String name() {
        return "product-reads";
    }

    @Override
    public String description() {
        return "GET " + PATH + " of a random product of the demo seller (bearer API key)";
    }

    @Override
    public Baseline comparedWith() {
        return Baseline.SELECT_BY_ID;
    }

    @Override
    public Optional<Target> target() {
        return Optional.of(new Target(0.25, Duration.ofMillis(10)));
    }

    @Override
    public Workload prepare(Fixture fixture) throws IOException, InterruptedException {
        var api = fixture.api();
        var ids = fixture.catalog().productIds();
        var paths = ids.stream().map(id -> PATH.replace("{productId}", id)).toList();
        // A 200 with the wrong product would make every measured call look fine, so look at one answer once.
        var answer = api.exchange(api.get(paths.getFirst()), 200);
        if (!answer.contains('"' + ids.getFirst() + '"')) {
            throw new IOException("GET %s did not answer with product %s: %s".formatted(PATH, ids.getFirst(), answer));
        }
        return api.gets(PATH, paths, 200);
    }
}
