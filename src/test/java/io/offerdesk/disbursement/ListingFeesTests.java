package io.offerdesk.disbursement;

import static io.offerdesk.invoicing.CollectionFixtures.OPERATOR;
import static org.assertj.core.api.Assertions.assertThat;

import io.offerdesk.agreements.AgreementFixtures;
import io.offerdesk.invoicing.CollectionFixtures;
import io.offerdesk.ledger.LedgerAccount;
import io.offerdesk.support.EndToEndTest;
import io.offerdesk.support.SignedInSession;
import io.offerdesk.support.TestApi;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import org.joda.money.Money;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Listing fees end to end (ADR 0019): the schedule seeded with AWS's rates and edited only by the operator with
 * effective dates, the fee fixed at acceptance, and the fee charged to the cent on what the ISV is paid when a direct
 * and a channel partner agreement are paid in part and in full. Every expected fee is computed here from the rule.
 */
// Moves the shared simulated clock forward: runs after the tests that do not (junit-platform.properties).
@Order(Order.DEFAULT + 19)
@EndToEndTest
class ListingFeesTests {

    static final String ACME = AgreementFixtures.AUTHOR;
    static final String NORTHWIND = CollectionFixtures.PARTNER;

    @Autowired
    TestApi api;

    @Autowired
    JdbcClient jdbc;

    CollectionFixtures fixtures;

    @BeforeEach
    void fixtures() {
        fixtures = new CollectionFixtures(api, jdbc);
    }

    /** The fee on a share in minor units, as the rule says: share × rate, one rounding toward zero. */
    static long fee(long shareMinor, String ratePercent) {
        return new BigDecimal(shareMinor)
                .multiply(new BigDecimal(ratePercent))
                .divide(BigDecimal.valueOf(100), 0, RoundingMode.DOWN)
                .longValueExact();
    }

    static long minor(String usd) {
        return Money.parse("USD " + usd).getAmountMinorLong();
    }

    /** What the invoice's collection entries left each account with ("ROLE party"), in minor units, net. */
    Map<String, Long> owed(String invoiceId) {
        var owed = new HashMap<String, Long>();
        jdbc.sql("""
                        SELECT a.role, a.owner_party_id,
                            sum(CASE WHEN a.id = p.credit_account_id THEN p.amount_minor ELSE -p.amount_minor END)
                        FROM ledger.posting p
                        JOIN ledger.journal_entry e ON e.id = p.entry_id
                        JOIN ledger.account a ON a.id IN (p.credit_account_id, p.debit_account_id)
                        WHERE e.reason_code = 'COLLECTED' AND e.reference = ? AND a.role <> 'MARKETPLACE_CLEARING'
                        GROUP BY a.role, a.owner_party_id
                        """)
                .param(invoiceId)
                .query((rs, n) -> owed.put(rs.getString(1) + " " + rs.getString(2), rs.getLong(3)))
                .list();
        return owed;
    }

    String partyOf(String email) {
        return api.get("/api/v1/parties/me", email).json().at("/id").asString();
    }

    static final String FEES = "FEE_REVENUE " + LedgerAccount.MARKETPLACE;

