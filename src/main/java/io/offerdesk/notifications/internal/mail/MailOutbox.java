package io.offerdesk.notifications.internal.mail;

import io.offerdesk.platform.DueWork;
import jakarta.mail.MessagingException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends the queued e-mails over SMTP. Each batch is claimed with {@code SKIP LOCKED}, so one node sends each e-mail;
 * an e-mail the server refuses is tried again at the next run, up to {@code maxAttempts} times. Delivery is at least
 * once: a node that dies between the server's acceptance and its commit sends that e-mail again.
 *
 * <p>It runs last at each instant, after the work that queues e-mails (reminders) at the same instant, and has no due
 * instants of its own: whatever is queued is sent at the same run, or at the next poll when the server was away.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
@EnableConfigurationProperties(MailSettings.class)
class MailOutbox implements DueWork {

    private static final Logger log = LoggerFactory.getLogger(MailOutbox.class);
    private static final int BATCH = 50;

    private final MailRepository mails;
    private final MailRenderer renderer;
    private final MailSettings settings;
    private final ObjectProvider<JavaMailSender> sender;
    private final TransactionTemplate transactions;
    private final Clock clock;

    MailOutbox(
            MailRepository mails,
            MailRenderer renderer,
            MailSettings settings,
            ObjectProvider<JavaMailSender> sender,
            TransactionTemplate transactions,
            Clock clock) {
        this.mails = mails;
        this.renderer = renderer;
        this.settings = settings;
        this.sender = sender;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public Optional<Instant> nextDueAfter(Instant after) {
        return Optional.empty();
    }

    @Override
    public void runDue(Instant now) {
        var smtp = sender.getIfAvailable();
        if (smtp == null) {
            return;
        }
        boolean more = true;
        while (more) {
            more = Boolean.TRUE.equals(transactions.execute(status -> {
                var batch = mails.claimPending(BATCH);
                var failures = 0;
                for (var mail : batch) {
                    if (!send(smtp, mail)) {
                        failures++;
                    }
                }
                // A server that refuses everything is retried at the next run, not in a loop now.
                return batch.size() == BATCH && failures == 0;
            }));
        }
    }

    private boolean send(JavaMailSender smtp, MailRepository.QueuedMail mail) {
        try {
            var rendered = renderer.render(mail);
            var message = smtp.createMimeMessage();
            var helper = new MimeMessageHelper(message, true, StandardCharsets.UTF_8.name());
            helper.setFrom(settings.from());
            helper.setTo(mail.toAddress());
            helper.setSubject(rendered.subject());
            helper.setText(rendered.text(), rendered.html());
            smtp.send(message);
            mails.sent(mail.id(), clock.instant());
            return true;
        } catch (MailException | MessagingException failure) {
            var giveUp = mail.attempts() + 1 >= settings.maxAttempts();
            log.warn(
                    "E-mail {} not sent (attempt {}{})",
                    mail.id(),
                    mail.attempts() + 1,
                    giveUp ? ", giving up" : "",
                    failure);
            mails.attemptFailed(mail.id(), String.valueOf(failure.getMessage()), giveUp);
            return false;
        }
    }
}
