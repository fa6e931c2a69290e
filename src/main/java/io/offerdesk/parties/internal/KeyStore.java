package io.offerdesk.parties.internal;

import io.offerdesk.parties.AccessKey;
import io.offerdesk.parties.ApiKey;
import io.offerdesk.parties.KeyManagement.SigningSecret;
import io.offerdesk.parties.User;
import io.offerdesk.platform.SecretBox;
import io.offerdesk.shared.Sha256;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Issues and checks credentials. A bearer token reads {@code od_<key id>_<secret>}: the key id finds the row, the
 * secret is compared with its stored SHA-256 hash. SigV4 secrets are sealed by the {@link SecretBox}.
 */
@Component
public class KeyStore {

    static final Pattern TOKEN = Pattern.compile("od_([a-z2-7]{16})_([a-z2-7]{40})");

    private final KeyRepository keys;
    private final SecretBox box;

    KeyStore(KeyRepository keys, SecretBox box) {
        this.keys = keys;
        this.box = box;
    }

    public ApiKey.Issued issueApiKey(User user, String name, Instant now) {
        var id = Secrets.lower(16);
        var secret = Secrets.lower(40);
        var key = new ApiKey(id, user.id(), name, now, null);
        keys.insert(key, user.partyId(), Sha256.hex(secret));
        return new ApiKey.Issued(key, "od_" + id + "_" + secret);
    }

    /** Registers a key whose token is already known (the demo's fixed key). */
    public ApiKey register(User user, String name, String token, Instant now) {
        var parts = TOKEN.matcher(token);
        if (!parts.matches()) {
            throw new IllegalArgumentException("not an Offerdesk API key token");
        }
        var key = new ApiKey(parts.group(1), user.id(), name, now, null);
        keys.insert(key, user.partyId(), Sha256.hex(parts.group(2)));
        return key;
    }

    /** The live key, with its holder, of a well-formed token whose secret matches. */
    Optional<KeyRepository.LiveApiKey> authenticate(String token) {
        var parts = TOKEN.matcher(token);
        if (!parts.matches()) {
            return Optional.empty();
        }
        var hash = Sha256.hex(parts.group(2));
        return keys.liveApiKey(parts.group(1)).filter(live -> Secrets.same(live.secretHash(), hash));
    }

    public List<ApiKey> apiKeys(UUID userId) {
        return keys.apiKeys(userId);
    }

    public boolean revokeApiKey(String id, UUID userId, Instant now) {
        return keys.revokeApiKey(id, userId, now);
    }

    public AccessKey.Issued issueAccessKey(User user, Instant now) {
        var id = Secrets.accessKeyId();
        var secret = Secrets.secretAccessKey();
        var key = new AccessKey(id, user.id(), now, null);
        keys.insert(key, user.partyId(), box.seal(secret, id));
        return new AccessKey.Issued(key, secret);
    }

    public List<AccessKey> accessKeys(UUID userId) {
        return keys.accessKeys(userId);
    }

    public boolean revokeAccessKey(String id, UUID userId, Instant now) {
        return keys.revokeAccessKey(id, userId, now);
    }

    public Optional<SigningSecret> signingSecret(String accessKeyId) {
        return keys.liveAccessKey(accessKeyId)
                .map(live -> new SigningSecret(live.holder().principal(), box.open(live.ciphertext(), accessKeyId)));
    }

    /**
     * Registers an access-key pair whose id and secret are already known (the demo's fixed pairs) unless the id is
     * taken; says whether it did.
     */
    public boolean registerAccessKey(User user, String accessKeyId, String secretAccessKey, Instant now) {
        var key = new AccessKey(accessKeyId, user.id(), now, null);
        return keys.insertUnlessPresent(key, user.partyId(), box.seal(secretAccessKey, accessKeyId));
    }
}
