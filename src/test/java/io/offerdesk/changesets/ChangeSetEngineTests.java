package io.offerdesk.changesets;

import static org.assertj.core.api.Assertions.assertThat;

import io.offerdesk.platform.DueWork;
import io.offerdesk.support.EndToEndTest;
import io.offerdesk.support.TestApi;
import io.offerdesk.support.TestApi.Reply;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The engine's own rules, on the test-only {@code Note@1.0} entity ({@link Notes}), which can hold a worker and
 * always-failing changes; offer rules are tested with the offers.
 */
@EndToEndTest
class ChangeSetEngineTests {

    static final String AUTHOR = "author@acme.example";
    static final String NIMBUS = "admin@nimbus.example";
    static final String BUYER = "procurement@globex.example";

    @Autowired
    TestApi api;

    @Autowired
    List<DueWork> dueWork;

    @Autowired
    Clock clock;

    static String change(String type, @Nullable String identifier, @Nullable String name, String details) {
        return """
                {"changeType":"%s","entity":{"type":"Note@1.0"%s}%s,"detailsDocument":%s}""".formatted(
                        type,
                        identifier == null ? "" : ",\"identifier\":\"" + identifier + "\"",
                        name == null ? "" : ",\"changeName\":\"" + name + "\"",
                        details);
    }

    static String set(String... changes) {
        return "{\"changeSet\":[" + String.join(",", changes) + "]}";
    }

    Reply start(String email, String body) {
        return api.post("/api/v1/change-sets", email, body);
    }

    JsonNode finished(String email, Reply started) {
        return api.finishedChangeSet(email, started);
    }

    String createNote(String email, String text) {
        var done = finished(email, start(email, set(change("CreateNote", null, null, "{\"Text\":\"" + text + "\"}"))));
        assertThat(done.at("/status").asString()).isEqualTo("SUCCEEDED");
        return done.at("/changeSet/0/entity/identifier").asString().replaceAll("@.*", "");
    }

    @Test
    void appliesChangesInReferenceOrderAndRecordsEachEntityRevision() {
        var text = "ordered " + UUID.randomUUID();
        var started = start(
                AUTHOR,
                set(
                        change(
                                "UpdateNote",
                                "$CreateNoteChange.Entity.Identifier",
                                null,
                                "{\"Text\":\"" + text + "\"}"),
                        change("CreateNote", null, "CreateNoteChange", "{\"Text\":\"draft\"}")));
        assertThat(started.json().at("/status").asString()).isEqualTo("PREPARING");
        assertThat(started.json().at("/changeSetId").asString()).matches("[a-z0-9]{25}");
        assertThat(started.json().at("/changeSetName").asString()).isEqualTo("Submitted by 200000000001");
        assertThat(started.json().at("/changeSetArn").asString())
                .startsWith("arn:aws:aws-marketplace:us-east-1:200000000001:AWSMarketplace/ChangeSet/");
        var done = finished(AUTHOR, started);

        assertThat(done.at("/status").asString()).isEqualTo("SUCCEEDED");
        assertThat(done.at("/endTime").isNull()).isFalse();
        var id = done.at("/changeSet/1/entity/identifier").asString();
        assertThat(id).matches("note-.*@1");
        assertThat(done.at("/changeSet/0/entity/identifier").asString()).isEqualTo(id);
        assertThat(Notes.NOTES.get(id.replace("@1", "")))
                .extracting(Notes.Note::text)
                .isEqualTo(text);
    }

    @Test
    void aLongPollAnswersOnceTheChangeSetIsFinal() {
        var started = start(AUTHOR, set(change("CreateNote", null, null, "{\"Text\":\"long poll\"}")));
        var id = started.json().at("/changeSetId").asString();
        var waited = api.get("/api/v1/change-sets/" + id + "?waitSeconds=20", AUTHOR);
        assertThat(waited.status()).isEqualTo(200);
        assertThat(waited.json().at("/status").asString()).isEqualTo("SUCCEEDED");
        assertThat(api.get("/api/v1/change-sets/" + id + "?waitSeconds=21", AUTHOR)
                        .status())
                .isEqualTo(422);
        assertThat(api.get("/api/v1/change-sets/" + id + "?waitSeconds=5", NIMBUS)
                        .status())
                .isEqualTo(404);
    }

    @Test
    void keepsNothingWhenOneChangeIsRejectedAndReportsItsErrors() {
        var note = createNote(AUTHOR, "kept");
        var text = "never kept " + UUID.randomUUID();
        var done = finished(
                AUTHOR,
                start(
                        AUTHOR,
                        set(
                                change("CreateNote", null, null, "{\"Text\":\"" + text + "\"}"),
                                change("RejectNote", note, null, "{}"))));

        assertThat(done.at("/status").asString()).isEqualTo("FAILED");
        assertThat(done.at("/failureCode").asString()).isEqualTo("CLIENT_ERROR");
        assertThat(done.at("/changeSet/0/errorDetailList")).isEmpty();
        assertThat(done.at("/changeSet/1/errorDetailList/0/code").asString()).isEqualTo("NOTE_REJECTED");
        assertThat(Notes.NOTES.values()).noneMatch(n -> n.text().equals(text));
        assertThat(Notes.NOTES.get(note)).extracting(Notes.Note::revision).isEqualTo(1L);
    }