    @Test
    void aDirectInstallmentAgreementPaysThreePercentOfWhatAcmeIsPaidInPartAndInFull() {
        var buyer = fixtures.buyer();
        var acme = partyOf(ACME);
        var agreementId = fixtures.buy(
                buyer, fixtures.installmentOffer(buyer.accountId(), 12, Collections.nCopies(12, "1234.57")));
        // 12 × 1,234.57 = 14,814.84 total contract value: a private offer below $1M, 3%.
        var terms = api.get("/api/v1/listing-fees/agreements/" + agreementId, ACME);
        assertThat(terms.status()).as(terms.body()).isEqualTo(200);
        assertThat(terms.json().at("/basis").asString()).isEqualTo("PRIVATE_BELOW_LOWER");
        assertThat(terms.json().at("/ratePercent").asString()).isEqualTo("3.0000");
        assertThat(terms.json().at("/cppoUpliftPercent").asString()).isEqualTo("0.0000");
        assertThat(terms.json().at("/contractValue").asString()).isEqualTo("14814.84");
        assertThat(terms.json().at("/resale").asBoolean()).isFalse();
        // The buyer and other sellers do not see it.
        assertThat(api.get("/api/v1/listing-fees/agreements/" + agreementId, buyer.procurement())
                        .status())
                .isEqualTo(404);
        assertThat(api.get("/api/v1/listing-fees/agreements/" + agreementId, NORTHWIND)
                        .status())
                .isEqualTo(404);

        var charge = fixtures.charges(buyer.procurement(), agreementId).stream()
                .filter(c -> c.at("/amount").asString().equals("1234.57"))
                .findFirst()
                .orElseThrow();
        fixtures.advanceTo(Instant.parse(charge.at("/time").asString()).plusSeconds(3600));
        var invoiceId =
                fixtures.invoiceOf(agreementId, charge.at("/id").asString()).orElseThrow();

        assertThat(fixtures.pay(buyer.finance(), invoiceId, "500.00", "part").status())
                .isEqualTo(201);
        long partFee = fee(minor("500.00"), "3");
        assertThat(partFee).isEqualTo(1_500L);
        assertThat(owed(invoiceId))
                .containsOnly(Map.entry("SELLER_PAYABLE " + acme, minor("500.00") - partFee), Map.entry(FEES, partFee));

        assertThat(fixtures.pay(buyer.finance(), invoiceId, "734.57", "rest").status())
                .isEqualTo(201);
        // Paid in full: 3% of 1,234.57 in one rounding, 37.03 (3,703.71 cents rounds down); Acme keeps 1,197.54.
        long wholeFee = fee(minor("1234.57"), "3");
        assertThat(wholeFee).isEqualTo(3_703L);
        assertThat(owed(invoiceId))
                .containsOnly(
                        Map.entry("SELLER_PAYABLE " + acme, minor("1234.57") - wholeFee), Map.entry(FEES, wholeFee));

        // Acme sees the rate and the fee on the agreement's line items; the buyer does not.
        var items = api.get("/api/v1/agreements/" + agreementId + "/invoice-line-items", ACME);
        assertThat(items.status()).as(items.body()).isEqualTo(200);
        var group = items.json().at("/agreementInvoiceLineItemGroupSummaries/0");
        assertThat(group.at("/listingFee/ratePercent").asString()).isEqualTo("3.0000");
        assertThat(group.at("/listingFee/amount").asString()).isEqualTo("37.03");
        var buyerItems = api.get("/api/v1/agreements/" + agreementId + "/invoice-line-items", buyer.procurement());
        assertThat(buyerItems.status()).as(buyerItems.body()).isEqualTo(200);
        assertThat(buyerItems
                        .json()
                        .at("/agreementInvoiceLineItemGroupSummaries/0/listingFee")
                        .isNull())
                .as(buyerItems.body())
                .isTrue();
        // So do the agreement pages' invoice tables.
        var seller = new SignedInSession(api, ACME, "offerdesk-demo");
        assertThat(html(seller.get("/agreements/" + agreementId + "/invoice-line-items?lang=en")))
                .contains("Listing fee", "group-listing-fee", "3 %", "37.03");
        var buyerSession = new SignedInSession(api, buyer.procurement(), CollectionFixtures.PASSWORD);
        assertThat(html(buyerSession.get("/buyer/agreements/" + agreementId + "/invoice-line-items")))
                .contains(invoiceId)
                .doesNotContain("group-listing-fee");
        assertInvariants();
    }

