package io.offerdesk.notifications.internal.mail;

import java.util.Locale;
import java.util.UUID;

/**
 * A user's choices for e-mail.
 *
 * @param emailEnabled whether the user wants e-mail at all; the in-app inbox gets every notification regardless
 * @param language the language of their e-mails, one of {@link #LANGUAGES}
 */
public record MailPreference(UUID userId, boolean emailEnabled, String language) {

    /** The languages e-mails are written in, as the UI's: English and Simplified Chinese. */
    public static final java.util.List<String> LANGUAGES = java.util.List.of("en", "zh-CN");

    /** What a user who never chose gets: e-mail, in English. */
    public static MailPreference byDefault(UUID userId) {
        return new MailPreference(userId, true, "en");
    }

    public Locale locale() {
        return Locale.forLanguageTag(language);
    }
}
