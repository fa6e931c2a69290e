package io.offerdesk.bench;

import java.io.IOException;
import java.util.List;

/**
 * Repeated authenticated GETs of one path, compared with the select baseline. Before the load starts, the first
 * answer is checked, so that a scenario never measures a wrong answer fast.
 *
 * @param firstAnswer what the unmeasured first call must answer, worked out before that call (setting up the
 *     expectation may create the data the answer must show)
 */
record PathRead(String name, String description, String path, FirstAnswer firstAnswer) implements Scenario {

    interface FirstAnswer {
        Expectation expect(Fixture fixture) throws IOException, InterruptedException;
    }

    /** Throws when the first answer shows the scenario would not measure what it says. */
    interface Expectation {
        void check(String answer) throws IOException;
    }

    /**
     * The cheapest authenticated call there is: who am I. Its rate is the ceiling of every authenticated scenario,
     * since each pays the same API key authentication first.
     */
    static PathRead partyMe() {
        var path = "/api/v1/parties/me";
        return new PathRead(
                "party-me", "GET " + path + ", the caller's own party (bearer API key)", path, fixture -> answer -> {});
    }

    /**
     * A seller lists its products: a tenant-scoped query for the first page of its catalog (the app's default page
     * size) and a larger answer. Compared with the select baseline, its ratio shows what a page costs over one
     * primary-key read.
     */
    static PathRead productList() {
        var path = "/api/v1/products";
        return new PathRead(
                "product-list",
                "GET " + path + ", the first page of the demo seller's catalog (bearer API key)",
                path,
                fixture -> {
                    // The first page lists the newest products.
                    var newest = fixture.catalog().productIds().getLast();
                    return answer -> {
                        if (!answer.contains('"' + newest + '"')) {
                            throw new IOException(
                                    "GET %s does not list product %s: %s".formatted(path, newest, answer));
                        }
                    };
                });
    }

    @Override
    public Baseline comparedWith() {
        return Baseline.SELECT_BY_ID;
    }

    @Override
    public Workload prepare(Fixture fixture) throws IOException, InterruptedException {
        var api = fixture.api();
        var expectation = firstAnswer.expect(fixture);
        expectation.check(api.exchange(api.get(path), 200));
        return api.gets(path, List.of(path), 200);
    }
}