    @Test
    void aChannelPartnerAgreementChargesTheIsvThreeAndAHalfPercentOnTheWholesaleShareOnly() {
        var buyer = fixtures.buyer();
        var acme = partyOf(ACME);
        var northwind = partyOf(NORTHWIND);
        // Wholesale 1,000.00 and 333.33, marked up 8% by Northwind: a CPPO below $1M, 3% + 0.5% for Acme.
        var agreementId = fixtures.buy(buyer, fixtures.resoldOffer(buyer.accountId(), "8"));
        for (var reader : new String[] {ACME, NORTHWIND}) {
            var terms = api.get("/api/v1/listing-fees/agreements/" + agreementId, reader);
            assertThat(terms.status()).as(terms.body()).isEqualTo(200);
            assertThat(terms.json().at("/resale").asBoolean()).isTrue();
            assertThat(terms.json().at("/baseRatePercent").asString()).isEqualTo("3.0000");
            assertThat(terms.json().at("/cppoUpliftPercent").asString()).isEqualTo("0.5000");
            assertThat(terms.json().at("/ratePercent").asString()).isEqualTo("3.5000");
            // The tier is chosen by the ISV's wholesale contract value.
            assertThat(terms.json().at("/contractValue").asString()).isEqualTo("1333.33");
            assertThat(terms.json().at("/publisherPartyId").asString()).isEqualTo(acme);
            assertThat(terms.json().at("/sellerPartyId").asString()).isEqualTo(northwind);
        }
        var charge = fixtures.charges(buyer.procurement(), agreementId).stream()
                .filter(c -> c.at("/amount").asString().equals("1080.00"))
                .findFirst()
                .orElseThrow();
        fixtures.advanceTo(Instant.parse(charge.at("/time").asString()).plusSeconds(3600));
        var invoiceId =
                fixtures.invoiceOf(agreementId, charge.at("/id").asString()).orElseThrow();

        assertThat(fixtures.pay(buyer.finance(), invoiceId, "400.00", "part").status())
                .isEqualTo(201);
        // 400.00 of 1,080.00: Acme's wholesale share 400.00 × 1,000 / 1,080 = 370.37 (rounded down), Northwind the
        // rest, 29.63; Acme's fee 3.5% of 370.37 = 12.96 (1,296.295 cents rounded down). The markup bears no fee.
        long isvShare = new BigDecimal(minor("400.00"))
                .multiply(BigDecimal.valueOf(1000))
                .divide(BigDecimal.valueOf(1080), 0, RoundingMode.DOWN)
                .longValueExact();
        assertThat(isvShare).isEqualTo(37_037L);
        long partFee = fee(isvShare, "3.5");
        assertThat(partFee).isEqualTo(1_296L);
        assertThat(owed(invoiceId))
                .containsOnly(
                        Map.entry("SELLER_PAYABLE " + acme, isvShare - partFee),
                        Map.entry("PARTNER_PAYABLE " + northwind, minor("400.00") - isvShare),
                        Map.entry(FEES, partFee));

        assertThat(fixtures.pay(buyer.finance(), invoiceId, "680.00", "rest").status())
                .isEqualTo(201);
        // Paid in full: Acme 1,000.00 less 35.00, Northwind its whole 80.00 markup, the marketplace 35.00.
        long wholeFee = fee(minor("1000.00"), "3.5");
        assertThat(wholeFee).isEqualTo(3_500L);
        assertThat(owed(invoiceId))
                .containsOnly(
                        Map.entry("SELLER_PAYABLE " + acme, minor("1000.00") - wholeFee),
                        Map.entry("PARTNER_PAYABLE " + northwind, minor("80.00")),
                        Map.entry(FEES, wholeFee));

        // Seller of record and ISV both see the ISV's fee on the line items: on the wholesale 1,000.00.
        for (var reader : new String[] {ACME, NORTHWIND}) {
            var group = api.get("/api/v1/agreements/" + agreementId + "/invoice-line-items", reader)
                    .json()
                    .at("/agreementInvoiceLineItemGroupSummaries/0");
            assertThat(group.at("/listingFee/ratePercent").asString()).isEqualTo("3.5000");
            assertThat(group.at("/listingFee/amount").asString()).isEqualTo("35.00");
        }
        // The agreement page shows the ISV the fee it pays, in English and Chinese; the buyer gets nothing.
        var isv = new SignedInSession(api, ACME, "offerdesk-demo");
        assertThat(html(isv.get("/agreements/" + agreementId + "?lang=en")))
                .contains("/agreements/" + agreementId + "/listing-fee");
        assertThat(html(isv.get("/agreements/" + agreementId + "/listing-fee?lang=en")))
                .contains("id=\"agreement-fee-rate\"", "3.5 %", "CPPO uplift", "1333.33 USD");
        assertThat(html(isv.get("/agreements/" + agreementId + "/listing-fee?lang=zh-CN")))
                .contains("上架费", "3.5 %");
        var buyerSession = new SignedInSession(api, buyer.procurement(), CollectionFixtures.PASSWORD);
        assertThat(buyerSession
                        .get("/agreements/" + agreementId + "/listing-fee")
                        .statusCode())
                .isEqualTo(404);
        assertInvariants();
    }

