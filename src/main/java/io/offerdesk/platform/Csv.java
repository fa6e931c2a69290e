package io.offerdesk.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.jspecify.annotations.Nullable;

/**
 * A CSV export as RFC 4180 has it (Apache Commons CSV: CRLF after every record, a field quoted when it must be), for
 * every module's downloads.
 *
 * <p>A text field that a spreadsheet would run as a formula (it starts with {@code = + - @}, a tab or CR) gets a
 * leading apostrophe: purchase-order references and descriptions come from users, and an export must not execute
 * what someone typed (OWASP "CSV injection"). Numbers, negative amounts too, are written as they are.
 */
public final class Csv {

    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");
    private static final String FORMULA_STARTS = "=+-@\t\r";

    private final CSVPrinter printer;

    public Csv(Writer out) {
        try {
            this.printer = new CSVPrinter(out, CSVFormat.RFC4180);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes one record; an absent value is an empty field. */
    public Csv row(List<? extends @Nullable Object> fields) {
        try {
            printer.printRecord(fields.stream().map(Csv::defused));
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static @Nullable String defused(@Nullable Object value) {
        if (value == null) {
            return null;
        }
        var text = value.toString();
        if (text.isEmpty()
                || FORMULA_STARTS.indexOf(text.charAt(0)) < 0
                || NUMBER.matcher(text).matches()) {
            return text;
        }
        return "'" + text;
    }
}
