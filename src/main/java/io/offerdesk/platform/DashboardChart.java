package io.offerdesk.platform;

import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A chart on a user's home page. Modules contribute them as beans; each decides whether it has something to show
 * the signed-in user, and the platform draws them (Apache ECharts) in the order given.
 */
public interface DashboardChart {

    /** The chart for this user, or nothing when it does not concern them. */
    Optional<Chart> chartFor(OfferdeskPrincipal me);

    /** Position on the home page, low first. */
    int order();

    enum Kind {
        BAR,
        PIE,
        LINE
    }

    /** One value of a chart, under its label. */
    record Point(String label, long value) {}

    /**
     * What to draw.
     *
     * @param titleKey the message key of the title
     * @param kind bar, pie or line
     * @param labelPrefix when set, each label is a message key after this prefix (e.g. {@code partyKind.}); when
     *     absent, labels are shown as they are (dates, names)
     */
    record Chart(String titleKey, Kind kind, @Nullable String labelPrefix, List<Point> points) {

        public Chart {
            points = List.copyOf(points);
        }
    }
}
