package io.offerdesk.analytics.internal.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.offerdesk.disbursement.PayoutFacts.DisbursedMonth;
import io.offerdesk.invoicing.SettlementFacts.PayeeFigures;
import io.offerdesk.ledger.AccountRole;
import io.offerdesk.ledger.LedgerAccount;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.junit.jupiter.api.Test;

class ReconciliationTests {

    static final CurrencyUnit USD = CurrencyUnit.USD;
    static final UUID ISV = new UUID(0, 1);
    static final UUID PARTNER = new UUID(0, 2);
    static final YearMonth JAN = YearMonth.of(2030, 1);
    static final YearMonth FEB = YearMonth.of(2030, 2);

    static Money usd(String amount) {
        return Money.parse("USD " + amount);
    }

    /** A CPPO: the ISV's wholesale 1,000.00 less its 3.5% fee; the partner's 80.00 markup; a refund in February. */
    static final List<PayeeFigures> FIGURES = List.of(
            new PayeeFigures(
                    JAN,
                    USD,
                    ISV,
                    AccountRole.SELLER_PAYABLE,
                    ISV,
                    PARTNER,
                    "prod-a",
                    usd("1000.00"),
                    usd("0"),
                    usd("1000.00"),
                    usd("35.00"),
                    usd("0"),
                    usd("0")),
            new PayeeFigures(
                    JAN,
                    USD,
                    PARTNER,
                    AccountRole.PARTNER_PAYABLE,
                    ISV,
                    PARTNER,
                    "prod-a",
                    usd("80.00"),
                    usd("0"),
                    usd("80.00"),
                    usd("0"),
                    usd("0"),
                    usd("0")),
            new PayeeFigures(
                    FEB,
                    USD,
                    ISV,
                    AccountRole.SELLER_PAYABLE,
                    ISV,
                    PARTNER,
                    "prod-a",
                    usd("0"),
                    usd("100.00"),
                    usd("0"),
                    usd("0"),
                    usd("100.00"),
                    usd("3.50")));

    static final List<DisbursedMonth> DISBURSED =
            List.of(new DisbursedMonth(FEB, USD, ISV, AccountRole.SELLER_PAYABLE, usd("965.00")));

    @Test
    void rowsSumTheirFiguresAndDisbursementsLandOnTheirMonthOrPayeeButOnNoProduct() {
        var byMonth = Reconciliation.tables(FIGURES, DISBURSED, Grouping.MONTH).getFirst();
        assertThat(byMonth.rows()).extracting(Reconciliation.Row::key).containsExactly("2030-01", "2030-02");
        assertThat(byMonth.rows().get(0).payable()).isEqualTo(usd("1045.00"));
        assertThat(byMonth.rows().get(1).payable()).isEqualTo(usd("-1061.50"));
        assertThat(byMonth.total().payable()).isEqualTo(usd("-16.50"));

        var byProduct =
                Reconciliation.tables(FIGURES, DISBURSED, Grouping.PRODUCT).getFirst();
        assertThat(byProduct.rows()).extracting(Reconciliation.Row::key).containsExactly(Reconciliation.NONE, "prod-a");
        assertThat(byProduct.rows().get(0).disbursed()).isEqualTo(usd("965.00"));
        assertThat(byProduct.total()).isEqualTo(byMonth.total());

        var byPartner =
                Reconciliation.tables(FIGURES, DISBURSED, Grouping.PARTNER).getFirst();
        assertThat(byPartner.rows().get(1).key()).isEqualTo(PARTNER.toString());
        assertThat(byPartner.rows().get(1).billed()).isEqualTo(usd("1080.00"));
    }

    @Test
    void aPayableTiesOutWhenWhatCollectionsLeftLessDisbursementsIsItsLedgerBalance() {
        var checks = Reconciliation.checks(
                FIGURES,
                DISBURSED,
                account -> account.role() == AccountRole.SELLER_PAYABLE ? usd("-96.50") : usd("80.00"));
        assertThat(checks).hasSize(2);
        var isv = checks.getFirst();
        assertThat(isv.account()).isEqualTo(new LedgerAccount(ISV, AccountRole.SELLER_PAYABLE, USD));
        assertThat(isv.left()).isEqualTo(usd("868.50"));
        assertThat(isv.expected()).isEqualTo(usd("-96.50"));
        assertThat(isv.tiesOut()).isTrue();
        assertThat(checks.get(1).tiesOut()).isTrue();
        // A cent off in the ledger is a broken tie-out.
        assertThat(Reconciliation.checks(FIGURES, DISBURSED, account -> usd("80.01"))
                        .get(1)
                        .tiesOut())
                .isFalse();
    }
}
