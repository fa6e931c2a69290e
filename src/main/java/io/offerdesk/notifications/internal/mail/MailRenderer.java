package io.offerdesk.notifications.internal.mail;

import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;

/** Writes an e-mail in the recipient's language: a subject, an HTML body (templates/mail) and a plain-text body. */
@Component
class MailRenderer {

    record RenderedMail(String subject, String html, String text) {}

    private final SpringTemplateEngine templates;
    private final MessageSource messages;
    private final MailSettings settings;

    MailRenderer(SpringTemplateEngine templates, MessageSource messages, MailSettings settings) {
        this.templates = templates;
        this.messages = messages;
        this.settings = settings;
    }

    RenderedMail render(MailRepository.QueuedMail mail) {
        var locale = Locale.forLanguageTag(mail.language());
        var message =
                messages.getMessage(mail.messageKey(), mail.messageArguments().toArray(), mail.messageKey(), locale);
        var link = absolute(mail.link());
        var preferences = absolute("/notifications/preferences");
        var context = new Context(locale);
        context.setVariable("message", message);
        context.setVariable("link", link);
        context.setVariable("preferences", preferences);
        var html = templates.process("mail/notification", context);
        var subject = messages.getMessage("mail.subject", new Object[] {message}, locale);
        var text = message
                + (link == null ? "" : "\n\n" + link)
                + "\n\n-- \n"
                + messages.getMessage("mail.footer", null, locale)
                + "\n"
                + preferences;
        return new RenderedMail(subject, html, text);
    }

    private @Nullable String absolute(@Nullable String path) {
        if (path == null) {
            return null;
        }
        var base = settings.baseUrl().toString();
        return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + path;
    }
}
