package io.offerdesk.bench;

import java.io.IOException;
import java.util.List;

/**
 * The cheapest authenticated call there is: who am I. Its rate is the ceiling of every authenticated scenario, since
 * each pays the same API key authentication first.
 */
final class PartyMe implements Scenario {

    private static final String PATH = "/api/v1/parties/me";

    @Override
    public String name() {
        return "party-me";
    }

    @Override
    public String description() {
        return "GET " + PATH + ", the caller's own party (bearer API key)";
    }

    @Override
    public Baseline comparedWith() {
        return Baseline.SELECT_BY_ID;
    }

    @Override
    public Workload prepare(Fixture fixture) throws IOException, InterruptedException {
        var api = fixture.api();
        api.exchange(api.get(PATH), 200);
        return api.gets(PATH, List.of(PATH), 200);
    }
}
