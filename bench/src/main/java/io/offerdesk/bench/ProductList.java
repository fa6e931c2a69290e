package io.offerdesk.bench;

import java.io.IOException;
import java.util.List;

/**
 * A seller lists its products: a tenant-scoped query for the first page of its catalog (the app's default page size)
 * and a larger answer. Compared with the select baseline, its ratio shows what a page costs over one primary-key read.
 */
final class ProductList implements Scenario {

    private static final String PATH = "/api/v1/products";

    @Override
    public String name() {
        return "product-list";
    }

    @Override
    public String description() {
        return "GET " + PATH + ", the first page of the demo seller's catalog (bearer API key)";
    }

    @Override
    public Baseline comparedWith() {
        return Baseline.SELECT_BY_ID;
    }

    @Override
    public Workload prepare(Fixture fixture) throws IOException, InterruptedException {
        var api = fixture.api();
        var ids = fixture.catalog().productIds();
        var answer = api.exchange(api.get(PATH), 200);
        // The first page lists the newest products.
        if (!answer.contains('"' + ids.getLast() + '"')) {
            throw new IOException("GET %s does not list product %s: %s".formatted(PATH, ids.getLast(), answer));
        }
        return api.gets(PATH, List.of(PATH), 200);
    }
}
