package io.offerdesk.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import io.offerdesk.invoicing.CollectionFixtures;
import io.offerdesk.offers.OfferFixtures;
import io.offerdesk.support.EndToEndTest;
import io.offerdesk.support.SignedInSession;
import io.offerdesk.support.TestApi;
import io.offerdesk.support.TestSmtp;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
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
 * Reminders end to end, as the acceptance tries them: a private offer released to a buyer, the simulated clock
 * moved towards its expiry, and the reminder e-mails arrive in an SMTP server (GreenMail, in process) and the
 * reminders in the inbox of the buyer's procurement user and the seller's authors, each once, in each recipient's
 * language, and not by e-mail to a user who turned e-mail off.
 */
// Moves the shared simulated clock forward: runs after the tests that do not (junit-platform.properties).
@Order(Order.DEFAULT + 36)
@EndToEndTest
class ReminderTests {

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
    void anExpiryReminderArrivesByEmailAndInTheInboxOncePerLeadTimeAfterTimeTravel() {
        var buyer = buyers.buyer();
        var other = buyers.buyer();
        var chinese = api.put("/api/v1/notifications/preferences", buyer.procurement(), "{\"language\":\"zh-CN\"}");
        assertThat(chinese.status()).as(chinese.body()).isEqualTo(200);
        assertThat(chinese.json().at("/emailEnabled").asBoolean()).isTrue();
        // Expires at the end of the fifth day from today: the 3-day and 1-day reminders are ahead, the 7-day one not.
        var offer = buyers.installmentOffer(buyer.accountId(), 1, List.of("100.00"));
        awaitPlanned(offer, 2);
        var expiryDay = buyers.today().plusDays(5);

        buyers.advanceTo(expiryDay.minusDays(2).atStartOfDay().toInstant(ZoneOffset.UTC));

        var toBuyer = mailsAbout(offer, buyer.procurement());
        assertThat(toBuyer).hasSize(1);
        assertThat(TestSmtp.subject(toBuyer.getFirst()))
                .contains(offer)
                .contains("3 天后")
                .contains(expiryDay.toString());
        assertThat(GreenMailUtil.getBody(toBuyer.getFirst())).contains("/buyer/offers/" + offer);
        assertThat(mailsAbout(offer, SELLER)).hasSize(1);
        assertThat(TestSmtp.subject(mailsAbout(offer, SELLER).getFirst())).contains("expires in 3 day(s)");
        assertThat(remindersIn(buyer.procurement(), "/buyer/offers/" + offer))
                .extracting(n -> n.at("/messageArguments/2").asString())
                .containsExactly("3");
        assertThat(remindersIn(SELLER, "/offers/" + offer)).hasSize(1);

        buyers.advanceTo(expiryDay.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC));

