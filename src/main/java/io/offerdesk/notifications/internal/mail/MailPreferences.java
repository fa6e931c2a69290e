package io.offerdesk.notifications.internal.mail;

import io.offerdesk.platform.OfferdeskPrincipal;
import io.offerdesk.shared.InvalidInput;
import java.time.Clock;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The signed-in user's e-mail preferences, and the preference the mail queue consults for any user. */
@Service
public class MailPreferences {

    private final MailPreferenceRepository preferences;
    private final Clock clock;

    MailPreferences(MailPreferenceRepository preferences, Clock clock) {
        this.preferences = preferences;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public MailPreference of(OfferdeskPrincipal me) {
        return of(me.partyId(), me.userId());
    }

    @Transactional(readOnly = true)
    public MailPreference of(UUID party, UUID user) {
        return preferences.find(party, user).orElseGet(() -> MailPreference.byDefault(user));
    }

    /** Changes what is given; an absent value keeps the current one. */
    @Transactional
    public MailPreference update(OfferdeskPrincipal me, @Nullable Boolean emailEnabled, @Nullable String language) {
        if (language != null && !MailPreference.LANGUAGES.contains(language)) {
            throw new InvalidInput("language", "validation.enum", MailPreference.LANGUAGES);
        }
        var current = of(me);
        var changed = new MailPreference(
                me.userId(),
                emailEnabled == null ? current.emailEnabled() : emailEnabled,
                language == null ? current.language() : language);
        preferences.save(me.partyId(), changed, clock.instant());
        return changed;
    }
}
