package io.offerdesk.invoicing;

import static io.offerdesk.agreements.AgreementFixtures.AUTHOR;
import static io.offerdesk.agreements.AgreementFixtures.GLOBEX;
import static io.offerdesk.agreements.AgreementFixtures.INITECH;
import static org.assertj.core.api.Assertions.assertThat;

import io.offerdesk.ledger.AccountRole;
import io.offerdesk.ledger.Ledger;
import io.offerdesk.ledger.LedgerAccount;
import io.offerdesk.ledger.Posting;
import io.offerdesk.platform.OfferdeskPrincipal;
import io.offerdesk.platform.PrincipalSource;
import io.offerdesk.support.EndToEndTest;
import io.offerdesk.support.TestApi;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Tax rates, billing profiles and what an invoice takes from them, an operator's run started through the API, and the
 * invoice's PDF.
 */
@EndToEndTest
class BillingTests {

    static final String OPERATOR = "operator@offerdesk.example";
    static final String GLOBEX_ADMIN = "admin@globex.example";
    static final CurrencyUnit EUR = CurrencyUnit.EUR;

    @Autowired
    TestApi api;

    @Autowired
    Invoices invoices;

    @Autowired
    Ledger ledger;

    @Autowired
    PrincipalSource principals;

    @Autowired
    JdbcClient jdbc;

    OfferdeskPrincipal principal(String email) {
        return principals.findLogin(email).orElseThrow().principal();
    }

    Instant now() {
        return Instant.parse(
                api.get("/api/v1/simulation/clock", OPERATOR).json().at("/now").asString());
    }

    @Test
    void invoicesTakeTheBuyersCountrysTaxAndDaysToPayAndTheirPdfShowsNumberAndTotal()
            throws IOException, InterruptedException {
        var onboarded = api.post("/api/v1/parties", OPERATOR, """
                {"kind":"BUYER","name":"Taxed Buyer %s","accountName":"Main","adminEmail":"admin-%s@taxed.example",
                 "adminName":"Tara Taxed"}""".formatted(UUID.randomUUID(), UUID.randomUUID()));
        assertThat(onboarded.status()).as(onboarded.body()).isEqualTo(201);
        var buyer = UUID.fromString(onboarded.json().at("/party/id").asString());
        var account = onboarded.json().at("/account/id").asString();
        var rate = api.put("/api/v1/invoicing/tax-rates/lu", OPERATOR, "{\"ratePercent\":17}");
        assertThat(rate.status()).as(rate.body()).isEqualTo(200);
        assertThat(rate.json().at("/country").asString()).isEqualTo("LU");
        assertThat(rate.json().at("/ratePercent").asString()).isEqualTo("17.0000");
        var profile = api.put(
                "/api/v1/invoicing/billing-profiles/" + buyer,
                OPERATOR,
                "{\"country\":\"LU\",\"defaultNetPaymentDays\":45}");
        assertThat(profile.status()).as(profile.body()).isEqualTo(200);
        assertThat(profile.json().at("/netPaymentDays").asInt()).isEqualTo(45);
        var seller = principal(AUTHOR).partyId();
        var dueAt = now();
        var rows = new ChargeRows(jdbc);
        var tag = UUID.randomUUID().toString().substring(0, 8);
        // Three charges on one EUR invoice, the second with a net payment term of 60 days; one USD charge on another.
        rows.insert("agmt-" + tag + "a", "charge-1", seller, buyer, account, "EUR", 10000, dueAt, null);
        rows.insert("agmt-" + tag + "b", "charge-1", seller, buyer, account, "EUR", 3333, dueAt, 60);
        rows.insert("agmt-" + tag + "c", "charge-1", seller, buyer, account, "EUR", 1, dueAt, null);
        rows.insert("agmt-" + tag + "d", "charge-1", seller, buyer, account, "USD", 5000, dueAt, null);

        var run = finished(api.post("/api/v1/invoicing/runs", OPERATOR, ""));

        assertThat(run.at("/status").asString()).isEqualTo("COMPLETED");
        assertThat(run.at("/chargesDone").asLong()).isGreaterThanOrEqualTo(4);
        assertThat(run.at("/percentDone").asInt()).isEqualTo(100);
        var operator = principal(OPERATOR);
        var issued = invoices.list(operator, new InvoiceFilter(null, account, null, "EUR", null, null), 0, 10);
        assertThat(issued).hasSize(1);
        var invoice = issued.getFirst();
        var invoiceDate = LocalDate.ofInstant(dueAt, ZoneOffset.UTC);
        assertThat(invoice.subtotal()).isEqualTo(Money.parse("EUR 133.34"));
        // 17 % of 133.34 is 22.6678: rounded once, to 22.67.
        assertThat(invoice.tax()).isEqualTo(Money.parse("EUR 22.67"));
        assertThat(invoice.total()).isEqualTo(Money.parse("EUR 156.01"));
        assertThat(invoice.taxCountry()).isEqualTo("LU");
        assertThat(invoice.taxRate()).isEqualByComparingTo(new BigDecimal("17"));
        assertThat(invoice.lines())
                .extracting(l -> l.amount().toString(), l -> l.tax().toString())
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("EUR 100.00", "EUR 17.01"),
                        org.assertj.core.groups.Tuple.tuple("EUR 33.33", "EUR 5.66"),
                        org.assertj.core.groups.Tuple.tuple("EUR 0.01", "EUR 0.00"));
        // The longest days to pay of its charges: the second's 60 over the buyer's 45.
        assertThat(invoice.dueDate()).isEqualTo(invoiceDate.plusDays(60));
        var usd = invoices.list(operator, new InvoiceFilter(null, account, null, "USD", null, null), 0, 10);
        assertThat(usd).singleElement().satisfies(i -> {
            assertThat(i.dueDate()).isEqualTo(invoiceDate.plusDays(45));
            assertThat(i.tax()).isEqualTo(Money.parse("USD 8.50"));
        });
        assertThat(ledger.entry("invoice:" + invoice.id()).orElseThrow().postings())
                .containsExactly(
                        new Posting(
                                new LedgerAccount(buyer, AccountRole.BUYER_RECEIVABLE, EUR),
                                LedgerAccount.marketplace(AccountRole.MARKETPLACE_CLEARING, EUR),
                                Money.parse("EUR 133.34")),
                        new Posting(
                                new LedgerAccount(buyer, AccountRole.BUYER_RECEIVABLE, EUR),
                                LedgerAccount.marketplace(AccountRole.TAX_PAYABLE, EUR),
                                Money.parse("EUR 22.67")));

