package io.offerdesk.platform.internal.time;

import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The application's one clock: real UTC time, or in simulation mode real time plus the operator's offset. */
@Configuration(proxyBeanMethods = false)
class ClockConfiguration {

    @Bean
    @ConditionalOnBooleanProperty(name = "offerdesk.simulation", havingValue = false, matchIfMissing = true)
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    @ConditionalOnBooleanProperty("offerdesk.simulation")
    SimulatedClock simulatedClock(SimulationOffsets offsets) {
        return new SimulatedClock(Clock.systemUTC(), offsets.load());
    }
}
