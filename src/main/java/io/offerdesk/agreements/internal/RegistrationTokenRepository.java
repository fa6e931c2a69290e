package io.offerdesk.agreements.internal;

import static io.offerdesk.agreements.internal.AgreementRepository.requiredInstant;
import static io.offerdesk.agreements.internal.AgreementRepository.timestamp;

import io.offerdesk.agreements.AgreementId;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * SaaS registration tokens by the SHA-256 of the token: the token is a bearer secret, so only its hash is kept. The
 * caller of {@link #find} checks that the reader owns the agreement's product.
 */
@Repository
public class RegistrationTokenRepository {

    /** A stored token: which agreement it registers, and until when. */
    public record Issued(AgreementId agreementId, Instant issuedAt, Instant expiresAt) {}

    private final JdbcClient jdbc;

    RegistrationTokenRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(String tokenHash, AgreementId agreement, Instant issuedAt, Instant expiresAt) {
        jdbc.sql("""
                        INSERT INTO agreements.registration_token (token_hash, agreement_id, issued_at, expires_at)
                        VALUES (:hash, :agreement, :issued, :expires)
                        """)
                .param("hash", tokenHash)
                .param("agreement", agreement.value())
                .param("issued", timestamp(issuedAt))
                .param("expires", timestamp(expiresAt))
                .update();
    }

    public Optional<Issued> find(String tokenHash) {
        return jdbc.sql("""
                        SELECT agreement_id, issued_at, expires_at FROM agreements.registration_token
                        WHERE token_hash = :hash
                        """)
                .param("hash", tokenHash)
                .query((rs, n) -> new Issued(
                        new AgreementId(rs.getString("agreement_id")),
                        requiredInstant(rs, "issued_at"),
                        requiredInstant(rs, "expires_at")))
                .optional();
    }
}
