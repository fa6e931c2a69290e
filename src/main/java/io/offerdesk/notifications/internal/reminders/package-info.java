/**
 * Reminders: before an offer expires and before an agreement ends, the people who act on it are told, in the in-app
 * inbox and by e-mail. Planned from the offers' and agreements' events, sent by due work, each once.
 */
@NullMarked
package io.offerdesk.notifications.internal.reminders;

import org.jspecify.annotations.NullMarked;
