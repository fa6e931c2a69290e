/**
 * E-mail: each user's e-mail preferences, and an outbox of e-mails that the mail due work sends over SMTP in the
 * recipient's language. Without an SMTP host configured ({@code spring.mail.host}) no e-mail is queued.
 */
@NullMarked
package io.offerdesk.notifications.internal.mail;

import org.jspecify.annotations.NullMarked;
