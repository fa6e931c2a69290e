package io.offerdesk.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads CSV back into records, so tests check an export as a spreadsheet or a script would read it rather than by
 * looking at its text.
 */
public final class CsvRecords {

    private CsvRecords() {}

    /** Every record, the header first, read by Apache Commons CSV as RFC 4180 has them. */
    public static List<List<String>> parse(String text) {
        try (var parser = CSVParser.parse(text, CSVFormat.RFC4180)) {
            return parser.stream().map(CSVRecord::toList).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
