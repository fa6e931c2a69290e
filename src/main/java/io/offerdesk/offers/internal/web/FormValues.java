package io.offerdesk.offers.internal.web;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
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
