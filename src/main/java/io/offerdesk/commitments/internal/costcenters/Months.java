package io.offerdesk.commitments.internal.costcenters;

import io.offerdesk.shared.InvalidInput;
import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** The month a chargeback asks for, as {@code YYYY-MM}; left out, the current month (UTC, on the simulated clock). */
@Component
public class Months {

    private final Clock clock;

    Months(Clock clock) {
        this.clock = clock;
    }

    public YearMonth parse(@Nullable String month) {
        if (month == null || month.isBlank()) {
            return YearMonth.from(clock.instant().atZone(ZoneOffset.UTC));
        }
        try {
            return YearMonth.parse(month.trim());
        } catch (DateTimeParseException notAMonth) {
            throw new InvalidInput("month", "validation.costCenter.month");
        }
    }
}
