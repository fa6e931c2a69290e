package io.offerdesk.notifications.internal.mail;

import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What operators may tune about e-mail ({@code offerdesk.notifications.mail.*}). The SMTP server itself is Spring
 * Boot's {@code spring.mail.*}; without {@code spring.mail.host} no e-mail is sent.
 *
 * @param from the sender of every e-mail
 * @param baseUrl where recipients reach this application: the links in e-mails start with it
 * @param maxAttempts how often sending one e-mail is tried before it is given up as failed
 */
@ConfigurationProperties("offerdesk.notifications.mail")
public record MailSettings(
        @DefaultValue("Offerdesk <no-reply@offerdesk.example>")
        String from,

        @DefaultValue("http://localhost:8080") URI baseUrl,
        @DefaultValue("10") int maxAttempts) {}
