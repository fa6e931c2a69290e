package io.offerdesk.changesets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.offerdesk.offers.OfferFixtures;
import io.offerdesk.platform.OfferdeskPrincipal;
import io.offerdesk.platform.PrincipalSource;
import io.offerdesk.shared.InvalidInput;
import io.offerdesk.shared.NotFound;
import io.offerdesk.support.EndToEndTest;
import io.offerdesk.support.TestApi;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tags and resource policies the Catalog API keeps on change sets and entities: only on the owner's resources (another
 * party's are not found), changed only by those who may start change sets, within AWS's limits; a change's entity
 * tags are put on its entity when, and only when, the change set is applied.
 */
@EndToEndTest
class ResourceMetadataTests {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    TestApi api;

    @Autowired
    ResourceMetadata metadata;

    @Autowired
    PrincipalSource principals;

    @Autowired
    ChangeSets changeSets;

    String offerId;
    String changeSetId;

    @BeforeEach
    void draftOffer() {
        var offers = new OfferFixtures(api);
        var done = offers.run(
                OfferFixtures.AUTHOR,
                List.of(OfferFixtures.change(
                        "CreateOffer", null, null, "{\"ProductId\":\"" + offers.productId("Acme Insights") + "\"}")));
        assertThat(done.at("/status").asString()).as(done.toString()).isEqualTo("SUCCEEDED");
        offerId = done.at("/changeSet/0/entity/identifier").asString().replaceAll("@.*", "");
        changeSetId = done.at("/changeSetId").asString();
    }

    @Test
    void theOwnerTagsAndUntagsItsOfferAndChangeSet() {
        var author = principal(OfferFixtures.AUTHOR);
        metadata.tag(author, "Offer", offerId, Map.of("team", "emea", "deal", "q4"));
        metadata.tag(author, "Offer", offerId, Map.of("team", "apac"));
        metadata.untag(author, "Offer", offerId, List.of("deal", "absent"));
        metadata.tag(author, ResourceMetadata.CHANGE_SET, changeSetId, Map.of("source", "test"));

        assertThat(metadata.tags(author, "Offer", offerId)).containsExactly(Map.entry("team", "apac"));
        assertThat(metadata.tags(author, ResourceMetadata.CHANGE_SET, changeSetId))
                .containsExactly(Map.entry("source", "test"));
    }

    @Test
    void anotherPartysResourceIsNotFoundAndTooManyOrTooLongTagsAreRefused() {
        var nimbus = principal(OfferFixtures.NIMBUS);
        assertThatThrownBy(() -> metadata.tags(nimbus, "Offer", offerId)).isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> metadata.tag(nimbus, ResourceMetadata.CHANGE_SET, changeSetId, Map.of("a", "b")))
                .isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> metadata.tags(principal(OfferFixtures.AUTHOR), "Product", offerId))
                .as("a type no change handler owns")
                .isInstanceOf(NotFound.class);

        var author = principal(OfferFixtures.AUTHOR);
        var tooMany = new HashMap<String, String>();
        for (int i = 0; i <= ResourceMetadata.TAGS_MAX; i++) {
            tooMany.put("k" + i, "v");
        }
        assertThatThrownBy(() -> metadata.tag(author, "Offer", offerId, tooMany))
                .isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> metadata.tag(author, "Offer", offerId, Map.of("k", "v".repeat(257))))
                .isInstanceOf(InvalidInput.class);
        assertThat(metadata.tags(author, "Offer", offerId))
                .as("nothing of a refused request")
                .isEmpty();
    }

    @Test
    void aPolicyIsAJsonObjectStoredForTheOwnerAndOnlyWritersChangeIt() {
        var author = principal(OfferFixtures.AUTHOR);
        assertThat(metadata.policy(author, "Offer", offerId)).isEmpty();
        metadata.putPolicy(author, "Offer", offerId, "{\"Version\":\"2012-10-17\"}");
        assertThat(metadata.policy(author, "Offer", offerId)).contains("{\"Version\":\"2012-10-17\"}");
        assertThatThrownBy(() -> metadata.putPolicy(author, "Offer", offerId, "[1]"))
                .isInstanceOf(InvalidInput.class);

        var finance = principal("finance@acme.example");
        assertThat(metadata.policy(finance, "Offer", offerId))
                .as("anyone in the party reads it")
                .isPresent();
        assertThatThrownBy(() -> metadata.deletePolicy(finance, "Offer", offerId))
                .isInstanceOf(AccessDeniedException.class);

        metadata.deletePolicy(author, "Offer", offerId);
        assertThat(metadata.policy(author, "Offer", offerId)).isEmpty();
        assertThatThrownBy(() -> metadata.deletePolicy(author, "Offer", offerId))
                .isInstanceOf(NotFound.class);
    }

    @Test
    void entityTagsOnAChangeTagItsEntityOnlyWhenTheChangeSetIsApplied() {
        var author = principal(OfferFixtures.AUTHOR);
        var product = new OfferFixtures(api).productId("Acme Insights");
        var create = new StartChangeSet.RequestedChange(
                "CreateOffer",
                "Offer@1.0",
                null,
                null,
                JSON.readTree("{\"ProductId\":\"" + product + "\"}"),
                Map.of("team", "emea", "deal", "q4"));

        var created = finished(author, new StartChangeSet(List.of(create), null, null, null));

        assertThat(created.status()).as(created.toString()).isEqualTo(ChangeSetStatus.SUCCEEDED);
        var newOffer =
                String.valueOf(created.changes().getFirst().entityIdentifier()).replaceAll("@.*", "");
        assertThat(metadata.tags(author, "Offer", newOffer))
                .containsExactly(Map.entry("deal", "q4"), Map.entry("team", "emea"));

        var rename = new StartChangeSet.RequestedChange(
                "UpdateInformation",
                "Offer@1.0",
                offerId,
                null,
                JSON.readTree("{\"Name\":\"Validated only\"}"),
                Map.of("team", "apac"));
        var validated = finished(author, new StartChangeSet(List.of(rename), null, null, Intent.VALIDATE));
        assertThat(validated.status()).isEqualTo(ChangeSetStatus.SUCCEEDED);
        assertThat(metadata.tags(author, "Offer", offerId))
                .as("a change set that is only validated keeps nothing, tags neither")
                .isEmpty();

        var tooLong = new StartChangeSet.RequestedChange(
                "UpdateInformation",
                "Offer@1.0",
                offerId,
                null,
                JSON.readTree("{\"Name\":\"Refused\"}"),
                Map.of("team", "v".repeat(ResourceMetadata.VALUE_MAX + 1)));
        assertThatThrownBy(() -> changeSets.start(author, new StartChangeSet(List.of(tooLong), null, null, null)))
                .isInstanceOf(InvalidInput.class)
                .satisfies(e -> assertThat(((InvalidInput) e).violations().toString())
                        .contains("changeSet[0].entityTags.value"));
    }

    private ChangeSet finished(OfferdeskPrincipal me, StartChangeSet request) {
        var started = changeSets.start(me, request);
        return changeSets.awaitFinal(me.partyId(), started.id(), ChangeSets.WAIT_MAX);
    }

    private OfferdeskPrincipal principal(String email) {
        return principals.findLogin(email).orElseThrow().principal();
    }
}
