package io.offerdesk.parties;

import io.offerdesk.parties.events.AccessKeyIssued;
import io.offerdesk.parties.events.AccessKeyRevoked;
import io.offerdesk.parties.events.ApiKeyIssued;
import io.offerdesk.parties.events.ApiKeyRevoked;
import io.offerdesk.parties.internal.KeyStore;
import io.offerdesk.parties.internal.PartyRepository;
import io.offerdesk.platform.OfferdeskPrincipal;
import io.offerdesk.shared.NotFound;
import io.offerdesk.shared.Role;
import io.offerdesk.shared.Validations;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Credentials for programs: bearer API keys for {@code /api/v1} and SigV4 access-key pairs for the AWS-compatible
 * API. A user manages their own; their party's administrator manages everyone's in the party. Secrets are shown
 * once, when issued.
 */
@Service
public class KeyManagement {

    public static final int KEY_NAME_MAX = 100;

    /**
     * A live access key's holder and signing secret, for verifying a SigV4 signature: a verified request acts as the
     * holder, as a request with one of their bearer API keys does.
     */
    public record SigningSecret(OfferdeskPrincipal principal, String secretAccessKey) {

        public UUID userId() {
            return principal.userId();
        }
    }

    private final KeyStore keys;
    private final UserManagement users;
    private final PartyRepository parties;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    KeyManagement(
            KeyStore keys,
            UserManagement users,
            PartyRepository parties,
            ApplicationEventPublisher events,
            Clock clock) {
        this.keys = keys;
        this.users = users;
        this.parties = parties;
        this.events = events;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<ApiKey> apiKeys(OfferdeskPrincipal me, UUID userId) {
        return keys.apiKeys(manageable(me, userId).id());
    }

    @Transactional
    public ApiKey.Issued issueApiKey(OfferdeskPrincipal me, UUID userId, @Nullable String name) {
        var user = manageable(me, userId);
        new Validations().text("name", name, KEY_NAME_MAX).throwIfInvalid();
        var issued = keys.issueApiKey(user, Validations.present("name", name).trim(), clock.instant());
        events.publishEvent(new ApiKeyIssued(
                user.partyId(), user.id(), issued.key().id(), issued.key().name(), me.actor(), clock.instant()));
        return issued;
    }

    @Transactional
    public void revokeApiKey(OfferdeskPrincipal me, UUID userId, String keyId) {
        var user = manageable(me, userId);
        if (!keys.revokeApiKey(keyId, user.id(), clock.instant())) {
            throw new NotFound("api-key", keyId);
        }
        events.publishEvent(new ApiKeyRevoked(user.partyId(), user.id(), keyId, me.actor(), clock.instant()));
    }

    @Transactional(readOnly = true)
    public List<AccessKey> accessKeys(OfferdeskPrincipal me, UUID userId) {
        return keys.accessKeys(manageable(me, userId).id());
    }

    @Transactional
    public AccessKey.Issued issueAccessKey(OfferdeskPrincipal me, UUID userId) {
        var user = manageable(me, userId);
        var issued = keys.issueAccessKey(user, clock.instant());
        events.publishEvent(
                new AccessKeyIssued(user.partyId(), user.id(), issued.key().id(), me.actor(), clock.instant()));
        return issued;
    }

    @Transactional
    public void revokeAccessKey(OfferdeskPrincipal me, UUID userId, String accessKeyId) {
        var user = manageable(me, userId);
        if (!keys.revokeAccessKey(accessKeyId, user.id(), clock.instant())) {
            throw new NotFound("access-key", accessKeyId);
        }
        events.publishEvent(new AccessKeyRevoked(user.partyId(), user.id(), accessKeyId, me.actor(), clock.instant()));
    }

    /** For the AWS-compatible API: the secret that signs requests made with this access key, if it is live. */
    @Transactional(readOnly = true)
    public Optional<SigningSecret> signingSecret(String accessKeyId) {
        return keys.signingSecret(accessKeyId);
    }

    private User manageable(OfferdeskPrincipal me, UUID userId) {
        var user = users.user(me, userId);
        var self = user.id().equals(me.userId());
        var party = parties.find(user.partyId()).orElseThrow();
        if (!self && !(party.id().equals(me.partyId()) && me.has(Role.administratorOf(party.kind())))) {
            throw new NotFound("user", userId.toString());
        }
        return user;
    }
}
