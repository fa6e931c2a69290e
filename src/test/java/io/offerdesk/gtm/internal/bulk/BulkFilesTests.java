package io.offerdesk.gtm.internal.bulk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.offerdesk.gtm.internal.bulk.domain.BulkColumn;
import io.offerdesk.shared.InvalidInput;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class BulkFilesTests {

    @Test
    void theTemplateReadsBackAsOneRowInBothFormats() {
        for (var format : BulkFiles.Format.values()) {
            var file = BulkFiles.read(BulkFiles.template(format), 10);
            assertThat(file.format()).isEqualTo(format);
            assertThat(file.rows()).singleElement().satisfies(row -> {
                assertThat(row.number()).isEqualTo(2);
                assertThat(row.cells()).containsEntry(BulkColumn.DURATION, "P12M");
            });
        }
    }

    @Test
    void aCsvWithABomBlankRowsAndColumnsInAnyOrderIsRead() {
        var csv = "\uFEFFoffer_name,product_id,buyer_accounts,expiry_date,duration\r\nA,prod-a,1,2027-01-01,P1M\r\n"
                + ",,,,\r\nB,prod-b,2,2027-01-01,P1M\r\n";
        var file = BulkFiles.read(csv.getBytes(StandardCharsets.UTF_8), 10);
        assertThat(file.rows()).extracting(BulkFiles.FileRow::number).containsExactly(2, 4);
        assertThat(file.rows().get(1).cells()).containsEntry(BulkColumn.PRODUCT_ID, "prod-b");
    }

    @Test
    void wrongColumnsTooManyRowsAndOtherFormatsAreRefusedNamingTheFile() {
        assertThatThrownBy(() -> BulkFiles.read("product_id,colour\r\nx,y\r\n".getBytes(StandardCharsets.UTF_8), 10))
                .isInstanceOfSatisfying(
                        InvalidInput.class,
                        e -> assertThat(e.violations())
                                .extracting(v -> v.code() + " " + v.arguments())
                                .contains("bulk.file.unknownColumn [colour]", "bulk.file.missingColumn [offer_name]"));
        var header = String.join(",", BulkColumn.headers());
        var rows = header + "\r\n" + "a\r\n".repeat(3);
        assertThatThrownBy(() -> BulkFiles.read(rows.getBytes(StandardCharsets.UTF_8), 2))
                .isInstanceOfSatisfying(
                        InvalidInput.class,
                        e -> assertThat(e.violations().getFirst().code()).isEqualTo("bulk.file.tooManyRows"));
        assertThatThrownBy(() -> BulkFiles.read(new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1}, 10))
                .isInstanceOfSatisfying(
                        InvalidInput.class,
                        e -> assertThat(e.violations().getFirst().field()).isEqualTo("file"));
    }
}
