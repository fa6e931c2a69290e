package io.offerdesk.platform.internal.time;

import static io.offerdesk.platform.internal.time.SimulationController.requireOperator;

import io.offerdesk.platform.FaultCatalog;
import io.offerdesk.platform.OfferdeskPrincipal;
import io.offerdesk.platform.internal.time.JdbcSimulatorControls.ChangeSetFailure;
import io.offerdesk.platform.internal.time.JdbcSimulatorControls.Fault;
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
 * The operator's simulator controls, beside the clock: in the API at {@code /api/v1/simulation/faults} (and {@code
 * /throttles}, the older name of the faults that answer ThrottlingException), {@code /change-set-failures} and {@code
 * /change-set-delays}, and on the page at {@code /simulation}. They exist only in simulation mode, like the clock.
 */
@Controller
@ConditionalOnBooleanProperty("offerdesk.simulation")
class SimulatorControlsApi {

    /** Most calls a counted fault may last; more is what "until cleared" is for. */
    static final int MOST_CALLS = 10_000;

    /** A botocore service name or an operation name: letters, digits and dashes. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9-]{0,63}");

    /** A change error code as AWS writes them ({@code INCOMPATIBLE_PRICING}). */
    private static final Pattern ERROR_CODE = Pattern.compile("[A-Z][A-Z0-9_]{0,63}");

    /** What a throttle answers, and a fault without an error code. */
    static final String THROTTLING = "ThrottlingException";

    /**
     * Answer the party's calls to the operation with the modeled error {@code errorCode} (ThrottlingException when
     * absent): {@code calls} of them, or until cleared when absent.
     */
    record FaultRequest(
            @Nullable UUID partyId,
            @Nullable String service,
            @Nullable String operation,
            @Nullable String errorCode,
            @Nullable Integer calls) {}

    /** Throttle the party's calls to the operation: a fault with ThrottlingException under its older name. */
    record ThrottleRequest(
            @Nullable UUID partyId,
            @Nullable String service,
            @Nullable String operation,
            @Nullable Integer calls) {}

    record Faults(List<Fault> faults) {}

    record Throttles(List<Fault> throttles) {}

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
    private final List<FaultCatalog> catalogs;

    SimulatorControlsApi(JdbcSimulatorControls controls, List<FaultCatalog> catalogs) {
        this.controls = controls;
        this.catalogs = catalogs;
    }

    @PostMapping("/simulation/faults")
    String faultFromPage(
            OfferdeskPrincipal me,
            @RequestParam(required = false) @Nullable UUID partyId,
            @RequestParam(required = false) @Nullable String service,
            @RequestParam(required = false) @Nullable String operation,
            @RequestParam(required = false) @Nullable String errorCode,
            @RequestParam(required = false) @Nullable Integer calls,
            RedirectAttributes redirect) {
        requireOperator(me);
        try {
            redirect.addFlashAttribute(
                    "faulted", fault(new FaultRequest(partyId, service, operation, errorCode, calls)));
        } catch (InvalidInput invalid) {
            redirect.addFlashAttribute("violations", invalid.violations());
        }
        return "redirect:/simulation";
    }

    @PostMapping("/simulation/change-set-failures")
    String failNextChangeSetFromPage(
            OfferdeskPrincipal me,
            @RequestParam(required = false) @Nullable UUID partyId,
            @RequestParam(required = false) @Nullable String entityId,
            @RequestParam(required = false) @Nullable String errorCode,
            RedirectAttributes redirect) {
        requireOperator(me);
        try {
            failNextChangeSet(new ChangeSetFailureRequest(partyId, entityId, errorCode));
        } catch (InvalidInput invalid) {
            redirect.addFlashAttribute("violations", invalid.violations());
        }
        return "redirect:/simulation";
    }

    @PostMapping("/simulation/change-set-failures/clear")
    String clearChangeSetFailureFromPage(
            OfferdeskPrincipal me, @RequestParam UUID partyId, @RequestParam String entityId) {
        requireOperator(me);
        controls.clearChangeSetFailure(partyId, entityId);
        return "redirect:/simulation";
    }

    /** The delay as typed (ISO-8601); one that does not parse is refused as the API refuses it. */
    @PostMapping("/simulation/change-set-delays")
    String delayChangeSetsFromPage(
            OfferdeskPrincipal me,
            @RequestParam(required = false) @Nullable UUID partyId,
            @RequestParam(required = false) @Nullable String delay,
            RedirectAttributes redirect) {
        requireOperator(me);
        try {
            delayChangeSets(new ChangeSetDelayRequest(partyId, parseDelay(delay)));
        } catch (InvalidInput invalid) {
            redirect.addFlashAttribute("violations", invalid.violations());
        }
        return "redirect:/simulation";
    }

