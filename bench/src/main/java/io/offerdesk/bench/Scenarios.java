package io.offerdesk.bench;

import java.util.List;
import java.util.Optional;

/** Every scenario and job the harness knows, in the order {@code --help} lists them and a run measures them. */
final class Scenarios {

    private static final List<Scenario> ALL = List.of(
            new ProductReads(),
            PathRead.productList(),
            PathRead.partyMe(),
            new OfferChangeSets(),
            new BuyerOffers(),
            new QuoteAccept(),
            new MeteringBatches(),
            new LedgerJournals());

    /** Jobs are measured once each, after the scenarios; "all" names the scenarios only, a job is named itself. */
    private static final List<Job> JOBS = List.of(new InvoicingRunJob(), new DisbursementRunJob());

    private Scenarios() {}

    static List<Job> jobs() {
        return JOBS;
    }

    static Optional<Job> job(String name) {
        return JOBS.stream().filter(job -> job.name().equals(name)).findFirst();
    }

    static List<Scenario> all() {
        return ALL;
    }

    static Optional<Scenario> named(String name) {
        return ALL.stream().filter(scenario -> scenario.name().equals(name)).findFirst();
    }
}
