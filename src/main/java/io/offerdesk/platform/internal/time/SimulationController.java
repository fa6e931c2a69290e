package io.offerdesk.platform.internal.time;

import io.offerdesk.platform.OfferdeskPrincipal;
import io.offerdesk.shared.InvalidInput;
import io.offerdesk.shared.Role;
import io.offerdesk.shared.Validations;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The operator's time-travel controls, in the UI at {@code /simulation} and in the API at {@code
 * /api/v1/simulation/clock}. They exist only in simulation mode; elsewhere both paths are 404.
 */
@Controller
@ConditionalOnBooleanProperty("offerdesk.simulation")
class SimulationController {

    /** The clock as the API shows it. */
    record ClockView(Instant now, Duration offset) {}

    /** Move forward {@code by} a duration or {@code to} an instant; exactly one of the two. */
    record AdvanceRequest(@Nullable Duration by, @Nullable Instant to) {}

    // Serializable: a flash attribute across its page's redirect, kept in the database-backed session (ADR 0043).
    record AdvanceResult(Instant from, Instant to, int stops) implements Serializable {}

    private final Simulation simulation;
    private final JdbcSimulatorControls controls;

    SimulationController(Simulation simulation, JdbcSimulatorControls controls) {
        this.simulation = simulation;
        this.controls = controls;
    }

    @GetMapping("/simulation")
    String page(OfferdeskPrincipal me, Model model) {
        requireOperator(me);
        model.addAttribute("clock", view());
        model.addAttribute("faults", controls.faults());
        model.addAttribute("changeSetFailures", controls.changeSetFailures());
        model.addAttribute("changeSetDelays", controls.changeSetDelays());
        return "platform/simulation";
    }

    @PostMapping("/simulation/advance")
    String advanceFromPage(
            OfferdeskPrincipal me,
            @RequestParam(required = false) @Nullable String by,
            @RequestParam(required = false) @Nullable LocalDate to,
            RedirectAttributes redirect) {
        requireOperator(me);
        try {
            var request = new AdvanceRequest(
                    by == null || by.isBlank() ? null : parseDuration(by),
                    to == null ? null : to.atStartOfDay(ZoneOffset.UTC).toInstant());
            var result = advance(request);
            redirect.addFlashAttribute("advanced", result);
        } catch (InvalidInput invalid) {
            redirect.addFlashAttribute("violations", invalid.violations());
        }
        return "redirect:/simulation";
    }

    @RestController
    @ConditionalOnBooleanProperty("offerdesk.simulation")
    static class Api {

        private final SimulationController controls;

        Api(SimulationController controls) {
            this.controls = controls;
        }

        @GetMapping("/api/v1/simulation/clock")
        ClockView clock(OfferdeskPrincipal me) {
            requireOperator(me);
            return controls.view();
        }

        @PostMapping("/api/v1/simulation/clock/advance")
        AdvanceResult advance(OfferdeskPrincipal me, @RequestBody AdvanceRequest request) {
            requireOperator(me);
            return controls.advance(request);
        }
    }

    AdvanceResult advance(AdvanceRequest request) {
        // Validated against the time every node agrees on, which another node may have moved a moment ago.
        simulation.catchUpNow();
        var now = simulation.now();
        var by = request.by();
        var to = request.to();
        new Validations()
                .check((by == null) != (to == null), by == null ? "by" : "to", "validation.simulation.exactlyOne")
                .check(by == null || by.isPositive(), "by", "validation.simulation.positive")
                .check(
                        by == null || by.compareTo(Simulation.LONGEST_ADVANCE) <= 0,
                        "by",
                        "validation.simulation.tooFar",
                        Simulation.LONGEST_ADVANCE.toDays())
                .check(to == null || to.isAfter(now), "to", "validation.simulation.notFuture")
                .check(
                        to == null || !to.isAfter(now.plus(Simulation.LONGEST_ADVANCE)),
                        "to",
                        "validation.simulation.tooFar",
                        Simulation.LONGEST_ADVANCE.toDays())
                .throwIfInvalid();
        var target = to != null ? to : now.plus(by);
        var advanced = simulation.advanceTo(target);
        return new AdvanceResult(advanced.from(), advanced.to(), advanced.stops());
    }

    ClockView view() {
        return new ClockView(simulation.now(), simulation.offset());
    }

    private static Duration parseDuration(String text) {
        try {
            return Duration.parse(text);
        } catch (java.time.format.DateTimeParseException malformed) {
            throw new InvalidInput("by", "validation.simulation.duration");
        }
    }

    static void requireOperator(OfferdeskPrincipal me) {
        if (!me.has(Role.OPERATOR_ADMIN)) {
            throw new AccessDeniedException("simulation controls are for the marketplace operator");
        }
    }
}