    @PostMapping("/simulation/change-set-delays/clear")
    String clearChangeSetDelayFromPage(OfferdeskPrincipal me, @RequestParam UUID partyId) {
        requireOperator(me);
        controls.clearChangeSetDelay(partyId);
        return "redirect:/simulation";
    }

    @PostMapping("/simulation/faults/clear")
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

        @GetMapping("/api/v1/simulation/faults")
        Faults faults(OfferdeskPrincipal me) {
            requireOperator(me);
            return new Faults(api.controls.faults());
        }

        @PostMapping("/api/v1/simulation/faults")
        Fault fault(OfferdeskPrincipal me, @RequestBody FaultRequest request) {
            requireOperator(me);
            return api.fault(request);
        }

        @GetMapping("/api/v1/simulation/throttles")
        Throttles throttles(OfferdeskPrincipal me) {
            requireOperator(me);
            return new Throttles(api.controls.faults().stream()
                    .filter(f -> f.errorCode().equals(THROTTLING))
                    .toList());
        }

        @PostMapping("/api/v1/simulation/throttles")
        Fault throttle(OfferdeskPrincipal me, @RequestBody ThrottleRequest request) {
            requireOperator(me);
            return api.fault(new FaultRequest(
                    request.partyId(), request.service(), request.operation(), THROTTLING, request.calls()));
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
            return api.delayChangeSets(request);
        }

        @DeleteMapping("/api/v1/simulation/change-set-delays")
        @ResponseStatus(HttpStatus.NO_CONTENT)
        void clearChangeSetDelay(OfferdeskPrincipal me, @RequestParam UUID partyId) {
            requireOperator(me);
            if (!api.controls.clearChangeSetDelay(partyId)) {
                throw new NotFound("changeSetDelay", partyId.toString());
            }
        }

        /** Clears the operation's fault, whatever its error: {@code /throttles} is the older name. */
        @DeleteMapping({"/api/v1/simulation/faults", "/api/v1/simulation/throttles"})
        @ResponseStatus(HttpStatus.NO_CONTENT)
        void clear(
                OfferdeskPrincipal me,
                @RequestParam UUID partyId,
                @RequestParam String service,
                @RequestParam String operation) {
            requireOperator(me);
            if (!api.controls.clear(partyId, service, operation)) {
                throw new NotFound("fault", partyId + "/" + service + "/" + operation);
            }
        }
    }

    ChangeSetDelayRequest delayChangeSets(ChangeSetDelayRequest request) {
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
        controls.delayChangeSets(
                Validations.present("partyId", request.partyId()), Validations.present("delay", request.delay()));
        return request;
    }

    private static @Nullable Duration parseDelay(@Nullable String delay) {
        if (delay == null || delay.isBlank()) {
            return null;
        }
        try {
            return Duration.parse(delay.strip());
        } catch (java.time.format.DateTimeParseException malformed) {
            throw new InvalidInput("delay", "validation.simulation.duration");
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

    /**
     * Sets the fault once its names are well-formed and the error is one the operation's model lists (so the client's
     * SDK raises the modeled exception), each refusal naming its field.
     */
    Fault fault(FaultRequest request) {
        var calls = request.calls();
        var errorCode = request.errorCode() == null || request.errorCode().isBlank()
                ? THROTTLING
                : request.errorCode().strip();
        new Validations()
                .required("partyId", request.partyId())
                .required("service", request.service())
                .required("operation", request.operation())
                .matches("service", request.service(), NAME, "validation.simulation.name")
                .matches("operation", request.operation(), NAME, "validation.simulation.name")
                .check(calls == null || (calls >= 1 && calls <= MOST_CALLS), "calls", "validation.range", 1, MOST_CALLS)
                .throwIfInvalid();
        var service = Validations.present("service", request.service());
        var operation = Validations.present("operation", request.operation());
        var modeled = catalogs.stream()
                .flatMap(catalog -> catalog.modeledErrors(service, operation).stream())
                .findFirst();
        new Validations()
                .check(modeled.isPresent(), "operation", "validation.simulation.operation", service)
                .check(
                        modeled.isEmpty() || modeled.get().contains(errorCode),
                        "errorCode",
                        "validation.simulation.faultCode",
                        String.join(", ", modeled.orElse(List.of())))
                .throwIfInvalid();
        var fault = new Fault(Validations.present("partyId", request.partyId()), service, operation, errorCode, calls);
        controls.fault(fault);
        return fault;
    }
}