        var pdf = HttpClient.newHttpClient()
                .send(
                        api.request("/api/v1/invoices/" + invoice.id() + "/pdf", AUTHOR)
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
        var bytes = pdf.body();
        try (var document = Loader.loadPDF(bytes)) {
            var text = new PDFTextStripper().getText(document);
            assertThat(text).contains(invoices.displayNumber(invoice));
            assertThat(text).contains("EUR 156.01");
            assertThat(text).contains("Tax (LU, 17 %)");
        }
        assertThat(api.get("/api/v1/invoices/" + invoice.id() + "/pdf", INITECH).status())
                .isEqualTo(404);

        assertThat(api.delete("/api/v1/invoicing/tax-rates/LU", OPERATOR).status())
                .isEqualTo(204);
        assertThat(api.delete("/api/v1/invoicing/tax-rates/LU", OPERATOR).status())
                .isEqualTo(404);
    }

    @Test
    void taxRatesAreTheOperatorsAndRefuseWhatIsNoCountryOrRate() {
        assertThat(api.put("/api/v1/invoicing/tax-rates/XX", OPERATOR, "{\"ratePercent\":5}")
                        .json()
                        .at("/errors/0/field")
                        .asString())
                .isEqualTo("country");
        var hundred = api.put("/api/v1/invoicing/tax-rates/FR", OPERATOR, "{\"ratePercent\":100}");
        assertThat(hundred.status()).isEqualTo(422);
        assertThat(hundred.json().at("/errors/0/field").asString()).isEqualTo("ratePercent");
        assertThat(api.put("/api/v1/invoicing/tax-rates/FR", OPERATOR, "{\"ratePercent\":\"1.23456\"}")
                        .status())
                .isEqualTo(422);
        assertThat(api.put("/api/v1/invoicing/tax-rates/FR", GLOBEX_ADMIN, "{\"ratePercent\":5}")
                        .status())
                .isEqualTo(403);
        assertThat(api.get("/api/v1/invoicing/tax-rates", AUTHOR).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/invoicing/runs", GLOBEX).status()).isEqualTo(403);
        assertThat(api.post("/api/v1/invoicing/runs", AUTHOR, "").status()).isEqualTo(403);
    }

    @Test
    void aBuyerReadsItsOwnProfileItsAdministratorChangesItAndOtherTenantsGet404() {
        var globex = principal(GLOBEX).partyId();
        var initech = principal(INITECH).partyId();
        var own = api.get("/api/v1/invoicing/billing-profiles/" + globex, GLOBEX);
        assertThat(own.status()).isEqualTo(200);
        assertThat(own.json().at("/netPaymentDays").asInt()).isEqualTo(30);
        assertThat(api.get("/api/v1/invoicing/billing-profiles/" + initech, GLOBEX)
                        .status())
                .isEqualTo(404);
        assertThat(api.get("/api/v1/invoicing/billing-profiles/not-a-party", GLOBEX)
                        .status())
                .isEqualTo(404);
        assertThat(api.put("/api/v1/invoicing/billing-profiles/" + globex, GLOBEX, "{\"country\":\"DE\"}")
                        .status())
                .isEqualTo(403);
        var badCountry = api.put("/api/v1/invoicing/billing-profiles/" + globex, GLOBEX_ADMIN, "{\"country\":\"ZZ\"}");
        assertThat(badCountry.status()).isEqualTo(422);
        assertThat(badCountry.json().at("/errors/0/field").asString()).isEqualTo("country");
        var badDays = api.put(
                "/api/v1/invoicing/billing-profiles/" + globex, GLOBEX_ADMIN, "{\"defaultNetPaymentDays\":400}");
        assertThat(badDays.json().at("/errors/0/field").asString()).isEqualTo("defaultNetPaymentDays");
        // Globex's administrator may save it; saved empty, Globex's invoices stay as other tests expect them.
        var saved = api.put("/api/v1/invoicing/billing-profiles/" + globex, GLOBEX_ADMIN, "{}");
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        assertThat(saved.json().at("/updatedAt").isMissingNode()).isFalse();
        assertThat(api.put("/api/v1/invoicing/billing-profiles/" + initech, GLOBEX_ADMIN, "{}")
                        .status())
                .isEqualTo(404);
    }

    /** Polls the run the POST started, as a client would, until it is no longer running. */
    JsonNode finished(TestApi.Reply started) {
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        var location = "/api/v1/invoicing/runs/" + started.json().at("/id").asString();
        for (int i = 0; i < 600; i++) {
            var run = api.get(location, OPERATOR).json();
            if (!run.at("/status").asString().equals("RUNNING")) {
                return run;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("invoicing run " + location + " did not finish");
    }
}
