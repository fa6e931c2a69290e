package io.offerdesk.platform;

import io.offerdesk.shared.Conflict;
import io.offerdesk.shared.InvalidInput;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * How pages submit forms: run the action and follow its redirect; if the action is rejected, go back to the form
 * with the violations ({@code violations}) or the conflict ({@code conflict}) and what the user typed ({@code typed})
 * as flash attributes, which the {@code fragments} templates show next to the fields.
 */
public final class FormSubmission {

    private FormSubmission() {}

    public static String attempt(RedirectAttributes redirect, String onRejected, Supplier<String> action) {
        return attempt(redirect, Map.of(), onRejected, action);
    }

    public static String attempt(
            RedirectAttributes redirect, Map<String, String> typed, String onRejected, Supplier<String> action) {
        try {
            return action.get();
        } catch (InvalidInput invalid) {
            redirect.addFlashAttribute("violations", invalid.violations());
        } catch (Conflict conflict) {
            redirect.addFlashAttribute("conflict", conflict);
        }
        if (!typed.isEmpty()) {
            redirect.addFlashAttribute("typed", typed);
        }
        return onRejected;
    }

    /**
     * The repeated rows of a form whose inputs are named like the request's field paths ({@code dimensions[2].key},
     * {@code Schedule[2].ChargeDate}), so that a violation's field names the input it belongs to: in index order,
     * values stripped, rows whose fields are all blank dropped.
     */
    public static java.util.List<Map<String, String>> rows(Map<String, String> params, String list) {
        var pattern = java.util.regex.Pattern.compile(java.util.regex.Pattern.quote(list) + "\\[(\\d{1,4})]\\.(\\w+)");
        var rows = new java.util.TreeMap<Integer, Map<String, String>>();
        params.forEach((name, value) -> {
            var matcher = pattern.matcher(name);
            if (matcher.matches()) {
                rows.computeIfAbsent(Integer.parseInt(matcher.group(1)), i -> new java.util.HashMap<>())
                        .put(matcher.group(2), value.strip());
            }
        });
        return rows.values().stream()
                .filter(row -> row.values().stream().anyMatch(v -> !v.isBlank()))
                .toList();
    }
}
