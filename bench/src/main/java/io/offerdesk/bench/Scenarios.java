package io.offerdesk.bench;

import java.util.List;
import java.util.Optional;

/** Every scenario, probe and job the harness knows, in the order {@code --help} lists them and a run measures them. */
final class Scenarios {

    private static final List<Scenario> ALL = List.of(
            new ProductReads(),
            PathRead.productList(),
            PathRead.partyMe(),
            new OfferChangeSets(),
            new BuyerOffers(),
            new QuoteAccept(),
            new MeteringBatches(),
            new LedgerJournals(),
            TenantReads.offers(),
            TenantReads.agreements(),
            TenantReads.invoices());

    /** Measured after the scenarios, before the jobs; part of "all". */
    private static final List<Probe> PROBES = List.of(new WebhookDelivery(), new NoisyNeighbour());

    /** Jobs are measured once each, after the scenarios and probes; "suite" names them, "all" does not. */
    private static final List<Job> JOBS = List.of(new InvoicingRunJob(), new DisbursementRunJob());

    private Scenarios() {}

    static List<Job> jobs() {
        return JOBS;
    }

    static List<Probe> probes() {
        return PROBES;
    }

    static Optional<Probe> probe(String name) {
        return PROBES.stream().filter(probe -> probe.name().equals(name)).findFirst();
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
