package io.offerdesk.platform.internal.time;

import static io.offerdesk.platform.internal.time.SimulationController.requireOperator;

import io.offerdesk.platform.OfferdeskPrincipal;
import io.offerdesk.platform.internal.time.JdbcSimulatorControls.ChangeSetFailure;
import io.offerdesk.platform.internal.time.JdbcSimulatorControls.Throttle;
import io.offerdesk.shared.InvalidInput;
import io.offerdesk.shared.NotFound;
import io.offerdesk.shared.Validations;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The operator's simulator controls, beside the clock: in the API at {@code /api/v1/simulation/throttles} and on the
 * page at {@code /simulation}. They exist only in simulation mode, like the clock.
 */
@Controller
@ConditionalOnBooleanProperty("offerdesk.simulation")
class SimulatorControlsApi {

    /** Most calls a counted throttle may last; more is what "until cleared" is for. */
    static final int MOST_CALLS = 10_000;

    /** A botocore service name or an operation name: letters, digits and dashes. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9-]{0,63}");

    /** A change error code as AWS writes them ({@code INCOMPATIBLE_PRICING}). */
    private static final Pattern ERROR_CODE = Pattern.compile("[A-Z][A-Z0-9_]{0,63}");

    /** Throttle the party's calls to the operation: {@code calls} of them, or until cleared when absent. */
    record ThrottleRequest(
            @Nullable UUID partyId,
            @Nullable String service,
            @Nullable String operation,
            @Nullable Integer calls) {}

    record Throttles(List<Throttle> throttles) {}

    /** Fail the party's next change set that changes the entity with the error code (upper snake case, as AWS's). */
    record ChangeSetFailureRequest(
            @Nullable UUID partyId,
            @Nullable String entityId,
            @Nullable String errorCode) {}

    record ChangeSetFailures(List<ChangeSetFailure> changeSetFailures) {}

    /** Apply the party's change sets {@code delay} after their start (ISO-8601, e.g. {@code PT30S}). */
    record ChangeSetDelayRequest(
            @Nullable UUID partyId, @Nullable Duration delay) {}

    /** The longest delay: a change set held longer would outlive what automation tests wait for. */
    static final Duration LONGEST_DELAY = Duration.ofHours(24);

    private final JdbcSimulatorControls controls;

    SimulatorControlsApi(JdbcSimulatorControls controls) {
        this.controls = controls;
    }

    @PostMapping("/simulation/throttles")
    String throttleFromPage(
            OfferdeskPrincipal me,
            @RequestParam(required = false) @Nullable UUID partyId,
            @RequestParam(required = false) @Nullable String service,
            @RequestParam(required = false) @Nullable String operation,
            @RequestParam(required = false) @Nullable Integer calls,
            RedirectAttributes redirect) {
        requireOperator(me);
        try {
            redirect.addFlashAttribute("throttled", throttle(new ThrottleRequest(partyId, service, operation, calls)));
        } catch (InvalidInput invalid) {
            redirect.addFlashAttribute("violations", invalid.violations());
        }
        return "redirect:/simulation";
    }

    @PostMapping("/simulation/throttles/clear")
    String clearFromPage(
            OfferdeskPrincipal me,
            @RequestParam UUID partyId,
            @RequestParam String service,
            @RequestParam String operation) {
        requireOperator(me);
        controls.clear(partyId, service, operation);
        return "redirect:/simulation";
    }

    @RestController
    @ConditionalOnBooleanProperty("offerdesk.simulation")
    static class Api {

        private final SimulatorControlsApi api;

        Api(SimulatorControlsApi api) {
            this.api = api;
        }

        @GetMapping("/api/v1/simulation/throttles")
        Throttles throttles(OfferdeskPrincipal me) {
            requireOperator(me);
            return new Throttles(api.controls.throttles());
        }

        @PostMapping("/api/v1/simulation/throttles")
        Throttle throttle(OfferdeskPrincipal me, @RequestBody ThrottleRequest request) {
            requireOperator(me);
            return api.throttle(request);
        }

