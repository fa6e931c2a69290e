package io.offerdesk.notifications.internal.reminders;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Reminder settings ({@code offerdesk.notifications.reminders.*}).
 *
 * @param offerNotViewedDays days after its release that a private offer no targeted buyer account has opened is
 *     reminded; 0 turns the reminder off
 */
@ConfigurationProperties("offerdesk.notifications.reminders")
public record ReminderSettings(@DefaultValue("3") int offerNotViewedDays) {}
