package io.offerdesk.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.List;

/** An in-process SMTP server (GreenMail) for tests that read the e-mails Offerdesk sends, and how they read them. */
public final class TestSmtp {

    private TestSmtp() {}

    /** A started server on a free port; the test class points {@code spring.mail.*} at it and stops it. */
    public static GreenMail started() {
        var smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        smtp.start();
        return smtp;
    }

    /** The e-mails the server received for {@code to} whose subject names {@code about}, in the order received. */
    public static List<MimeMessage> mailsAbout(GreenMail smtp, String about, String to) {
        return Arrays.stream(smtp.getReceivedMessages())
                .filter(m -> recipients(m).contains(to))
                .filter(m -> subject(m).contains(about))
                .toList();
    }

    public static List<String> recipients(MimeMessage message) {
        try {
            var to = message.getRecipients(Message.RecipientType.TO);
            return to == null
                    ? List.of()
                    : Arrays.stream(to).map(Object::toString).toList();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
