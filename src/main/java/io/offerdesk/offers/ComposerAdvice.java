package io.offerdesk.offers;

import io.offerdesk.platform.OfferdeskPrincipal;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Advice for the author while composing a draft, from a module that keeps the party's rules about its offers (the GTM
 * module's deal strategy). Offers cannot depend on that module, so it provides beans of this type and the offer
 * composer shows each one's panel next to every step, drawn from the draft as it is saved. Without such beans the
 * composer shows none.
 */
public interface ComposerAdvice {

    /**
     * The panel for this draft, in the user's language; empty when there is nothing to say.
     *
     * @param me the author composing the draft
     * @param draft the offer as its last save left it
     */
    Optional<Panel> panel(OfferdeskPrincipal me, Offer draft, Locale locale);

    /**
     * One panel of advice.
     *
     * @param id the panel's element id, for links and tests
     * @param title its heading
     */
    record Panel(String id, String title, List<Line> lines) {

        public Panel {
            lines = List.copyOf(lines);
        }
    }

    /**
     * One line of a panel, optionally linking somewhere (a template to start from, say).
     *
     * @param warning the line asks the author to reconsider something
     */
    record Line(
            String text,
            boolean warning,
            @Nullable String href,
            @Nullable String linkText) {

        public static Line info(String text) {
            return new Line(text, false, null, null);
        }

        public static Line warning(String text) {
            return new Line(text, true, null, null);
        }
    }
}
