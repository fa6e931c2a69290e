package io.offerdesk.offers.internal.web;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** Reads form fields as typed; repeated rows are named like their DetailsDocument paths ({@code Schedule[2].ChargeDate}). */
final class FormValues {

    private FormValues() {}

    static String text(Map<String, String> params, String name) {
        var value = params.get(name);
        return value == null ? "" : value.strip();
    }

    static boolean checked(Map<String, String> params, String name) {
        return "true".equals(params.get(name)) || "on".equals(params.get(name));
    }

    /** The rows of {@code list} in index order; rows whose fields are all blank are dropped. */
    static List<Map<String, String>> rows(Map<String, String> params, String list) {
        var pattern = Pattern.compile(Pattern.quote(list) + "\\[(\\d{1,4})]\\.(\\w+)");
        var rows = new TreeMap<Integer, Map<String, String>>();
        params.forEach((name, value) -> {
            var matcher = pattern.matcher(name);
            if (matcher.matches()) {
                rows.computeIfAbsent(Integer.parseInt(matcher.group(1)), i -> new HashMap<>())
                        .put(matcher.group(2), value.strip());
            }
        });
        return rows.values().stream()
                .filter(row -> row.values().stream().anyMatch(v -> !v.isBlank()))
                .toList();
    }

    /** The values under {@code prefix.} (e.g. {@code grant.analysts}), by the rest of their name. */
    static Map<String, String> keyed(Map<String, String> params, String prefix) {
        var values = new TreeMap<String, String>();
        params.forEach((name, value) -> {
            if (name.startsWith(prefix + ".")) {
                values.put(name.substring(prefix.length() + 1), value.strip());
            }
        });
        return values;
    }

    /** Entries separated by commas, spaces or new lines, as people paste lists of accounts. */
    static List<String> list(String text) {
        return Arrays.stream(text.split("[\\s,;]+")).filter(s -> !s.isBlank()).toList();
    }

    static @Nullable Integer integer(String text) {
        try {
            return Integer.valueOf(text.strip());
        } catch (NumberFormatException notANumber) {
            return null;
        }
    }
}