    @Test
    void aValidationOnlyChangeSetSucceedsAndKeepsNothing() {
        var text = "validated " + UUID.randomUUID();
        var done = finished(
                AUTHOR,
                start(
                        AUTHOR,
                        "{\"intent\":\"VALIDATE\",\"changeSet\":["
                                + change("CreateNote", null, null, "{\"Text\":\"" + text + "\"}") + "]}"));

        assertThat(done.at("/status").asString()).isEqualTo("SUCCEEDED");
        assertThat(done.at("/intent").asString()).isEqualTo("VALIDATE");
        assertThat(Notes.NOTES.values()).noneMatch(n -> n.text().equals(text));
    }

    @Test
    void refusesMalformedRequestsAtOnceNamingTheField() {
        var missingText = start(AUTHOR, set(change("CreateNote", null, null, "{}")));
        assertThat(missingText.status()).isEqualTo(422);
        assertThat(missingText.json().at("/errors/0/field").asString()).isEqualTo("changeSet[0].detailsDocument.Text");

        var unknownReference =
                start(AUTHOR, set(change("UpdateNote", "$Missing.Entity.Identifier", null, "{\"Text\":\"x\"}")));
        assertThat(unknownReference.status()).isEqualTo(422);
        assertThat(unknownReference.json().at("/errors/0/field").asString()).isEqualTo("changeSet[0]");

        var identifierOnCreate = start(AUTHOR, set(change("CreateNote", "note-1", null, "{\"Text\":\"x\"}")));
        assertThat(identifierOnCreate.json().at("/errors/0/field").asString())
                .isEqualTo("changeSet[0].entity.identifier");

        var unknownType = start(AUTHOR, set(change("PaintNote", "note-1", null, "{}")));
        assertThat(unknownType.json().at("/errors/0/field").asString()).isEqualTo("changeSet[0].changeType");

        var tooMany = new ArrayList<String>();
        for (int i = 0; i < 21; i++) {
            tooMany.add(change("CreateNote", null, null, "{\"Text\":\"x\"}"));
        }
        var overLimit = start(AUTHOR, set(tooMany.toArray(String[]::new)));
        assertThat(overLimit.status()).isEqualTo(422);
        assertThat(overLimit.json().at("/errors/0/field").asString()).isEqualTo("changeSet");

        assertThat(start(AUTHOR, "{\"changeSet\":[]}").status()).isEqualTo(422);
    }

    @Test
    void anotherPartysEntityIsNotFoundAndAStaleRevisionIsRefused() {
        var note = createNote(AUTHOR, "mine");
        assertThat(start(NIMBUS, set(change("UpdateNote", note, null, "{\"Text\":\"theirs\"}")))
                        .status())
                .isEqualTo(404);
        assertThat(start(AUTHOR, set(change("UpdateNote", "note-missing", null, "{\"Text\":\"x\"}")))
                        .status())
                .isEqualTo(404);
        assertThat(start(BUYER, set(change("CreateNote", null, null, "{\"Text\":\"x\"}")))
                        .status())
                .isEqualTo(403);

        var stale = start(AUTHOR, set(change("UpdateNote", note + "@7", null, "{\"Text\":\"x\"}")));
        assertThat(stale.status()).isEqualTo(422);
        assertThat(stale.json().at("/errors/0/field").asString()).isEqualTo("changeSet[0].entity.identifier");
        assertThat(stale.json().at("/errors/0/message").asString()).contains("1");
        var current = finished(AUTHOR, start(AUTHOR, set(change("UpdateNote", note + "@1", null, "{\"Text\":\"y\"}"))));
        assertThat(current.at("/changeSet/0/entity/identifier").asString()).isEqualTo(note + "@2");

        var someoneElses = finished(AUTHOR, start(AUTHOR, set(change("CreateNote", null, null, "{\"Text\":\"z\"}"))));
        assertThat(api.get(
                                "/api/v1/change-sets/"
                                        + someoneElses.at("/changeSetId").asString(),
                                NIMBUS)
                        .status())
                .isEqualTo(404);
    }

    @Test
    void locksEntitiesWhileApplyingAndCancelsOnlyWhilePreparing() {
        var note = createNote(AUTHOR, "locked");
        var key = UUID.randomUUID().toString();
        var held = start(AUTHOR, set(change("HoldNote", note, null, "{\"Key\":\"" + key + "\"}")));
        assertThat(held.status()).isEqualTo(202);
        try {
            var second = start(AUTHOR, set(change("UpdateNote", note, null, "{\"Text\":\"second\"}")));
            assertThat(second.status()).isEqualTo(423);
            assertThat(second.json().at("/entityId").asString()).isEqualTo(note);

            awaitStatus(held.json().at("/changeSetId").asString(), "APPLYING");
            var cancelApplying = api.post(
                    "/api/v1/change-sets/" + held.json().at("/changeSetId").asString() + "/cancel", AUTHOR, "");
            assertThat(cancelApplying.status()).isEqualTo(409);
        } finally {
            Notes.hold(key).countDown();
        }
        assertThat(finished(AUTHOR, held).at("/status").asString()).isEqualTo("SUCCEEDED");
        assertThat(start(AUTHOR, set(change("UpdateNote", note, null, "{\"Text\":\"after\"}")))
                        .status())
                .isEqualTo(202);
    }

