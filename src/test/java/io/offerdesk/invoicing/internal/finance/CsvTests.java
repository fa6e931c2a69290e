package io.offerdesk.invoicing.internal.finance;

import static org.assertj.core.api.Assertions.assertThat;

import io.offerdesk.invoicing.CsvRecords;
import java.io.StringWriter;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvTests {

    @Test
    void writesPlainFieldsAsTheyAreAndEndsEveryRecordWithCrlf() {
        var out = new StringWriter();

        new Csv(out).row(List.of("invoice_id", "total")).row(List.of("inv-1", "1000.00"));

        assertThat(out).hasToString("invoice_id,total\r\ninv-1,1000.00\r\n");
    }

    @Test
    void quotesFieldsWithCommasQuotesAndLineBreaksAndDoublesTheQuotes() {
        assertThat(Csv.field("Acme, Inc.")).isEqualTo("\"Acme, Inc.\"");
        assertThat(Csv.field("the \"best\" plan")).isEqualTo("\"the \"\"best\"\" plan\"");
        assertThat(Csv.field("two\nlines")).isEqualTo("\"two\nlines\"");
        assertThat(Csv.field("cr\rhere")).isEqualTo("\"cr\rhere\"");
        assertThat(Csv.field("环球公司")).isEqualTo("环球公司");
    }

    @Test
    void writesAnAbsentValueAsAnEmptyField() {
        var out = new StringWriter();

        new Csv(out).row(Arrays.asList("a", null, "c"));

        assertThat(out).hasToString("a,,c\r\n");
    }

    @Test
    void defusesTextASpreadsheetWouldRunAsAFormulaButKeepsNegativeAmounts() {
        assertThat(Csv.field("=HYPERLINK(\"http://evil\")")).isEqualTo("\"'=HYPERLINK(\"\"http://evil\"\")\"");
        assertThat(Csv.field("+1 call me")).isEqualTo("'+1 call me");
        assertThat(Csv.field("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(Csv.field("-10.00")).isEqualTo("-10.00");
        assertThat(Csv.field("-5")).isEqualTo("-5");
        assertThat(Csv.field("-")).isEqualTo("'-");
    }

    @Test
    void whatItWritesReadsBackFieldForField() {
        var fields = List.of("PO \"7\", rev. 2", "multi\r\nline", "", "plain", "=1+1", "-3.50");
        var out = new StringWriter();

        new Csv(out).row(fields).row(List.of("x", "y", "z", "1", "2", "3"));

        assertThat(CsvRecords.parse(out.toString()))
                .containsExactly(
                        List.of("PO \"7\", rev. 2", "multi\r\nline", "", "plain", "'=1+1", "-3.50"),
                        List.of("x", "y", "z", "1", "2", "3"));
    }
}