        assertThat(mailsAbout(offer, buyer.procurement()))
                .extracting(TestSmtp::subject)
                .hasSize(2)
                .anyMatch(s -> s.contains("1 天后"));
        assertThat(remindersIn(buyer.procurement(), "/buyer/offers/" + offer))
                .extracting(n -> n.at("/messageArguments/2").asString())
                .containsExactlyInAnyOrder("3", "1");
        // Nobody else's inbox or mailbox hears of it: not another buyer, not the buyer's users without the role.
        assertThat(remindersIn(other.procurement(), "/buyer/offers/" + offer)).isEmpty();
        assertThat(remindersIn(buyer.finance(), "/buyer/offers/" + offer)).isEmpty();
        assertThat(mailsAbout(offer, other.procurement())).isEmpty();
        assertThat(mailsAbout(offer, buyer.finance())).isEmpty();
        var reminderId = remindersIn(buyer.procurement(), "/buyer/offers/" + offer)
                .getFirst()
                .at("/id")
                .asString();
        assertThat(api.post("/api/v1/notifications/" + reminderId + "/read", other.procurement(), "{}")
                        .status())
                .isEqualTo(404);
    }

    @Test
    void aUserWhoTurnedEmailOffGetsTheReminderOnlyInTheInbox() {
        var buyer = buyers.buyer();
        var off = api.put("/api/v1/notifications/preferences", buyer.procurement(), "{\"emailEnabled\":false}");
        assertThat(off.status()).as(off.body()).isEqualTo(200);
        assertThat(api.get("/api/v1/notifications/preferences", buyer.procurement())
                        .json()
                        .at("/emailEnabled")
                        .asBoolean())
                .isFalse();
        var offer = buyers.installmentOffer(buyer.accountId(), 1, List.of("100.00"));
        awaitPlanned(offer, 2);

        buyers.advanceTo(buyers.today().plusDays(6).atStartOfDay().toInstant(ZoneOffset.UTC));

        assertThat(remindersIn(buyer.procurement(), "/buyer/offers/" + offer)).hasSize(2);
        assertThat(mailsAbout(offer, buyer.procurement())).isEmpty();
        assertThat(mailsAbout(offer, SELLER)).hasSize(2);
    }

    @Test
    void preferencesRefuseAnUnknownLanguageNamingTheField() {
        var buyer = buyers.buyer();

        var refused = api.put("/api/v1/notifications/preferences", buyer.procurement(), "{\"language\":\"fr\"}");

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().at("/errors/0/field").asString()).isEqualTo("language");
        assertThat(api.get("/api/v1/notifications/preferences", buyer.procurement())
                        .json()
                        .at("/language")
                        .asString())
                .isEqualTo("en");
    }

    @Test
    void theInboxLinksToThePreferencesPageWhereEmailIsTurnedOffAndTheLanguageChosen() {
        var buyer = buyers.buyer();
        var session = new SignedInSession(api, buyer.procurement(), CollectionFixtures.PASSWORD);
        var inbox = new String(session.get("/notifications").body(), StandardCharsets.UTF_8);
        assertThat(inbox).contains("href=\"/notifications/preferences\"");
        var page = new String(session.get("/notifications/preferences").body(), StandardCharsets.UTF_8);
        assertThat(page).contains("Send me notifications by e-mail").contains("Simplified Chinese");

        var saved = session.post("/notifications/preferences", "/notifications/preferences", "language=zh-CN");

        assertThat(saved.statusCode()).isEqualTo(302);
        var preferences = api.get("/api/v1/notifications/preferences", buyer.procurement())
                .json();
        assertThat(preferences.at("/emailEnabled").asBoolean()).isFalse();
        assertThat(preferences.at("/language").asString()).isEqualTo("zh-CN");
    }

    /** The expiry reminders about the offer to the address (not its "not yet viewed" one, which says "opened"). */
    private static List<MimeMessage> mailsAbout(String offer, String to) {
        return TestSmtp.mailsAbout(SMTP, offer, to).stream()
                .filter(m -> !TestSmtp.subject(m).contains("opened")
                        && !TestSmtp.subject(m).contains("打开"))
                .toList();
    }

    private List<JsonNode> remindersIn(String email, String link) {
        var inbox = api.get("/api/v1/notifications?limit=100", email);
        assertThat(inbox.status()).as(inbox.body()).isEqualTo(200);
        return StreamSupport.stream(inbox.json().at("/notifications").spliterator(), false)
                .filter(n -> n.at("/link").asString().equals(link))
                .filter(n -> !n.at("/messageKey").asString().startsWith("notification.offerNotViewed"))
                .toList();
    }

    /** Waits, as a client polls, until the offer's release has planned its reminders (listeners run after commit). */
    private void awaitPlanned(String offer, int count) {
        for (int i = 0; i < 400; i++) {
            var planned = jdbc.sql(
                            "SELECT count(*) FROM notifications.reminder WHERE subject_id = :offer AND kind <> 'OFFER_NOT_VIEWED'")
                    .param("offer", offer)
                    .query(Integer.class)
                    .single();
            if (planned == count) {
                return;
            }
            try {
                Thread.sleep(Duration.ofMillis(20));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("the release of " + offer + " planned no " + count + " reminders");
    }
}
