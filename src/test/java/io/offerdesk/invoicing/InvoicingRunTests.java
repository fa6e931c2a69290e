package io.offerdesk.invoicing;

import static io.offerdesk.agreements.AgreementFixtures.GLOBEX;
import static io.offerdesk.agreements.AgreementFixtures.GLOBEX_ACCOUNT;
import static io.offerdesk.agreements.AgreementFixtures.INITECH;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.offerdesk.agreements.AgreementFixtures;
import io.offerdesk.ledger.AccountRole;
import io.offerdesk.ledger.Ledger;
import io.offerdesk.ledger.LedgerAccount;
import io.offerdesk.ledger.Posting;
import io.offerdesk.platform.OfferdeskPrincipal;
import io.offerdesk.platform.PrincipalSource;
import io.offerdesk.shared.NotFound;
import io.offerdesk.support.EndToEndTest;
import io.offerdesk.support.TestApi;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The invoicing run on the clock: accepted installments become invoices, posted to the ledger. */
// Moves the shared simulated clock forward: runs after the tests that do not (junit-platform.properties).
@Order(Order.DEFAULT + 8)
@EndToEndTest
class InvoicingRunTests {

    static final String OPERATOR = "operator@offerdesk.example";
    static final CurrencyUnit USD = CurrencyUnit.USD;

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

    AgreementFixtures fixtures;

    @BeforeEach
    void fixtures() {
        fixtures = new AgreementFixtures(api);
    }

    OfferdeskPrincipal principal(String email) {
        return principals.findLogin(email).orElseThrow().principal();
    }

