package io.offerdesk.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.offerdesk.support.CsvRecords;
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
        var out = new StringWriter();

        new Csv(out).row(List.of("Acme, Inc.", "the \"best\" plan", "two\nlines", "环球公司"));

        assertThat(out).hasToString("\"Acme, Inc.\",\"the \"\"best\"\" plan\",\"two\nlines\",环球公司\r\n");
    }

    @Test
    void writesAnAbsentValueAsAnEmptyField() {
        var out = new StringWriter();

        new Csv(out).row(Arrays.asList("a", null, "c"));

        assertThat(out).hasToString("a,,c\r\n");
    }

    @Test
    void defusesTextASpreadsheetWouldRunAsAFormulaButKeepsNegativeAmounts() {
        var out = new StringWriter();

        new Csv(out).row(List.of("=HYPERLINK(\"http://evil\")", "+1 call me", "@SUM(A1)", "-10.00", "-5", "-"));

        assertThat(CsvRecords.parse(out.toString()))
                .containsExactly(
                        List.of("'=HYPERLINK(\"http://evil\")", "'+1 call me", "'@SUM(A1)", "-10.00", "-5", "'-"));
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
