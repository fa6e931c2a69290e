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
}
