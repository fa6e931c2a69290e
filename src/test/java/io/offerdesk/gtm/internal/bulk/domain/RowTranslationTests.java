package io.offerdesk.gtm.internal.bulk.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class RowTranslationTests {

    @Test
    void aRowBecomesTheChangesOfOneOfferWithTheCellsAsWritten() {
        var translated = RowTranslation.translate(
                Map.of(
                        BulkColumn.PRODUCT_ID, "prod-abc",
                        BulkColumn.OFFER_NAME, "Deal",
                        BulkColumn.BUYER_ACCOUNTS, "400000000001; 400000000002",
                        BulkColumn.EXPIRY_DATE, "2027-01-31",
                        BulkColumn.DURATION, "P12M",
                        BulkColumn.CONTRACT_PRICE, "0.00",
                        BulkColumn.GRANTS, "analysts=10",
                        BulkColumn.PAYMENT_SCHEDULE, "2027-02-01=500.00;2027-08-01=500.00"),
                "1.0");

        assertThat(translated.errors()).isEmpty();
        assertThat(translated.changes())
                .extracting(c -> c.change().changeType())
                .containsExactly(
                        "CreateOffer",
                        "UpdateInformation",
                        "UpdateTargeting",
                        "UpdatePricingTerms",
                        "UpdateValidityTerms",
                        "UpdatePaymentScheduleTerms",
                        "UpdateLegalTerms",
                        "UpdateAvailability");
        var details = translated.changes().stream()
                .map(c -> String.valueOf(c.change().details()))
                .toList();
        assertThat(details.get(2)).contains("[\"400000000001\",\"400000000002\"]");
        assertThat(details.get(3)).contains("\"MaxQuantity\":10").contains("\"Price\":\"0.00\"");
        assertThat(details.get(5)).contains("{\"ChargeDate\":\"2027-08-01\",\"ChargeAmount\":\"500.00\"}");
        assertThat(details.get(6)).contains("\"StandardEula\"").contains("\"Version\":\"1.0\"");
        assertThat(translated.changes().get(3).columns()).contains(BulkColumn.GRANTS);
    }

    @Test
    void emptyCellsAreLeftForTheEngineToNameAndOnlyUnreadableListsAreErrorsHere() {
        var empty = RowTranslation.translate(Map.of(), "1.0");
        assertThat(empty.errors()).isEmpty();
        assertThat(String.valueOf(empty.changes().getFirst().change().details()))
                .isEqualTo("{}");

        var unreadable = RowTranslation.translate(
                Map.of(BulkColumn.PRODUCT_ID, "prod-abc", BulkColumn.GRANTS, "analysts"), "1.0");
        assertThat(unreadable.changes()).isEmpty();
        assertThat(unreadable.errors()).singleElement().satisfies(e -> {
            assertThat(e.column()).isEqualTo("grants");
            assertThat(e.code()).isEqualTo("bulk.cell.pair");
        });
    }

    @Test
    void aCustomEulaNamesTheUploadedDocumentAndUsagePricesBecomeARateCard() {
        var translated = RowTranslation.translate(
                Map.of(
                        BulkColumn.EULA, "0b7c1f2e-1111-4222-8333-444455556666",
                        BulkColumn.PRICING_MODEL, "Usage",
                        BulkColumn.DIMENSION_PRICES, "requests=0.01"),
                "1.0");
        var details = translated.changes().stream()
                .map(c -> String.valueOf(c.change().details()))
                .toList();
        assertThat(details)
                .anyMatch(d -> d.contains("\"UsageBasedPricingTerm\"") && d.contains("\"Price\":\"0.01\""))
                .anyMatch(d -> d.contains("/api/v1/eula-documents/0b7c1f2e-1111-4222-8333-444455556666"));
    }
}
