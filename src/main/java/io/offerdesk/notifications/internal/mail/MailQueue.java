package io.offerdesk.notifications.internal.mail;

import io.offerdesk.parties.User;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Queues e-mails in the caller's transaction, so an e-mail exists exactly when what it tells of was decided. A user who
 * turned e-mail off gets none, and none is queued while no SMTP server is configured.
 */
@Service
public class MailQueue {

    private final MailRepository mails;
    private final MailPreferences preferences;
    private final ObjectProvider<JavaMailSender> sender;

    MailQueue(MailRepository mails, MailPreferences preferences, ObjectProvider<JavaMailSender> sender) {
        this.mails = mails;
        this.preferences = preferences;
        this.sender = sender;
    }

    /**
     * Queues an e-mail to the user once per source key.
     *
     * @return whether an e-mail was queued
     */
    @Transactional
    public boolean enqueue(
            String sourceKey,
            User to,
            String messageKey,
            List<String> messageArguments,
            @Nullable String link,
            Instant at) {
        if (sender.getIfAvailable() == null) {
            return false;
        }
        var preference = preferences.of(to.partyId(), to.id());
        if (!preference.emailEnabled()) {
            return false;
        }
        return mails.insert(
                sourceKey, to.id(), to.email(), preference.language(), messageKey, messageArguments, link, at);
    }
}