        @GetMapping("/api/v1/simulation/change-set-failures")
        ChangeSetFailures changeSetFailures(OfferdeskPrincipal me) {
            requireOperator(me);
            return new ChangeSetFailures(api.controls.changeSetFailures());
        }

        @PostMapping("/api/v1/simulation/change-set-failures")
        ChangeSetFailure failNextChangeSet(OfferdeskPrincipal me, @RequestBody ChangeSetFailureRequest request) {
            requireOperator(me);
            return api.failNextChangeSet(request);
        }

        @DeleteMapping("/api/v1/simulation/change-set-failures")
        @ResponseStatus(HttpStatus.NO_CONTENT)
        void clearChangeSetFailure(OfferdeskPrincipal me, @RequestParam UUID partyId, @RequestParam String entityId) {
            requireOperator(me);
            if (!api.controls.clearChangeSetFailure(partyId, entityId)) {
                throw new NotFound("changeSetFailure", partyId + "/" + entityId);
            }
        }

        @PostMapping("/api/v1/simulation/change-set-delays")
        ChangeSetDelayRequest delayChangeSets(OfferdeskPrincipal me, @RequestBody ChangeSetDelayRequest request) {
            requireOperator(me);
            new Validations()
                    .required("partyId", request.partyId())
                    .required("delay", request.delay())
                    .check(
                            request.delay() == null
                                    || (request.delay().isPositive()
                                            && request.delay().compareTo(LONGEST_DELAY) <= 0),
                            "delay",
                            "validation.simulation.delay",
                            LONGEST_DELAY.toHours())
                    .throwIfInvalid();
            api.controls.delayChangeSets(
                    Validations.present("partyId", request.partyId()), Validations.present("delay", request.delay()));
            return request;
        }

        @DeleteMapping("/api/v1/simulation/change-set-delays")
        @ResponseStatus(HttpStatus.NO_CONTENT)
        void clearChangeSetDelay(OfferdeskPrincipal me, @RequestParam UUID partyId) {
            requireOperator(me);
            if (!api.controls.clearChangeSetDelay(partyId)) {
                throw new NotFound("changeSetDelay", partyId.toString());
            }
        }

        @DeleteMapping("/api/v1/simulation/throttles")
        @ResponseStatus(HttpStatus.NO_CONTENT)
        void clear(
                OfferdeskPrincipal me,
                @RequestParam UUID partyId,
                @RequestParam String service,
                @RequestParam String operation) {
            requireOperator(me);
            if (!api.controls.clear(partyId, service, operation)) {
                throw new NotFound("throttle", partyId + "/" + service + "/" + operation);
            }
        }
    }

    ChangeSetFailure failNextChangeSet(ChangeSetFailureRequest request) {
        new Validations()
                .required("partyId", request.partyId())
                .text("entityId", request.entityId(), 255)
                .required("errorCode", request.errorCode())
                .matches("errorCode", request.errorCode(), ERROR_CODE, "validation.simulation.errorCode")
                .throwIfInvalid();
        var failure = new ChangeSetFailure(
                Validations.present("partyId", request.partyId()),
                Validations.present("entityId", request.entityId()),
                Validations.present("errorCode", request.errorCode()));
        controls.failNextChangeSet(failure);
        return failure;
    }

    Throttle throttle(ThrottleRequest request) {
        var calls = request.calls();
        new Validations()
                .required("partyId", request.partyId())
                .required("service", request.service())
                .required("operation", request.operation())
                .matches("service", request.service(), NAME, "validation.simulation.name")
                .matches("operation", request.operation(), NAME, "validation.simulation.name")
                .check(calls == null || (calls >= 1 && calls <= MOST_CALLS), "calls", "validation.range", 1, MOST_CALLS)
                .throwIfInvalid();
        var throttle = new Throttle(
                Validations.present("partyId", request.partyId()),
                Validations.present("service", request.service()),
                Validations.present("operation", request.operation()),
                calls);
        controls.throttle(throttle);
        return throttle;
    }
}
