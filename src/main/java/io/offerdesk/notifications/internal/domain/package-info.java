/** Pure rules of notifications: when reminders fall due. */
@NullMarked
package io.offerdesk.notifications.internal.domain;

import org.jspecify.annotations.NullMarked;
