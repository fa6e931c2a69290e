package io.offerdesk.notifications.internal.rest;

import io.offerdesk.notifications.internal.mail.MailPreference;
import io.offerdesk.notifications.internal.mail.MailPreferences;
import io.offerdesk.platform.OfferdeskPrincipal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The signed-in user's notification preferences. */
@RestController
@RequestMapping("/api/v1/notifications/preferences")
@Tag(name = "Notifications", description = "The signed-in user's in-app inbox")
class NotificationPreferencesApi {

    /**
     * @param emailEnabled whether notifications also arrive by e-mail (the inbox gets them all)
     * @param language the language of the e-mails: en or zh-CN
     */
    record PreferencesJson(boolean emailEnabled, String language) {}

    /** What to change; an absent field keeps its value. */
    record UpdatePreferences(
            @Nullable Boolean emailEnabled, @Nullable String language) {}

    private final MailPreferences preferences;

    NotificationPreferencesApi(MailPreferences preferences) {
        this.preferences = preferences;
    }

    @GetMapping
    @Operation(summary = "The user's notification preferences")
    PreferencesJson preferences(OfferdeskPrincipal me) {
        return json(preferences.of(me));
    }

    @PutMapping
    @Operation(summary = "Turn e-mail notifications on or off and choose their language")
    PreferencesJson update(OfferdeskPrincipal me, @RequestBody UpdatePreferences update) {
        return json(preferences.update(me, update.emailEnabled(), update.language()));
    }

    private static PreferencesJson json(MailPreference preference) {
        return new PreferencesJson(preference.emailEnabled(), preference.language());
    }
}
