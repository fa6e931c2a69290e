package io.offerdesk.changesets;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The entities a {@link ChangeSession} changed, held until it finishes: each one's latest state, its state before the
 * change set (absent for one the change set created), and the change types applied to it, in the order they came.
 *
 * @param <K> the entity's id
 * @param <E> the entity
 */
public final class ChangedEntities<K, E> {

    /** One changed entity, as {@link ChangeSession#finish} stores it. */
    @FunctionalInterface
    public interface Visitor<K, E> {
        void visit(K id, @Nullable E before, E latest, List<String> changeTypes);
    }

    private final Map<K, E> latest = new LinkedHashMap<>();
    private final Map<K, @Nullable E> before = new HashMap<>();
    private final Map<K, List<String>> applied = new HashMap<>();

    /** Records what a change made of an entity; the entity's first change also records what it was before. */
    public void record(K id, @Nullable E previous, E next, String changeType) {
        if (!latest.containsKey(id)) {
            before.put(id, previous);
        }
        latest.put(id, next);
        applied.computeIfAbsent(id, key -> new ArrayList<>()).add(changeType);
    }

    /** The entity as the change set has made it so far; absent when the change set has not changed it. */
    public @Nullable E latest(K id) {
        return latest.get(id);
    }

    /** Every changed entity, in the order the change set first changed them. */
    public void forEach(Visitor<K, E> visitor) {
        latest.forEach((id, entity) -> visitor.visit(id, before.get(id), entity, List.copyOf(applied.get(id))));
    }
}
