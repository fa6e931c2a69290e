package io.offerdesk.gtm;

import static io.offerdesk.gtm.CrmFixtures.opportunity;
import static io.offerdesk.gtm.CrmFixtures.sign;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import io.offerdesk.invoicing.CollectionFixtures;
import io.offerdesk.offers.OfferFixtures;
import io.offerdesk.platform.OfferdeskSignature;
import io.offerdesk.platform.PrincipalSource;
import io.offerdesk.support.EndToEndTest;
import io.offerdesk.support.TestApi;
import io.offerdesk.support.TestSmtp;
import io.offerdesk.support.WebhookReceiver;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue #9's acceptance story in one piece, tried as a new seller would through the API: a won opportunity from the
 * CRM, in the documented Salesforce shape, creates a draft from the seller's template; its 30 % discount needs the
 * two-step approval of the seller's policy, and release is refused until both steps approve; the released offer
 * arrives signed at the seller's webhook receiver; and after time travel the expiry reminder arrives by e-mail in the
 * test SMTP server.
 */
// Moves the shared simulated clock forward: runs after the tests that do not (junit-platform.properties).
@Order(Order.DEFAULT + 50)
@EndToEndTest
class GtmAcceptanceStoryTests {

    static final GreenMail SMTP = TestSmtp.started();
    static final JsonMapper JSON = JsonMapper.builder().build();

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

    @Autowired
    PrincipalSource principals;

