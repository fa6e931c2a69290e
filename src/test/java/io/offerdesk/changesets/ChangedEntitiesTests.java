package io.offerdesk.changesets;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChangedEntitiesTests {

    @Test
    void keepsTheStateBeforeTheFirstChangeTheLatestStateAndEveryChangeTypeInOrder() {
        var changed = new ChangedEntities<String, String>();
        changed.record("a", "a0", "a1", "UpdateInformation");
        changed.record("b", null, "b1", "CreateOffer");
        changed.record("a", "a1", "a2", "ReleaseOffer");

        assertThat(changed.latest("a")).isEqualTo("a2");
        assertThat(changed.latest("c")).isNull();
        var seen = new ArrayList<String>();
        changed.forEach((id, before, latest, types) -> seen.add(id + ":" + before + "->" + latest + " " + types));
        assertThat(seen)
                .containsExactly(
                        "a:a0->a2 " + List.of("UpdateInformation", "ReleaseOffer"), "b:null->b1 [CreateOffer]");
    }
}
