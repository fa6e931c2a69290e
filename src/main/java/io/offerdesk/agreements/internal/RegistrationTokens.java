package io.offerdesk.agreements.internal;

import io.offerdesk.agreements.AgreementId;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * SaaS registration tokens: opaque, random, short-lived. The buyer's browser (or the outbox) hands one to the seller's
 * fulfillment URL, and the seller resolves it to the customer. Only the token's hash is stored.
 */
@Component
public class RegistrationTokens {

    /** A token just issued, with its expiry. */
    public record Token(String value, Instant expiresAt) {}

    private static final int RANDOM_BYTES = 32;

    private final RegistrationTokenRepository tokens;
    private final EntitlementSettings settings;
    private final SecureRandom random = new SecureRandom();

    RegistrationTokens(RegistrationTokenRepository tokens, EntitlementSettings settings) {
        this.tokens = tokens;
        this.settings = settings;
    }

    public Token issue(AgreementId agreement, Instant now) {
        var bytes = new byte[RANDOM_BYTES];
        random.nextBytes(bytes);
        var token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        var expiresAt = now.plus(settings.registrationTokenValidity());
        tokens.insert(hash(token), agreement, now, expiresAt);
        return new Token(token, expiresAt);
    }

    public Optional<RegistrationTokenRepository.Issued> find(String token) {
        return tokens.find(hash(token));
    }

    static String hash(String token) {
        try {
            var digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException missing) {
            throw new IllegalStateException("every JDK has SHA-256", missing);
        }
    }
}