    @Test
    void theOperatorEditsTheScheduleWithEffectiveDatesAndAnAcceptedAgreementKeepsItsFee() {
        var current = api.get("/api/v1/listing-fees/schedules/current", ACME);
        assertThat(current.status()).as(current.body()).isEqualTo(200);
        var seeded = current.json();
        assertThat(seeded.at("/privateBelowLowerPercent").asString()).isEqualTo("3.0000");
        assertThat(seeded.at("/privateBelowUpperPercent").asString()).isEqualTo("2.0000");
        assertThat(seeded.at("/privateFromUpperPercent").asString()).isEqualTo("1.5000");
        assertThat(seeded.at("/renewalPercent").asString()).isEqualTo("1.5000");
        assertThat(seeded.at("/cppoUpliftPercent").asString()).isEqualTo("0.5000");
        assertThat(seeded.at("/professionalServicesPercent").asString()).isEqualTo("2.5000");
        assertThat(seeded.at("/lowerThreshold").asString()).isEqualTo("1000000.00");
        assertThat(seeded.at("/upperThreshold").asString()).isEqualTo("10000000.00");
        assertThat(seeded.at("/publicPercents/SAAS").asString()).isEqualTo("3.0000");
        assertThat(seeded.at("/publicPercents/AMI").asString()).isEqualTo("20.0000");
        assertThat(seeded.at("/publicPercents/MACHINE_LEARNING").asString()).isEqualTo("20.0000");

        var buyer = fixtures.buyer();
        var before = fixtures.buy(
                buyer, fixtures.installmentOffer(buyer.accountId(), 12, Collections.nCopies(12, "100.00")));
        var now = fixtures.now();

        // Only the operator edits it: sellers, partners and buyers are refused and nothing changes.
        var raised = version(now.plusSeconds(600), "4");
        for (var other : new String[] {ACME, NORTHWIND, buyer.admin()}) {
            assertThat(api.post("/api/v1/listing-fees/schedules", other, raised).status())
                    .isEqualTo(403);
        }
        // Bad input names each field and changes nothing.
        var bad = api.post("/api/v1/listing-fees/schedules", OPERATOR, """
                {"effectiveFrom":"%s","lowerThreshold":5,"upperThreshold":5,"privateBelowLowerPercent":101,
                 "privateBelowUpperPercent":2,"privateFromUpperPercent":1.5,"renewalPercent":1.50001,
                 "cppoUpliftPercent":0.5,"professionalServicesPercent":2.5,
                 "publicPercents":{"SAAS":3,"AMI":20,"CONTAINER":20,"MACHINE_LEARNING":20,"PROFESSIONAL_SERVICES":2.5,
                 "DATA":3,"DESKTOP":9}}""".formatted(now.minusSeconds(60)));
        assertThat(bad.status()).as(bad.body()).isEqualTo(422);
        assertThat(bad.contentType()).startsWith("application/problem+json");
        assertThat(bad.json().at("/errors").findValuesAsString("field"))
                .containsExactlyInAnyOrder(
                        "effectiveFrom",
                        "upperThreshold",
                        "privateBelowLowerPercent",
                        "renewalPercent",
                        "publicPercents.DESKTOP");
        var missing = api.post("/api/v1/listing-fees/schedules", OPERATOR, "{}");
        assertThat(missing.status()).as(missing.body()).isEqualTo(422);
        assertThat(missing.json().at("/errors").findValuesAsString("field"))
                .contains("effectiveFrom", "lowerThreshold", "publicPercents.AMI");
        int versions = api.get("/api/v1/listing-fees/schedules", ACME)
                .json()
                .at("/items")
                .size();

        // A version a month ahead may be withdrawn before it takes effect; one in force may not.
        var later = api.post(
                "/api/v1/listing-fees/schedules", OPERATOR, version(now.plus(java.time.Duration.ofDays(30)), "5"));
        assertThat(later.status()).as(later.body()).isEqualTo(201);
        var laterId = later.json().at("/id").asString();
        assertThat(api.delete("/api/v1/listing-fees/schedules/" + laterId, ACME).status())
                .isEqualTo(403);
        assertThat(api.delete("/api/v1/listing-fees/schedules/" + laterId, OPERATOR)
                        .status())
                .isEqualTo(204);
        assertThat(api.get("/api/v1/listing-fees/schedules/" + laterId, ACME).status())
                .isEqualTo(404);
        var inForce =
                api.delete("/api/v1/listing-fees/schedules/" + seeded.at("/id").asString(), OPERATOR);
        assertThat(inForce.status()).as(inForce.body()).isEqualTo(409);

        // 4% from ten minutes from now: an agreement accepted after that takes 4%, the one accepted before keeps 3%.
        var added = api.post("/api/v1/listing-fees/schedules", OPERATOR, raised);
        assertThat(added.status()).as(added.body()).isEqualTo(201);
        assertThat(added.json().at("/privateBelowLowerPercent").asString()).isEqualTo("4.0000");
        assertThat(api.get("/api/v1/listing-fees/schedules", ACME)
                        .json()
                        .at("/items")
                        .size())
                .isEqualTo(versions + 1);
        assertThat(jdbc.sql("SELECT count(*) FROM audit.entry WHERE action = 'ListingFeeScheduleChanged'"
                                + " AND entity_id = ?")
                        .param(added.json().at("/id").asString())
                        .query(Long.class)
                        .single())
                .isEqualTo(1L);
        fixtures.advanceTo(now.plusSeconds(660));
        try {
            var after = fixtures.buy(
                    buyer, fixtures.installmentOffer(buyer.accountId(), 12, Collections.nCopies(12, "100.00")));
            assertThat(api.get("/api/v1/listing-fees/agreements/" + after, ACME)
                            .json()
                            .at("/ratePercent")
                            .asString())
                    .isEqualTo("4.0000");
            var kept =
                    api.get("/api/v1/listing-fees/agreements/" + before, ACME).json();
            assertThat(kept.at("/ratePercent").asString()).isEqualTo("3.0000");
            // 12 × 100.00: a whole number of dollars keeps its cents.
            assertThat(kept.at("/contractValue").asString()).isEqualTo("1200.00");
        } finally {
            // Back to AWS's rates for the tests that follow.
            var restored = api.post(
                    "/api/v1/listing-fees/schedules",
                    OPERATOR,
                    version(fixtures.now().plusSeconds(60), "3"));
            assertThat(restored.status()).as(restored.body()).isEqualTo(201);
            fixtures.advanceTo(fixtures.now().plusSeconds(120));
        }
        assertThat(api.get("/api/v1/listing-fees/schedules/current", ACME)
                        .json()
                        .at("/privateBelowLowerPercent")
                        .asString())
                .isEqualTo("3.0000");
    }