    @Test
    void aWonOpportunityBecomesAnApprovedReleasedOfferWhoseWebhookAndExpiryReminderArrive() throws Exception {
        var approvals = new ApprovalFixtures(api);
        var buyers = new CollectionFixtures(api, jdbc);
        var crm = new CrmFixtures(api, principals);
        // A seller of the story's own, listing its product at USD 1200.00 a year, whose policy sends 25 % off or more
        // to the offer approvers and then finance; and a buyer with a procurement user.
        var seller = approvals.seller();
        approvals.discountRule(seller);
        var buyer = buyers.buyer();

        // The author keeps a template: twelve monthly installments, offers open for five days.
        var pricing = created(seller.author(), "/api/v1/pricing-templates", """
                {"name":"12 monthly installments","shape":"MONTHLY_INSTALLMENTS","durationMonths":12}""");
        var template = created(seller.author(), "/api/v1/offer-templates", """
                        {"name":"Annual, paid monthly","pricingTemplateId":"%s","expiryDays":5}""".formatted(
                                pricing.at("/id").asString()))
                .at("/id")
                .asString();
        // The administrator connects the CRM with the documented mapping and subscribes a receiver to releases.
        var connection = crm.connect(
                seller.admin(),
                seller.author(),
                CrmFixtures.mapping("Annual, paid monthly", template, seller.productId()));
        try (var receiver = WebhookReceiver.started()) {
            var endpoint = created(seller.admin(), "/api/v1/webhooks/endpoints", """
                    {"url":"%s","eventTypes":["offer.released"]}""".formatted(receiver.url()));

            // The opportunity is won at 30 % off, for the buyer's account.
            var payload = opportunity(OfferFixtures.unique("006"))
                    .replace(CrmFixtures.DOCUMENTED_TEMPLATE, "Annual, paid monthly")
                    .replace("400000000001; 400000000002", buyer.accountId());
            var secret = connection.at("/secret").asString();
            var won = crm.inbound(connection.at("/id").asString(), sign(secret, Instant.now(), payload), payload);
            assertThat(won.status()).as(won.body()).isEqualTo(201);
            var offerId = won.json().at("/offerId").asString();
            var offer =
                    api.get("/api/v1/offers/" + offerId, seller.author()).json().at("/offer");
            assertThat(offer.at("/state").asString()).isEqualTo("Draft");
            assertThat(offer.at("/buyerAccounts"))
                    .extracting(JsonNode::asString)
                    .containsExactly(buyer.accountId());
            // 30 % off USD 1200.00 is USD 840.00, in twelve installments of 70.00.
            assertThat(installments(offer)).hasSize(12).allMatch(amount -> amount.equals("70.00"));
            var expiryDay = buyers.today().plusDays(5);
            assertThat(offer.at("/availabilityEndDate").asString()).isEqualTo(expiryDay.toString());

            // The discount needs both steps; release is refused naming what is missing until both approve.
            var refused = approvals.release(seller.author(), offerId);
            assertThat(refused.at("/status").asString()).isEqualTo("FAILED");
            assertThat(refused.at("/changeSet/0/errorDetailList/0/code").asString())
                    .isEqualTo("APPROVAL_REQUIRED");
            assertThat(refused.at("/changeSet/0/errorDetailList/0/message").asString())
                    .contains("2 approval(s) missing: OFFER_APPROVER (step 1), FINANCE (step 2)");
            var request = api.post("/api/v1/offers/" + offerId + "/approvals", seller.author(), "");
            assertThat(request.status()).as(request.body()).isEqualTo(201);
            decide(seller.approver(), offerId, request.json().at("/approvals/0"), "Strategic account");
            var halfway = approvals.release(seller.author(), offerId);
            assertThat(halfway.at("/status").asString()).isEqualTo("FAILED");
            assertThat(halfway.at("/changeSet/0/errorDetailList/0/message").asString())
                    .contains("1 approval(s) missing: FINANCE (step 2)");
            decide(seller.finance(), offerId, request.json().at("/approvals/1"), "Within budget");
            var released = approvals.release(seller.author(), offerId);
            assertThat(released.at("/status").asString())
                    .as(released.toString())
                    .isEqualTo("SUCCEEDED");

            // The release arrives at the receiver, signed with the endpoint's secret.
            var arrived = receiver.awaitOffer(offerId);
            assertThat(OfferdeskSignature.verify(
                            endpoint.at("/secret").asString(),
                            arrived.signature(),
                            arrived.body(),
                            Clock.systemUTC().instant()))
                    .as(arrived.signature())
                    .isTrue();
            assertThat(arrived.eventType()).isEqualTo("offer.released");
            assertThat(JSON.readTree(arrived.body()).at("/data/buyerAccounts/0").asString())
                    .isEqualTo(buyer.accountId());

            // Two days before the expiry day the three-day reminder is due; it arrives by e-mail to both sides.
            buyers.advanceTo(expiryDay.minusDays(2).atStartOfDay().toInstant(ZoneOffset.UTC));
            var toBuyer = expiryMails(offerId, buyer.procurement());
            assertThat(toBuyer).hasSize(1);
            assertThat(TestSmtp.subject(toBuyer.getFirst()))
                    .contains("expires in 3 day(s)")
                    .contains(expiryDay.toString());
            assertThat(GreenMailUtil.getBody(toBuyer.getFirst())).contains("/buyer/offers/" + offerId);
            assertThat(expiryMails(offerId, seller.author())).hasSize(1);
        }
    }

    private JsonNode created(String email, String path, String body) {
        var reply = api.post(path, email, body);
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        return reply.json();
    }

    private void decide(String approver, String offerId, JsonNode approval, String comment) {
        var decided = api.post(
                "/api/v1/offers/" + offerId + "/approvals/" + approval.at("/id").asString() + "/approve",
                approver,
                "{\"comment\":\"" + comment + "\"}");
        assertThat(decided.status()).as(decided.body()).isEqualTo(200);
    }

    private static List<String> installments(JsonNode offer) {
        var amounts = new ArrayList<String>();
        for (var term : offer.at("/details/Terms")) {
            if (term.at("/Type").asString().equals("PaymentScheduleTerm")) {
                term.at("/Schedule")
                        .forEach(i -> amounts.add(i.at("/ChargeAmount").asString()));
            }
        }
        return amounts;
    }

    /** The expiry reminders about the offer (not the "not yet opened" one) that reached the address. */
    private static List<MimeMessage> expiryMails(String offerId, String to) {
        return TestSmtp.mailsAbout(SMTP, offerId, to).stream()
                .filter(m -> TestSmtp.subject(m).contains("expires"))
                .toList();
    }
}
