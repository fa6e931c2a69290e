package io.offerdesk.invoicing.internal.finance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Writes comma-separated values as RFC 4180 has them: CRLF after every record, a field in double quotes when it holds
 * a comma, a quote, CR or LF, and quotes inside doubled. No CSV library is on the classpath, and this is all the
 * exports need.
 *
 * <p>A text field that a spreadsheet would run as a formula (it starts with {@code = + - @}, a tab or CR) gets a
 * leading apostrophe: purchase-order references and descriptions come from users, and an export must not execute
 * what someone typed (OWASP "CSV injection"). Numbers, negative amounts too, are written as they are.
 */
public final class Csv {

    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");
    private static final String FORMULA_STARTS = "=+-@\t\r";

    private final Writer out;

    public Csv(Writer out) {
        this.out = out;
    }

    /** Writes one record; an absent value is an empty field. */
    public Csv row(List<? extends @Nullable Object> fields) {
        try {
            for (int i = 0; i < fields.size(); i++) {
                if (i > 0) {
                    out.write(',');
                }
                out.write(field(fields.get(i)));
            }
            out.write("\r\n");
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One field as it goes into a record: defused, then quoted when it has to be. */
    static String field(@Nullable Object value) {
        if (value == null) {
            return "";
        }
        var text = defused(value.toString());
        if (text.indexOf(',') < 0 && text.indexOf('"') < 0 && text.indexOf('\r') < 0 && text.indexOf('\n') < 0) {
            return text;
        }
        return '"' + text.replace("\"", "\"\"") + '"';
    }

    private static String defused(String text) {
        if (text.isEmpty()
                || FORMULA_STARTS.indexOf(text.charAt(0)) < 0
                || NUMBER.matcher(text).matches()) {
            return text;
        }
        return "'" + text;
    }
}
