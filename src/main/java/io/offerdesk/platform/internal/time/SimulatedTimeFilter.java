package io.offerdesk.platform.internal.time;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Brings this node's simulated clock up to the offset another node saved before a request is served: a request sent
 * to any node sees time the operator moved on another one, within {@code offerdesk.simulation-refresh} (ADR 0043).
 */
@Component
@ConditionalOnBooleanProperty("offerdesk.simulation")
class SimulatedTimeFilter extends OncePerRequestFilter {

    private final Simulation simulation;

    SimulatedTimeFilter(Simulation simulation) {
        this.simulation = simulation;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        simulation.catchUp();
        chain.doFilter(request, response);
    }
}
