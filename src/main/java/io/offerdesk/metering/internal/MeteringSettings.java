package io.offerdesk.metering.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What operators may tune about metering ({@code offerdesk.metering.*}).
 *
 * @param window how long after an event its usage is accepted, on the simulated clock; AWS documents 6 hours for
 *     BatchMeterUsage and MeterUsage (the UsageRecord shape's "one hour" contradicts it; we follow the operations)
 */
@ConfigurationProperties("offerdesk.metering")
public record MeteringSettings(@DefaultValue("PT6H") Duration window) {}
