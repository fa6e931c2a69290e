package io.offerdesk.invoicing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads RFC 4180 CSV back into records, strictly (CRLF record ends, quoted fields with doubled quotes), so tests check
 * an export as a spreadsheet or a script would read it rather than by looking at its text.
 */
public final class CsvRecords {

    private CsvRecords() {}

    /** Every record, the header first. */
    public static List<List<String>> parse(String text) {
        var records = new ArrayList<List<String>>();
        var record = new ArrayList<String>();
        var field = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '"' && field.isEmpty()) {
                i++;
                while (true) {
                    if (i >= text.length()) {
                        throw new IllegalArgumentException("unterminated quoted field");
                    }
                    char q = text.charAt(i++);
                    if (q == '"') {
                        if (i < text.length() && text.charAt(i) == '"') {
                            field.append('"');
                            i++;
                        } else {
                            break;
                        }
                    } else {
                        field.append(q);
                    }
                }
                if (i < text.length() && text.charAt(i) != ',' && text.charAt(i) != '\r') {
                    throw new IllegalArgumentException("text after a closing quote at " + i);
                }
            } else if (c == ',') {
                record.add(field.toString());
                field.setLength(0);
                i++;
            } else if (c == '\r') {
                if (i + 1 >= text.length() || text.charAt(i + 1) != '\n') {
                    throw new IllegalArgumentException("a record must end with CRLF at " + i);
                }
                record.add(field.toString());
                field.setLength(0);
                records.add(record);
                record = new ArrayList<>();
                i += 2;
            } else if (c == '\n' || c == '"') {
                throw new IllegalArgumentException("unquoted " + (c == '"' ? "quote" : "LF") + " at " + i);
            } else {
                field.append(c);
                i++;
            }
        }
        if (!field.isEmpty() || !record.isEmpty()) {
            throw new IllegalArgumentException("the last record does not end with CRLF");
        }
        return records;
    }

    /** The records after the header, each as a map from the header's column names to its fields. */
    public static List<Map<String, String>> rows(String text) {
        var records = parse(text);
        var header = records.getFirst();
        return records.stream()
                .skip(1)
                .map(r -> {
                    if (r.size() != header.size()) {
                        throw new IllegalArgumentException(
                                "a record has " + r.size() + " fields, the header " + header.size());
                    }
                    var row = new LinkedHashMap<String, String>();
                    for (int c = 0; c < header.size(); c++) {
                        row.put(header.get(c), r.get(c));
                    }
                    return (Map<String, String>) row;
                })
                .toList();
    }
}