    @Test
    void cancelsAPreparingChangeSetAndEnforcesTheOpenQuota() {
        var key = UUID.randomUUID().toString();
        var open = new ArrayList<String>();
        try {
            // Every worker is held, so further change sets stay PREPARING.
            for (int i = 0; i < 250; i++) {
                var note = createNoteLater(key);
                assertThat(note.status()).as(note.body()).isEqualTo(202);
                open.add(note.json().at("/changeSetId").asString());
            }
            var overQuota = start(AUTHOR, set(change("CreateNote", null, null, "{\"Text\":\"one too many\"}")));
            assertThat(overQuota.status()).isEqualTo(402);

            var last = open.getLast();
            var cancelled = api.post("/api/v1/change-sets/" + last + "/cancel", AUTHOR, "");
            assertThat(cancelled.status()).isEqualTo(200);
            assertThat(cancelled.json().at("/status").asString()).isEqualTo("CANCELLED");
            var roomAgain = start(AUTHOR, set(change("CreateNote", null, null, "{\"Text\":\"room again\"}")));
            assertThat(roomAgain.status()).isEqualTo(202);
            open.set(open.size() - 1, roomAgain.json().at("/changeSetId").asString());
        } finally {
            Notes.hold(key).countDown();
        }
        // The author's quota is full until the released change sets finish: the class's other tests need room.
        open.forEach(id -> awaitStatus(id, "SUCCEEDED"));
    }

    Reply createNoteLater(String key) {
        return start(
                AUTHOR,
                set(
                        change("CreateNote", null, "N", "{\"Text\":\"held\"}"),
                        change("HoldNote", "$N.Entity.Identifier", null, "{\"Key\":\"" + key + "\"}")));
    }

    @Test
    void oneClientRequestTokenMakesOneChangeSetEvenUnderConcurrency() throws Exception {
        var token = "token-" + UUID.randomUUID();
        var body = "{\"clientRequestToken\":\"" + token + "\",\"changeSet\":["
                + change("CreateNote", null, null, "{\"Text\":\"" + token + "\"}") + "]}";
        List<Callable<Reply>> calls = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            calls.add(() -> start(AUTHOR, body));
        }
        try (var pool = Executors.newFixedThreadPool(50)) {
            var ids = pool.invokeAll(calls).stream()
                    .map(f -> {
                        try {
                            var reply = f.get();
                            assertThat(reply.status()).as(reply.body()).isEqualTo(202);
                            return reply.json().at("/changeSetId").asString();
                        } catch (Exception e) {
                            throw new AssertionError(e);
                        }
                    })
                    .distinct()
                    .toList();
            assertThat(ids).hasSize(1);
        }
        var different = start(
                AUTHOR,
                "{\"clientRequestToken\":\"" + token + "\",\"changeSet\":["
                        + change("CreateNote", null, null, "{\"Text\":\"other\"}") + "]}");
        assertThat(different.status()).isEqualTo(422);
        assertThat(different.json().at("/errors/0/field").asString()).isEqualTo("clientRequestToken");
    }

    @Test
    void listsFiltersAndForgetsFinishedChangeSetsAfterTheRetention() {
        var note = createNote(AUTHOR, "listed");
        var byEntity = api.get("/api/v1/change-sets?entityId=" + note + "&status=SUCCEEDED", AUTHOR);
        assertThat(byEntity.status()).isEqualTo(200);
        assertThat(byEntity.json().at("/changeSets")).hasSize(1);
        var paged = api.get("/api/v1/change-sets?maxResults=1", AUTHOR);
        assertThat(paged.json().at("/changeSets")).hasSize(1);
        assertThat(paged.json().at("/nextToken").asString()).isNotBlank();
        assertThat(api.get("/api/v1/change-sets?maxResults=21", AUTHOR).status())
                .isEqualTo(422);

        var id = byEntity.json().at("/changeSets/0/changeSetId").asString();
        dueWork.stream()
                .filter(w -> w.getClass().getSimpleName().equals("ChangeSetRetention"))
                .findFirst()
                .orElseThrow()
                .runDue(clock.instant().plus(Duration.ofDays(91)));
        assertThat(api.get("/api/v1/change-sets/" + id, AUTHOR).status()).isEqualTo(404);
    }

    void awaitStatus(String id, String status) {
        for (int i = 0; i < 400; i++) {
            if (api.get("/api/v1/change-sets/" + id, AUTHOR)
                    .json()
                    .at("/status")
                    .asString()
                    .equals(status)) {
                return;
            }
            sleep(25);
        }
        throw new AssertionError(id + " never reached " + status);
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