    @Test
    void anAcceptedInstallmentIsInvoicedWhenItFallsDueAndPostedToTheLedger() {
        var offerId = fixtures.installmentOffer(fixtures.saasProduct(), GLOBEX_ACCOUNT);
        var accepted = fixtures.buy(offerId);
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(201);
        var agreementId = accepted.json().at("/agreementId").asString();
        var charges = api.get("/api/v1/agreements/" + agreementId + "/charges", GLOBEX)
                .json()
                .at("/items");
        var firstInstallment = charges.get(0);
        var dueAt = Instant.parse(firstInstallment.at("/time").asString());
        var globex = principal(GLOBEX);
        var byAgreement = new InvoiceFilter(null, null, agreementId, null, null, null);
        assertThat(invoices.list(globex, byAgreement, 0, 10)).isEmpty();

        var advanced =
                api.post("/api/v1/simulation/clock/advance", OPERATOR, "{\"to\":\"" + dueAt.plusSeconds(3600) + "\"}");
        assertThat(advanced.status()).as(advanced.body()).isEqualTo(200);

        var issued = invoices.list(globex, byAgreement, 0, 10);
        assertThat(issued).hasSize(1);
        var invoice = issued.getFirst();
        var invoiceDate = LocalDate.ofInstant(dueAt, ZoneOffset.UTC);
        assertThat(invoice.id()).matches("inv-[a-z0-9]{17}");
        assertThat(invoice.type()).isEqualTo(InvoiceType.INVOICE);
        assertThat(invoice.buyerAccountId()).isEqualTo(GLOBEX_ACCOUNT);
        assertThat(invoice.buyerPartyId()).isEqualTo(globex.partyId());
        assertThat(invoice.sellerPartyId())
                .isEqualTo(principal(AgreementFixtures.AUTHOR).partyId());
        assertThat(invoice.invoiceDate()).isEqualTo(invoiceDate);
        // The fixture's offer has no net payment term and Globex no billing profile: the marketplace's net 30.
        assertThat(invoice.dueDate()).isEqualTo(invoiceDate.plusDays(30));
        // Charges of other tests' agreements for Globex's account from the same seller, due that day, share the
        // invoice.
        var total = invoice.lines().stream()
                .map(InvoiceLine::amount)
                .reduce(Money::plus)
                .orElseThrow();
        assertThat(total).isGreaterThanOrEqualTo(Money.parse("USD 1000.00"));
        assertThat(invoice.total()).isEqualTo(total);
        assertThat(invoice.subtotal()).isEqualTo(total);
        assertThat(invoice.tax()).isEqualTo(Money.zero(USD));
        assertThat(invoice.lines())
                .filteredOn(line -> line.agreementId().equals(agreementId))
                .singleElement()
                .satisfies(line -> {
                    assertThat(line.agreementId()).isEqualTo(agreementId);
                    assertThat(line.chargeId())
                            .isEqualTo(firstInstallment.at("/id").asString());
                    assertThat(line.amount()).isEqualTo(Money.parse("USD 1000.00"));
                    assertThat(line.offerId()).isEqualTo(offerId);
                });
        assertThat(invoices.displayNumber(invoice)).isEqualTo("INV-%08d".formatted(invoice.number()));
        assertThat(invoices.invoice(principal(AgreementFixtures.AUTHOR), invoice.id()))
                .isEqualTo(invoice);
        assertThatThrownBy(() -> invoices.invoice(principal(INITECH), invoice.id()))
                .isInstanceOf(NotFound.class);

        var entry = ledger.entry("invoice:" + invoice.id()).orElseThrow();
        assertThat(entry.reasonCode()).isEqualTo("INVOICE_ISSUED");
        assertThat(entry.postings())
                .containsExactly(new Posting(
                        new LedgerAccount(globex.partyId(), AccountRole.BUYER_RECEIVABLE, USD),
                        LedgerAccount.marketplace(AccountRole.MARKETPLACE_CLEARING, USD),
                        total));
        assertThat(jdbc.sql("SELECT open_minor FROM invoicing.invoice_balance WHERE invoice_id = ?")
                        .param(invoice.id())
                        .query(Long.class)
                        .single())
                .isEqualTo(total.getAmountMinorLong());
        // The offer's upfront price of 0.00, if it made a charge, bills nothing and takes no invoice.
        assertThat(jdbc.sql("""
                        SELECT count(*) FROM invoicing.charge
                        WHERE agreement_id = ? AND amount_minor = 0 AND invoice_id IS NOT NULL
                        """).param(agreementId).query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM invoicing.charge WHERE agreement_id = ? AND invoice_id IS NULL"
                                + " AND not_invoiced_reason IS NULL")
                        .param(agreementId)
                        .query(Long.class)
                        .single())
                .as("no charge of the agreement is left waiting")
                .isZero();

        // A purchase order put on the next installment before it falls due is on its invoice.
        var secondInstallment = charges.get(1);
        var ordered = api.put(
                "/api/v1/buyer/purchase-orders",
                GLOBEX,
                "{\"purchaseOrders\":[{\"agreementId\":\"%s\",\"chargeId\":\"%s\",\"purchaseOrderReference\":\"PO-8080\"}]}"
                        .formatted(agreementId, secondInstallment.at("/id").asString()));
        assertThat(ordered.status()).as(ordered.body()).isEqualTo(204);
        var secondDue = Instant.parse(secondInstallment.at("/time").asString());
        assertThat(api.post(
                                "/api/v1/simulation/clock/advance",
                                OPERATOR,
                                "{\"to\":\"" + secondDue.plusSeconds(3600) + "\"}")
                        .status())
                .isEqualTo(200);
        var next = invoices.list(
                globex,
                new InvoiceFilter(null, null, agreementId, null, LocalDate.ofInstant(secondDue, ZoneOffset.UTC), null),
                0,
                10);
        assertThat(next).singleElement().satisfies(i -> {
            assertThat(i.number()).isGreaterThan(invoice.number());
            assertThat(i.lines())
                    .filteredOn(line -> line.agreementId().equals(agreementId))
                    .singleElement()
                    .satisfies(line -> assertThat(line.purchaseOrderReference()).isEqualTo("PO-8080"));
        });
    }
}
