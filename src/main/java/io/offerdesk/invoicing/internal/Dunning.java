package io.offerdesk.invoicing.internal;

import io.offerdesk.agreements.Agreements;
import io.offerdesk.invoicing.events.AgreementsTerminatedForNonPayment;
import io.offerdesk.invoicing.events.PaymentReminderSent;
import io.offerdesk.platform.DueWork;
import io.offerdesk.shared.Actor;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Chases unpaid invoices on the clock ({@code offerdesk.invoicing.dunning}): a reminder to the buyer at each offset
 * after the start of the due date (by default the first overdue day, a week and fifteen days after), and at the end of
 * the grace period the termination of the agreements billed on the invoice. Each reminder and each termination is
 * claimed by a unique row, so it happens once whichever node runs it; a paid invoice is never chased.
 */
@Component
class Dunning implements DueWork {

    private static final int BATCH = 100;
    private static final Actor SYSTEM = Actor.system("Dunning");

    private final DunningRepository dunning;
    private final InvoicingSettings settings;
    private final Agreements agreements;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;

    Dunning(
            DunningRepository dunning,
            InvoicingSettings settings,
            Agreements agreements,
            ApplicationEventPublisher events,
            TransactionTemplate transactions) {
        this.dunning = dunning;
        this.settings = settings;
        this.agreements = agreements;
        this.events = events;
        this.transactions = transactions;
    }

    @Override
    public Optional<Instant> nextDueAfter(Instant after) {
        var reminders = settings.dunning().reminders();
        return Stream.concat(
                        IntStream.range(0, reminders.size())
                                .mapToObj(i -> dunning.nextReminder(after, i + 1, reminders.get(i))),
                        Stream.of(dunning.nextTermination(
                                after, settings.dunning().terminationGrace())))
                .flatMap(Optional::stream)
                .min(Instant::compareTo);
    }

    @Override
    public void runDue(Instant now) {
        remind(now);
        terminate(now, settings.dunning().terminationGrace());
    }

    /** Sends the reminders due at {@code now}. */
    private void remind(Instant now) {
        var reminders = settings.dunning().reminders();
        if (reminders.isEmpty()) {
            return;
        }
        inBatches(() -> {
            var sent = dunning.claimReminders(now, reminders, BATCH);
            sent.forEach(reminder -> events.publishEvent(new PaymentReminderSent(
                    reminder.invoiceId(),
                    reminder.step(),
                    reminder.buyerPartyId(),
                    reminder.buyerAccountId(),
                    reminder.dueDate(),
                    reminder.open().getCurrencyUnit().getCode(),
                    reminder.open().getAmount(),
                    SYSTEM,
                    now)));
            return sent.size() == BATCH;
        });
    }

    /** Terminates the agreements of the invoices still unpaid {@code grace} after the start of their due date. */
    void terminate(Instant now, Duration grace) {
        inBatches(() -> {
            var due = dunning.claimTerminations(now, grace, BATCH);
            for (var invoice : due) {
                var terminated = new ArrayList<String>();
                for (var agreementId : invoice.agreementIds()) {
                    if (agreements.terminateForNonPayment(
                            agreementId, "Dunning: invoice " + invoice.invoiceId() + " unpaid", now)) {
                        terminated.add(agreementId);
                    }
                }
                if (!terminated.isEmpty()) {
                    events.publishEvent(new AgreementsTerminatedForNonPayment(
                            invoice.invoiceId(), invoice.buyerPartyId(), invoice.dueDate(), terminated, SYSTEM, now));
                }
            }
            return due.size() == BATCH;
        });
    }

    /** Runs a claim-and-act batch, each in its own transaction, until one comes back short. */
    private void inBatches(Supplier<Boolean> batch) {
        boolean more = true;
        while (more) {
            more = Boolean.TRUE.equals(transactions.execute(status -> batch.get()));
        }
    }
}
