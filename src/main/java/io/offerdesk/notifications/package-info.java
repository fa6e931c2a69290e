/**
 * Notifications: signed, retried, replayable webhooks, e-mail and in-app notifications, fed by the event outbox.
 *
 * <p>Reserved in the module map of DESIGN §2; its behaviour arrives with its issue.
 */
@ApplicationModule(
        displayName = "Notifications",
        allowedDependencies = {"platform", "parties"})
@NullMarked
package io.offerdesk.notifications;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
