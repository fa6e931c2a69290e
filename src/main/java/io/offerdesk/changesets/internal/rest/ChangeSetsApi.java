package io.offerdesk.changesets.internal.rest;

import io.offerdesk.changesets.ChangeError;
import io.offerdesk.changesets.ChangeSet;
import io.offerdesk.changesets.ChangeSetFilter;
import io.offerdesk.changesets.ChangeSetStatus;
import io.offerdesk.changesets.ChangeSets;
import io.offerdesk.changesets.Intent;
import io.offerdesk.changesets.StartChangeSet;
import io.offerdesk.platform.OfferdeskPrincipal;
import io.offerdesk.shared.InvalidInput;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * Change sets, the one write path for offers and other catalog entities. Starting one answers 202 with the change set
 * in {@code PREPARING}; poll it until it is {@code SUCCEEDED}, {@code FAILED} or {@code CANCELLED}.
 */
@RestController
@RequestMapping("/api/v1/change-sets")
@Tag(name = "Change sets", description = "Asynchronous, all-or-nothing changes to offers and other catalog entities")
class ChangeSetsApi {

    /** The request body, in the shape of AWS StartChangeSet with camelCase envelope members. */
    record StartRequest(
            @Nullable List<ChangeRequest> changeSet,
            @Nullable String changeSetName,
            @Nullable String clientRequestToken,
            @Nullable Intent intent) {}

    record ChangeRequest(
            @Nullable String changeType,
            @Nullable EntityJson entity,
            @Nullable String changeName,
            @Nullable JsonNode detailsDocument) {}

    record EntityJson(@Nullable String type, @Nullable String identifier) {}

    record ChangeSetJson(
            String changeSetId,
            String changeSetArn,
            String changeSetName,
            Intent intent,
            ChangeSetStatus status,
            @Nullable String failureCode,
            @Nullable String failureDescription,
            Instant startTime,
            @Nullable Instant endTime,
            String submittedBy,
            List<ChangeJson> changeSet) {

        static ChangeSetJson of(ChangeSet set) {
            return new ChangeSetJson(
                    set.id(),
                    set.arn(),
                    set.name(),
                    set.intent(),
                    set.status(),
                    set.failureCode() == null ? null : set.failureCode().name(),
                    set.failureDescription(),
                    set.startTime(),
                    set.endTime(),
                    set.submittedBy(),
                    set.changes().stream()
                            .map(c -> new ChangeJson(
                                    c.changeType(),
                                    c.changeName(),
                                    new EntityJson(c.entityType(), c.entityIdentifier()),
                                    c.details(),
                                    c.errors()))
                            .toList());
        }
    }

    record ChangeJson(
            String changeType,
            @Nullable String changeName,
            EntityJson entity,
            JsonNode detailsDocument,
            List<ChangeError> errorDetailList) {}

    record PageJson(
            List<ChangeSetJson> changeSets, @Nullable String nextToken) {}

    private final ChangeSets changeSets;

    ChangeSetsApi(ChangeSets changeSets) {
        this.changeSets = changeSets;
    }

    @PostMapping
    @Operation(summary = "Start a change set of 1–20 changes; answers 202 with the change set in PREPARING")
    ResponseEntity<ChangeSetJson> start(OfferdeskPrincipal me, @RequestBody StartRequest request) {
        var changes = request.changeSet() == null
                ? null
                : request.changeSet().stream()
                        .map(c -> new StartChangeSet.RequestedChange(
                                c.changeType(),
                                c.entity() == null ? null : c.entity().type(),
                                c.entity() == null ? null : c.entity().identifier(),
                                c.changeName(),
                                c.detailsDocument()))
                        .toList();
        var started = changeSets.start(
                me,
                new StartChangeSet(changes, request.changeSetName(), request.clientRequestToken(), request.intent()));
        return ResponseEntity.accepted()
                .location(URI.create("/api/v1/change-sets/" + started.id()))
                .body(ChangeSetJson.of(started));
    }

    @GetMapping("/{changeSetId}")
    @Operation(
            summary = "One change set with each change's entity revision and errors",
            description = "With waitSeconds (1–20) the answer comes once the change set is final, or when the wait"
                    + " is over: one request instead of polling")
    ChangeSetJson describe(
            OfferdeskPrincipal me,
            @PathVariable String changeSetId,
            @RequestParam(defaultValue = "0") int waitSeconds) {
        if (waitSeconds < 0 || waitSeconds > ChangeSets.WAIT_MAX.toSeconds()) {
            throw new InvalidInput("waitSeconds", "validation.range", 0, ChangeSets.WAIT_MAX.toSeconds());
        }
        return ChangeSetJson.of(changeSets.awaitFinal(me.partyId(), changeSetId, Duration.ofSeconds(waitSeconds)));
    }

    @GetMapping
    @Operation(summary = "The party's change sets, newest first unless sorted otherwise; time bounds are inclusive")
    PageJson list(
            OfferdeskPrincipal me,
            @RequestParam(required = false) @Nullable ChangeSetStatus status,
            @RequestParam(required = false) @Nullable String changeSetName,
            @RequestParam(required = false) @Nullable String entityId,
            @RequestParam(required = false) @Nullable Instant afterStartTime,
            @RequestParam(required = false) @Nullable Instant beforeStartTime,
            @RequestParam(required = false) @Nullable Instant afterEndTime,
            @RequestParam(required = false) @Nullable Instant beforeEndTime,
            @RequestParam(defaultValue = "StartTime") SortBy sortBy,
            @RequestParam(defaultValue = "DESCENDING") SortOrder sortOrder,
            @RequestParam(defaultValue = "20") int maxResults,
            @RequestParam(required = false) @Nullable String nextToken) {
        var filter = new ChangeSetFilter(
                status,
                changeSetName,
                entityId,
                afterStartTime,
                beforeStartTime,
                afterEndTime,
                beforeEndTime,
                sortBy == SortBy.EndTime,
                sortOrder == SortOrder.ASCENDING);
        var page = changeSets.list(me.partyId(), filter, nextToken, maxResults);
        return new PageJson(page.changeSets().stream().map(ChangeSetJson::of).toList(), page.nextToken());
    }

    @PostMapping("/{changeSetId}/cancel")
    @Operation(summary = "Cancel a change set that is still PREPARING; 409 once it is applying or final")
    ChangeSetJson cancel(OfferdeskPrincipal me, @PathVariable String changeSetId) {
        return ChangeSetJson.of(changeSets.cancel(me, changeSetId));
    }

    enum SortBy {
        StartTime,
        EndTime
    }

    enum SortOrder {
        ASCENDING,
        DESCENDING
    }
}
