package io.offerdesk.bench;

import java.util.List;
import java.util.Optional;

/** Every scenario the harness knows, in the order {@code --help} lists them and a run measures them. */
final class Scenarios {

    private static final List<Scenario> ALL = List.of(
            new ProductReads(),
            PathRead.productList(),
            PathRead.partyMe(),
            new OfferChangeSets(),
            new BuyerOffers(),
            new QuoteAccept(),
            new LedgerJournals());

    private Scenarios() {}

    static List<Scenario> all() {
        return ALL;
    }

    static Optional<Scenario> named(String name) {
        return ALL.stream().filter(scenario -> scenario.name().equals(name)).findFirst();
    }
}
