package io.offerdesk.offers.internal.rest;

import io.offerdesk.changesets.ChangeSet;
import java.net.URI;
import org.springframework.http.ResponseEntity;

/** The change set an offer action started; follow {@code Location} to see it finish. */
record StartedChangeSetJson(String changeSetId, String changeSetArn, String status) {

    static ResponseEntity<StartedChangeSetJson> accepted(ChangeSet started) {
        return ResponseEntity.accepted()
                .location(URI.create("/api/v1/change-sets/" + started.id()))
                .body(new StartedChangeSetJson(
                        started.id(), started.arn(), started.status().name()));
    }
}