    @Test
    void theOperatorsPageShowsTheScheduleInEnglishAndChineseAndOnlyToTheOperator() {
        var operator = new SignedInSession(api, OPERATOR, "offerdesk-demo");
        assertThat(html(operator.get("/operator/listing-fees?lang=en")))
                .contains(
                        "Listing fees",
                        "id=\"fee-schedules\"",
                        "schedule-fees-aws20240105default",
                        "in force",
                        "AMI 20 %",
                        "id=\"fee-schedule-form\"",
                        "Add version");
        assertThat(html(operator.get("/operator/listing-fees?lang=zh-CN"))).contains("上架费", "生效中", "添加版本");
        var seller = new SignedInSession(api, ACME, "offerdesk-demo");
        assertThat(seller.get("/operator/listing-fees").statusCode()).isNotEqualTo(200);
    }

    static String html(HttpResponse<byte[]> response) {
        assertThat(response.statusCode()).isEqualTo(200);
        return new String(response.body(), StandardCharsets.UTF_8);
    }

    /** A version with AWS's rates but {@code belowLower} percent for private offers below $1M. */
    static String version(Instant effectiveFrom, String belowLower) {
        return """
                {"effectiveFrom":"%s","lowerThreshold":1000000,"upperThreshold":10000000,
                 "privateBelowLowerPercent":%s,"privateBelowUpperPercent":2,"privateFromUpperPercent":1.5,
                 "renewalPercent":1.5,"cppoUpliftPercent":0.5,"professionalServicesPercent":2.5,
                 "publicPercents":{"SAAS":3,"AMI":20,"CONTAINER":20,"MACHINE_LEARNING":20,"PROFESSIONAL_SERVICES":2.5,
                 "DATA":3}}""".formatted(effectiveFrom, belowLower);
    }

    void assertInvariants() {
        var check = api.post("/api/v1/ledger/invariants", OPERATOR, "");
        assertThat(check.status()).as(check.body()).isEqualTo(200);
        assertThat(check.json().at("/passed").asBoolean()).as(check.body()).isTrue();
    }
}
