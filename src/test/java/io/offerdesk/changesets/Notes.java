package io.offerdesk.changesets;

import io.offerdesk.shared.NotFound;
import io.offerdesk.shared.Validations;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A test-only entity type, {@code Note@1.0}, that lets engine tests control timing: {@code HoldNote} blocks the worker
 * until the test releases it, {@code RejectNote} always breaks a rule. Its notes live in memory and are kept only when
 * the engine's transaction commits, like a real entity's rows.
 */
@Component
public class Notes implements ChangeHandler {

    record Note(UUID owner, String text, long revision) {}

    static final Map<String, Note> NOTES = new ConcurrentHashMap<>();
    private static final Map<String, CountDownLatch> HOLDS = new ConcurrentHashMap<>();

    public static CountDownLatch hold(String key) {
        return HOLDS.computeIfAbsent(key, k -> new CountDownLatch(1));
    }

    @Override
    public String entityType() {
        return "Note@1.0";
    }

    @Override
    public Set<String> changeTypes() {
        return Set.of("CreateNote", "UpdateNote", "HoldNote", "RejectNote");
    }

    @Override
    public Set<String> creatingChangeTypes() {
        return Set.of("CreateNote");
    }

    @Override
    public void checkShape(
            String changeType, tools.jackson.databind.JsonNode details, String path, Validations checks) {
        if (!changeType.equals("HoldNote") && !changeType.equals("RejectNote")) {
            checks.check(details.path("Text").isString(), path + ".Text", "validation.required");
        }
    }

    @Override
    public long revisionOf(UUID ownerPartyId, String entityId) {
        var note = NOTES.get(entityId);
        if (note == null || !note.owner().equals(ownerPartyId)) {
            throw new NotFound("note", entityId);
        }
        return note.revision();
    }

    @Override
    public ChangeSession open(ChangeSetContext context) {
        var pending = new HashMap<String, Note>();
        return new ChangeSession() {
            @Override
            public String apply(ResolvedChange change) {
                var id = change.entityId() == null ? "note-" + UUID.randomUUID() : change.entityId();
                var current = pending.containsKey(id) ? pending.get(id) : NOTES.get(id);
                switch (change.changeType()) {
                    case "CreateNote", "UpdateNote" ->
                        pending.put(
                                id,
                                new Note(
                                        context.ownerPartyId(),
                                        change.details().path("Text").asString(),
                                        current == null ? 0 : current.revision()));
                    case "HoldNote" -> {
                        try {
                            hold(change.details().path("Key").asString()).await(30, TimeUnit.SECONDS);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }
                    default -> throw new ChangeRejected("NOTE_REJECTED", "RejectNote always fails");
                }
                return id;
            }

            @Override
            public Map<String, Long> finish() {
                var revisions = new HashMap<String, Long>();
                var written = new HashMap<String, Note>();
                pending.forEach((id, note) -> {
                    var next = new Note(note.owner(), note.text(), note.revision() + 1);
                    written.put(id, next);
                    revisions.put(id, next.revision());
                });
                TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                    @Override
                    public void afterCommit() {
                        NOTES.putAll(written);
                    }
                });
                return revisions;
            }
        };
    }
}
