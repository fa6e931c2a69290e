package io.offerdesk.gtm.internal.bulk;

import io.offerdesk.changesets.ChangeSet;
import io.offerdesk.changesets.ChangeSetStatus;
import io.offerdesk.changesets.ChangeSets;
import io.offerdesk.changesets.Intent;
import io.offerdesk.changesets.StartChangeSet;
import io.offerdesk.changesets.StartChangeSet.RequestedChange;
import io.offerdesk.gtm.BulkOfferError;
import io.offerdesk.gtm.BulkOfferRow;
import io.offerdesk.gtm.BulkOfferUpload.Mode;
import io.offerdesk.gtm.internal.bulk.BulkUploadRepository.Claimed;
import io.offerdesk.gtm.internal.bulk.BulkUploadRepository.WorkRow;
import io.offerdesk.gtm.internal.bulk.domain.RowTranslation;
import io.offerdesk.gtm.internal.bulk.domain.RowTranslation.BuiltChange;
import io.offerdesk.shared.InvalidInput;
import io.offerdesk.shared.NotFound;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Runs one row's change set through the change-set engine and records what became of it. Validation starts the row's
 * changes with a {@code ReleaseOffer} at the end in {@link Intent#VALIDATE} mode: every rule of the engine runs and
 * nothing is kept. Errors of the release alone leave the row valid for drafts. Creating starts the changes (with the
 * release when the upload was submitted to release) with a client request token made from the upload and row, so a
 * node that takes over an interrupted upload gets the same change set back instead of creating the offer twice.
 */
@Component
class BulkRowRunner {

    private static final Pattern CHANGE_FIELD = Pattern.compile("^changeSet\\[(\\d+)](?:\\.detailsDocument)?\\.?(.*)$");

    private final ChangeSets changeSets;
    private final BulkUploadRepository uploads;
    private final MessageSource messages;

    BulkRowRunner(ChangeSets changeSets, BulkUploadRepository uploads, MessageSource messages) {
        this.changeSets = changeSets;
        this.uploads = uploads;
        this.messages = messages;
    }

    void validate(Claimed upload, WorkRow row) {
        var changes = withRelease(row.changes(), true);
        var errors = new ArrayList<BulkOfferError>();
        var releaseErrors = new ArrayList<BulkOfferError>();
        try {
            var started = changeSets.start(
                    upload.actor(),
                    upload.owner(),
                    new StartChangeSet(changes, name(upload, row, "check"), null, Intent.VALIDATE));
            sortErrors(awaitFinal(upload, started.id()), row.changes(), errors, releaseErrors);
        } catch (InvalidInput invalid) {
            errors.addAll(violations(invalid, row.changes()));
        } catch (NotFound notFound) {
            errors.add(new BulkOfferError("", "NOT_FOUND", String.valueOf(notFound.getMessage())));
        }
        uploads.validated(upload.id(), row.number(), errors, releaseErrors);
    }

    void create(Claimed upload, WorkRow row) {
        var release = upload.mode() == Mode.RELEASE;
        var changes = withRelease(row.changes(), release);
        var errors = new ArrayList<BulkOfferError>();
        ChangeSet set;
        try {
            set = changeSets.start(
                    upload.actor(),
                    upload.owner(),
                    new StartChangeSet(changes, name(upload, row, "create"), token(upload, row), Intent.APPLY));
        } catch (InvalidInput invalid) {
            // The rules changed since validation (e.g. a product was withdrawn): the row fails with their errors.
            uploads.finished(
                    upload.id(),
                    row.number(),
                    BulkOfferRow.Status.FAILED,
                    null,
                    "",
                    violations(invalid, row.changes()));
            return;
        }
        uploads.started(upload.id(), row.number(), set.id());
        var done = awaitFinal(upload, set.id());
        if (done.status() == ChangeSetStatus.SUCCEEDED) {
            var created = done.changes().getFirst().entityIdentifier();
            uploads.finished(
                    upload.id(),
                    row.number(),
                    release ? BulkOfferRow.Status.RELEASED : BulkOfferRow.Status.CREATED,
                    created == null ? null : created.replaceFirst("@.*$", ""),
                    set.id(),
                    List.of());
            return;
        }
        sortErrors(done, row.changes(), errors, errors);
        uploads.finished(upload.id(), row.number(), BulkOfferRow.Status.FAILED, null, set.id(), errors);
    }

    private ChangeSet awaitFinal(Claimed upload, String changeSetId) {
        var set = changeSets.awaitFinal(upload.owner(), changeSetId, ChangeSets.WAIT_MAX);
        while (!set.status().isFinal()) {
            if (Thread.currentThread().isInterrupted()) {
                // The node is stopping: the row stays open, and whoever takes the upload over waits for this change
                // set.
                throw new IllegalStateException("stopped while waiting for change set " + changeSetId);
            }
            set = changeSets.awaitFinal(upload.owner(), changeSetId, ChangeSets.WAIT_MAX);
        }
        return set;
    }

    /** Each change's errors under the columns it was built from; the release's (the last change) apart. */
    private static void sortErrors(
            ChangeSet set, List<BuiltChange> built, List<BulkOfferError> errors, List<BulkOfferError> releaseErrors) {
        if (set.status() == ChangeSetStatus.SUCCEEDED) {
            return;
        }
        var found = false;
        for (int i = 0; i < set.changes().size(); i++) {
            for (var error : set.changes().get(i).errors()) {
                found = true;
                if (i < built.size()) {
                    errors.add(new BulkOfferError(
                            RowTranslation.columnsOf(built.get(i).columns()), error.code(), error.message()));
                } else {
                    releaseErrors.add(new BulkOfferError("", error.code(), error.message()));
                }
            }
        }
        if (!found) {
            var code = set.failureCode() == null
                    ? set.status().name()
                    : set.failureCode().name();
            var description = set.failureDescription();
            errors.add(new BulkOfferError(
                    "",
                    code,
                    description == null
                            ? "The change set " + set.id() + " "
                                    + set.status().name().toLowerCase(Locale.ROOT) + "."
                            : description));
        }
    }

    private List<BulkOfferError> violations(InvalidInput invalid, List<BuiltChange> built) {
        return invalid.violations().stream()
                .map(v -> {
                    var matcher = CHANGE_FIELD.matcher(v.field());
                    var column = "";
                    var field = v.field();
                    if (matcher.matches()) {
                        var index = Integer.parseInt(matcher.group(1));
                        column = index < built.size()
                                ? RowTranslation.columnsOf(built.get(index).columns())
                                : "";
                        field = matcher.group(2);
                    }
                    var text = String.valueOf(
                            messages.getMessage(v.code(), v.arguments().toArray(), v.code(), Locale.ENGLISH));
                    return new BulkOfferError(column, v.code(), field.isEmpty() ? text : field + ": " + text);
                })
                .toList();
    }

    private static List<RequestedChange> withRelease(List<BuiltChange> built, boolean release) {
        var changes = new ArrayList<RequestedChange>();
        built.forEach(b -> changes.add(b.change()));
        if (release) {
            changes.add(RowTranslation.release());
        }
        return changes;
    }

    private static String name(Claimed upload, WorkRow row, String what) {
        return "Bulk " + upload.id() + " row " + row.number() + " " + what;
    }

    private static String token(Claimed upload, WorkRow row) {
        return upload.id() + ":" + row.number();
    }
}
