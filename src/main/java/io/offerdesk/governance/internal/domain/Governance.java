package io.offerdesk.governance.internal.domain;

import io.offerdesk.governance.Experience;
import java.util.Comparator;
import java.util.List;

/**
 * Which experiences govern an account. Of the enabled experiences whose audience covers the account, those naming it
 * most specifically govern: the account itself, else its unit, else the nearest unit above, else the organization.
 * Several experiences at the same level govern together, and a product is allowed when any of them allows it.
 */
public final class Governance {

    private Governance() {}

    /** What governs an account: no experience (everything is allowed), or the most specific ones. */
    public record Governing(List<Experience> experiences) {

        public Governing {
            experiences = List.copyOf(experiences);
        }

        public boolean governed() {
            return !experiences.isEmpty();
        }

        /** An ungoverned account may buy anything; a governed one what one of its experiences allows. */
        public boolean allows(String productId) {
            return !governed() || experiences.stream().anyMatch(e -> e.allows(productId));
        }

        /** Whether a governed account's users may request products: when one of its experiences accepts requests. */
        public boolean acceptsRequests() {
            return governed() && experiences.stream().anyMatch(Experience::acceptsRequests);
        }
    }

    public static Governing of(AccountPlace place, List<Experience> experiences) {
        var best = Integer.MAX_VALUE;
        for (var experience : experiences) {
            var level = level(place, experience);
            if (level >= 0 && level < best) {
                best = level;
            }
        }
        var governing = best;
        return new Governing(experiences.stream()
                .filter(e -> level(place, e) == governing)
                .sorted(Comparator.comparing(Experience::id))
                .toList());
    }

    /** How specifically the enabled experience names the account; -1 when it does not govern it. */
    private static int level(AccountPlace place, Experience experience) {
        if (!experience.enabled()) {
            return -1;
        }
        return experience.principals().stream()
                .mapToInt(place::specificity)
                .filter(level -> level >= 0)
                .min()
                .orElse(-1);
    }
}
