package io.offerdesk.invoicing.internal;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What operators may tune about invoicing ({@code offerdesk.invoicing.*}).
 *
 * @param entity the invoicing entity: the legal name of the marketplace as merchant of record, whose invoice numbers
 *     run without gaps
 * @param numberPrefix put before the zero-padded number on every invoice, e.g. {@code INV-00000042}
 * @param defaultNetPaymentDays days to pay when neither the offer's net payment term nor the buyer's billing profile
 *     says otherwise
 * @param batchSize charges an invoicing run takes per transaction (whole invoices: a batch may go over it to finish one)
 * @param runWorkers batches a run works on at once on one node: one claims and drafts while another writes; at most
 *     the run's share of the pool
 * @param runPoolPercent the share of this node's connection pool, in per cent, that invoicing runs and the listeners
 *     their batches start may keep busy: a run starts no batch while more is taken, so that the rest stays for requests
 * @param dunning how unpaid invoices are chased
 */
@ConfigurationProperties("offerdesk.invoicing")
public record InvoicingSettings(
        @DefaultValue("Offerdesk Marketplace") String entity,
        @DefaultValue("INV") String numberPrefix,
        @DefaultValue("30") int defaultNetPaymentDays,
        @DefaultValue("5000") int batchSize,
        @DefaultValue("2") int runWorkers,
        @DefaultValue("50") int runPoolPercent,
        @DefaultValue Dunning dunning) {

    public InvoicingSettings {
        if (defaultNetPaymentDays < 1 || batchSize < 1 || runWorkers < 1) {
            throw new IllegalArgumentException(
                    "offerdesk.invoicing needs positive net payment days, batch size and run workers");
        }
        if (runPoolPercent < 1 || runPoolPercent > 100) {
            throw new IllegalArgumentException("offerdesk.invoicing.run-pool-percent must be 1 to 100");
        }
    }

    /** How an invoice's number is shown: the prefix and the number padded to eight digits. */
    public String displayNumber(long number) {
        return "%s-%08d".formatted(numberPrefix, number);
    }

    /**
     * @param reminders when payment reminders go to the buyer, counted from the start (00:00 UTC) of the due date:
     *     {@code P1D} is the first day the invoice is overdue; strictly increasing
     * @param terminationGrace how long after the start of the due date an invoice may stay unpaid before the agreements
     *     billed on it are terminated
     */
    public record Dunning(
            @DefaultValue({"P1D", "P7D", "P15D"}) List<Duration> reminders,
            @DefaultValue("P30D") Duration terminationGrace) {

        public Dunning {
            reminders = List.copyOf(reminders);
            for (int i = 0; i < reminders.size(); i++) {
                if (!reminders.get(i).isPositive()
                        || (i > 0 && reminders.get(i).compareTo(reminders.get(i - 1)) <= 0)) {
                    throw new IllegalArgumentException(
                            "offerdesk.invoicing.dunning.reminders must be positive and increasing: " + reminders);
                }
            }
            if (!terminationGrace.isPositive()) {
                throw new IllegalArgumentException("offerdesk.invoicing.dunning.termination-grace must be positive");
            }
        }
    }
}
