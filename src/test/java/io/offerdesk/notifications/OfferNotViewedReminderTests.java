package io.offerdesk.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import io.offerdesk.invoicing.CollectionFixtures;
import io.offerdesk.offers.OfferFixtures;
import io.offerdesk.support.EndToEndTest;
import io.offerdesk.support.SignedInSession;
import io.offerdesk.support.TestApi;
import io.offerdesk.support.TestSmtp;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * OfferViewed and the "offer not yet viewed" reminder: a buyer account's first view of a released private offer is
 * recorded once, however often and wherever it opens the offer; an offer nobody opens is reminded to the seller's
 * authors and the buyer's procurement users three days after its release, in the inbox and by e-mail; a view before
 * then cancels the reminder.
 */
// Moves the shared simulated clock forward: runs after the tests that do not (junit-platform.properties).
@Order(Order.DEFAULT + 42)
@EndToEndTest
class OfferNotViewedReminderTests {

    static final GreenMail SMTP = TestSmtp.started();

    static final String SELLER = OfferFixtures.AUTHOR;

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

    CollectionFixtures buyers;

    @BeforeEach
    void fixtures() {
        buyers = new CollectionFixtures(api, jdbc);
    }

    @Test
    void anOfferNobodyOpensIsRemindedToSellerAndBuyerThreeDaysAfterItsRelease() {
        var buyer = buyers.buyer();
        var offer = buyers.installmentOffer(buyer.accountId(), 1, List.of("100.00"));
        awaitNotViewedReminder(offer, false);

        buyers.advanceTo(buyers.today().plusDays(4).atStartOfDay().toInstant(ZoneOffset.UTC));

        assertThat(notViewed(buyer.procurement(), "/buyer/offers/" + offer))
                .extracting(n -> n.at("/messageKey").asString())
                .containsExactly("notification.offerNotViewed.buyer");
        assertThat(notViewed(SELLER, "/offers/" + offer))
                .extracting(n -> n.at("/messageArguments/2").asString())
                .containsExactly("3");
        assertThat(mailsAbout(offer, buyer.procurement())).hasSize(1);
        assertThat(TestSmtp.subject(mailsAbout(offer, SELLER).getFirst()))
                .contains("No buyer has opened your offer " + offer);
        // Users of the buyer without the procurement role are not told.
        assertThat(notViewed(buyer.finance(), "/buyer/offers/" + offer)).isEmpty();
    }

    @Test
    void aBuyerAccountsViewsAreRecordedOnceAndTheFirstCancelsTheReminder() {
        var buyer = buyers.buyer();
        var offer = buyers.installmentOffer(buyer.accountId(), 1, List.of("100.00"));
        awaitNotViewedReminder(offer, false);
        // The seller reading its own offer is no view.
        assertThat(api.get("/api/v1/offers/" + offer, SELLER).status()).isEqualTo(200);
        assertThat(views(offer)).isZero();

        var read = api.get("/api/v1/buyer/offers/" + offer, buyer.procurement());
        assertThat(read.status()).as(read.body()).isEqualTo(200);
        assertThat(api.get("/api/v1/buyer/offers/" + offer, buyer.procurement()).status())
                .isEqualTo(200);
        var page = new SignedInSession(api, buyer.procurement(), CollectionFixtures.PASSWORD)
                .get("/buyer/offers/" + offer);
        assertThat(page.statusCode()).isEqualTo(200);

        assertThat(views(offer)).isEqualTo(1);
        var audited = jdbc.sql("SELECT count(*) FROM audit.entry WHERE action = 'OfferViewed' AND entity_id = :offer")
                .param("offer", offer)
                .query(Integer.class)
                .single();
        assertThat(audited).isEqualTo(1);
        awaitNotViewedReminder(offer, true);

        buyers.advanceTo(buyers.today().plusDays(4).atStartOfDay().toInstant(ZoneOffset.UTC));

        assertThat(notViewed(buyer.procurement(), "/buyer/offers/" + offer)).isEmpty();
        assertThat(notViewed(SELLER, "/offers/" + offer)).isEmpty();
        assertThat(mailsAbout(offer, SELLER)).isEmpty();
    }

    private int views(String offer) {
        return jdbc.sql("SELECT count(*) FROM offers.offer_view WHERE offer_id = :offer")
                .param("offer", offer)
                .query(Integer.class)
                .single();
    }

    private List<JsonNode> notViewed(String email, String link) {
        var inbox = api.get("/api/v1/notifications?limit=100", email);
        assertThat(inbox.status()).as(inbox.body()).isEqualTo(200);
        return StreamSupport.stream(inbox.json().at("/notifications").spliterator(), false)
                .filter(n -> n.at("/link").asString().equals(link))
                .filter(n -> n.at("/messageKey").asString().startsWith("notification.offerNotViewed"))
                .toList();
    }

    /** Waits, as a client polls, until the release planned the reminder (listeners run after commit), or a view cancelled it. */
    private void awaitNotViewedReminder(String offer, boolean cancelled) {
        for (int i = 0; i < 400; i++) {
            var found = jdbc.sql("""
                            SELECT count(*) FROM notifications.reminder
                            WHERE subject_id = :offer AND kind = 'OFFER_NOT_VIEWED' AND cancelled = :cancelled
                            """)
                    .param("offer", offer)
                    .param("cancelled", cancelled)
                    .query(Integer.class)
                    .single();
            if (found == 1) {
                return;
            }
            try {
                Thread.sleep(Duration.ofMillis(20));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("no " + (cancelled ? "cancelled " : "") + "not-viewed reminder for " + offer);
    }

    private static List<MimeMessage> mailsAbout(String offer, String to) {
        return TestSmtp.mailsAbout(SMTP, offer, to).stream()
                .filter(m -> TestSmtp.subject(m).contains("opened"))
                .toList();
    }
}
