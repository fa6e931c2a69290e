package io.offerdesk.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;

/**
 * A party of the test's own, onboarded as the operator does it and with active users, so that what a test sets on it
 * (a policy, a strategy, a commitment) concerns no other test.
 */
public final class Onboarding {

    public static final String OPERATOR = "operator@offerdesk.example";
    /** The password of every user onboarded here (not the demo users' one). */
    public static final String PASSWORD = "collections-test";

    /**
     * A freshly onboarded party.
     *
     * @param slug the unique part of its users' e-mail domain
     */
    public record Onboarded(UUID partyId, String accountId, String slug, String admin) {

        /** An address of the party's domain for a new user. */
        public String email(String localPart) {
            return localPart + "@" + slug + ".example";
        }
    }

    private final TestApi api;

    public Onboarding(TestApi api) {
        this.api = api;
    }

    /**
     * Onboards a party of the kind, named {@code name} and its slug, with one account whose number starts with
     * {@code accountPrefix}, and activates its administrator.
     *
     * @param slugPrefix the start of the slug, which a random part makes unique
     */
    public Onboarded party(String kind, String name, String slugPrefix, char accountPrefix) {
        var slug = slugPrefix + UUID.randomUUID().toString().substring(0, 8);
        var account =
                accountPrefix + "%011d".formatted(ThreadLocalRandom.current().nextLong(100_000_000_000L));
        var admin = "admin@" + slug + ".example";
        var onboarded = api.post("/api/v1/parties", OPERATOR, """
                {"kind":"%s","name":"%s %s","accountId":"%s","adminEmail":"%s","adminName":"Ada Admin"}""".formatted(kind, name, slug, account, admin));
        assertThat(onboarded.status()).as(onboarded.body()).isEqualTo(201);
        activate(onboarded.json().at("/adminInvitationToken").asString());
        return new Onboarded(UUID.fromString(onboarded.json().at("/party/id").asString()), account, slug, admin);
    }

    /** Invites a user with one role and accepts the invitation with the demo password; returns the address. */
    public String invite(String admin, String email, String role) {
        return invite(admin, email, List.of(role));
    }

    /** Invites a user with the roles and accepts the invitation with the demo password; returns the address. */
    public String invite(String admin, String email, List<String> roles) {
        var grants = roles.stream().map("{\"role\":\"%s\"}"::formatted).collect(Collectors.joining(","));
        var invited = api.post(
                "/api/v1/users", admin, """
                {"email":"%s","displayName":"%s","roles":[%s]}""".formatted(email, roles.getFirst().toLowerCase(Locale.ROOT), grants));
        assertThat(invited.status()).as(invited.body()).isEqualTo(201);
        activate(invited.json().at("/invitationToken").asString());
        return email;
    }

    private void activate(String token) {
        var accepted =
                api.post("/api/v1/invitations/" + token + "/accept", null, "{\"password\":\"" + PASSWORD + "\"}");
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
    }
}
