package io.offerdesk.changesets;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** A page's change-set outcome survives the shared session's serialization, details and errors included (ADR 0043). */
class ChangeSetOutcomeTests {

    @Test
    void aFailedOutcomeReadsBackAsItWasWritten() throws IOException, ClassNotFoundException {
        var details = JsonMapper.builder().build().readTree("""
                {"Terms":[{"Type":"PaymentScheduleTerm","Schedule":[{"ChargeAmount":"10.00"}]}]}""");
        var change = new ChangeSet.Change(
                "UpdatePaymentScheduleTerms",
                "S",
                "Offer@1.0",
                "offer-0123456789abc",
                details,
                List.of(new ChangeError("INVALID_INPUT", "Schedule[0].ChargeDate is required")),
                Map.of("team", "sales"));
        var outcome = ChangeSetOutcome.of(new ChangeSet(
                "cs-1",
                "arn:aws:aws-marketplace:us-east-1:000000000000:AWSMarketplace/ChangeSet/cs-1",
                UUID.randomUUID(),
                "Schedule",
                Intent.APPLY,
                ChangeSetStatus.FAILED,
                FailureCode.CLIENT_ERROR,
                "a change failed",
                Instant.parse("2026-11-27T12:00:00Z"),
                Instant.parse("2026-11-27T12:00:01Z"),
                "author@acme.example",
                List.of(change)));

        var bytes = new ByteArrayOutputStream();
        try (var out = new ObjectOutputStream(bytes)) {
            out.writeObject(outcome);
        }
        try (var in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            assertThat(in.readObject()).isEqualTo(outcome);
        }
    }
}
