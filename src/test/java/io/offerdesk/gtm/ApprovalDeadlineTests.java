package io.offerdesk.gtm;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import io.offerdesk.invoicing.CollectionFixtures;
import io.offerdesk.support.EndToEndTest;
import io.offerdesk.support.Polls;
import io.offerdesk.support.TestApi;
import io.offerdesk.support.TestSmtp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Approval deadlines after time travel: a step's approvers hear that approvals wait (inbox and e-mail, in GreenMail);
 * when the step's deadline passes undecided they are reminded once, and when the escalation period after it passes the
 * party's administrators are told once; both are in the offer's trail.
 */
// Moves the shared simulated clock forward: runs after the tests that do not (junit-platform.properties).
@Order(Order.DEFAULT + 40)
@EndToEndTest
class ApprovalDeadlineTests {

    static final GreenMail SMTP = TestSmtp.started();

    @DynamicPropertySource
    static void smtp(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "localhost");
        registry.add("spring.mail.port", () -> SMTP.getSmtp().getPort());
    }

    @AfterAll
    static void stopSmtp() {
        SMTP.stop();
    }

    @Autowired
    TestApi api;

    @Autowired
    JdbcClient jdbc;

    @Test
    void anUndecidedStepRemindsItsApproversAtTheDeadlineAndEscalatesToTheAdministratorsOnce() {
        var fixtures = new ApprovalFixtures(api);
        var clock = new CollectionFixtures(api, jdbc);
        var seller = fixtures.seller();
        fixtures.discountRule(seller);
        var settings =
                api.put("/api/v1/approval-policies", seller.admin(), "{\"stepDueHours\":48,\"escalationHours\":24}");
        assertThat(settings.status()).as(settings.body()).isEqualTo(200);
        var offer = fixtures.draft(seller, "700.00");
        var requested = api.post("/api/v1/offers/" + offer + "/approvals", seller.author(), "");
        assertThat(requested.status()).as(requested.body()).isEqualTo(201);
        var openedAt =
                Instant.parse(requested.json().at("/approvals/0/openedAt").asString());
        assertThat(Instant.parse(requested.json().at("/approvals/0/dueAt").asString()))
                .isEqualTo(openedAt.plus(Duration.ofHours(48)));

        awaitInbox(seller.approver(), offer, "notification.approvalWaiting", 1);
        // The e-mail outbox sends at the next run of due work.
        clock.advanceTo(openedAt.plus(Duration.ofMinutes(1)));
        assertThat(TestSmtp.mailsAbout(SMTP, offer, seller.approver()))
                .extracting(TestSmtp::subject)
                .singleElement()
                .satisfies(s -> assertThat(s).contains("waits for your approval (step 1)"));
        assertThat(TestSmtp.mailsAbout(SMTP, offer, seller.finance())).isEmpty();
        assertThat(inbox(seller.finance(), offer, "notification.approvalWaiting"))
                .isEmpty();

        clock.advanceTo(openedAt.plus(Duration.ofHours(48)).plus(Duration.ofMinutes(1)));
        awaitInbox(seller.approver(), offer, "notification.approvalOverdue", 1);
        clock.advanceTo(openedAt.plus(Duration.ofHours(48)).plus(Duration.ofMinutes(2)));
        assertThat(TestSmtp.mailsAbout(SMTP, offer, seller.approver()))
                .extracting(TestSmtp::subject)
                .hasSize(2)
                .anyMatch(s -> s.contains("Reminder"));
        assertThat(inbox(seller.admin(), offer, "notification.approvalEscalated"))
                .isEmpty();

        clock.advanceTo(openedAt.plus(Duration.ofHours(72)).plus(Duration.ofMinutes(1)));
        var escalation = awaitInbox(seller.admin(), offer, "notification.approvalEscalated", 1);
        assertThat(escalation.getFirst().at("/messageArguments/2").asString()).isEqualTo("OFFER_APPROVER");
        clock.advanceTo(openedAt.plus(Duration.ofHours(72)).plus(Duration.ofMinutes(2)));
        assertThat(TestSmtp.mailsAbout(SMTP, offer, seller.admin()))
                .extracting(TestSmtp::subject)
                .singleElement()
                .satisfies(s -> assertThat(s).contains("Escalation"));
        assertThat(GreenMailUtil.getBody(
                        TestSmtp.mailsAbout(SMTP, offer, seller.admin()).getFirst()))
                .contains("/offers/" + offer);

        // Later runs repeat neither.
        clock.advanceTo(openedAt.plus(Duration.ofDays(5)));
        assertThat(inbox(seller.approver(), offer, "notification.approvalOverdue"))
                .hasSize(1);
        assertThat(inbox(seller.admin(), offer, "notification.approvalEscalated"))
                .hasSize(1);
        assertThat(TestSmtp.mailsAbout(SMTP, offer, seller.approver())).hasSize(2);
        assertThat(TestSmtp.mailsAbout(SMTP, offer, seller.admin())).hasSize(1);
        var trail = fixtures.overview(seller.admin(), offer).at("/trail");
        assertThat(StreamSupport.stream(trail.spliterator(), false)
                        .map(t -> t.at("/action").asString())
                        .toList())
                .containsExactly("ApprovalRequested", "ApprovalStepOpened", "ApprovalOverdue", "ApprovalEscalated");
        // The step can still be decided after its escalation.
        var approved = api.post(
                "/api/v1/offers/" + offer + "/approvals/"
                        + requested.json().at("/approvals/0/id").asString() + "/approve",
                seller.approver(),
                "{}");
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        assertThat(approved.json().at("/approvals/1/state").asString()).isEqualTo("OPEN");
    }

    private List<JsonNode> awaitInbox(String email, String offer, String messageKey, int count) {
        return Polls.poll(
                        email + " to get " + messageKey + " about " + offer,
                        Duration.ofMillis(25),
                        Duration.ofMinutes(1))
                .until(() -> inbox(email, offer, messageKey), found -> found.size() >= count);
    }

    private List<JsonNode> inbox(String email, String offer, String messageKey) {
        var inbox = api.get("/api/v1/notifications?limit=100", email);
        assertThat(inbox.status()).as(inbox.body()).isEqualTo(200);
        return StreamSupport.stream(inbox.json().at("/notifications").spliterator(), false)
                .filter(n -> n.at("/link").asString().equals("/offers/" + offer))
                .filter(n -> n.at("/messageKey").asString().equals(messageKey))
                .toList();
    }
}
