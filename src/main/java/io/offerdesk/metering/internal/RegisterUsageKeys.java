package io.offerdesk.metering.internal;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import io.offerdesk.platform.SecretBox;
import java.sql.Timestamp;
import java.text.ParseException;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The RSA keys RegisterUsage signs with, one per public key version, kept in {@code metering.register_usage_key} so
 * that every node signs with the same key; the private half is sealed with the master key like every other secret.
 * Signatures are compact JWS with {@code PS256} (RSASSA-PSS, SHA-256), as AWS signs RegisterUsage's answers.
 */
@Component
public class RegisterUsageKeys {

    public static final JWSAlgorithm ALGORITHM = JWSAlgorithm.PS256;

    private static final int KEY_BITS = 2048;

    private final JdbcClient jdbc;
    private final SecretBox box;
    private final TransactionTemplate ownTransaction;
    private final Map<Integer, RSAKey> loaded = new ConcurrentHashMap<>();

    RegisterUsageKeys(JdbcClient jdbc, SecretBox box, PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.box = box;
        // A key is committed before anything signs with it: a caller's rollback must not leave this node signing with
        // a key that no other node can find.
        this.ownTransaction = new TransactionTemplate(transactionManager);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** The compact JWS of the claims, signed with the version's private key; {@code kid} names the version. */
    public String sign(int version, Map<String, Object> claims, Instant now) {
        var key = key(version, now);
        var header = new JWSHeader.Builder(ALGORITHM)
                .type(JOSEObjectType.JWT)
                .keyID(key.getKeyID())
                .build();
        var jws = new JWSObject(header, new Payload(claims));
        try {
            jws.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException("every JDK signs RSASSA-PSS", e);
        }
        return jws.serialize();
    }

    /** The version's public key, created with its private half when no node has needed it yet. */
    public RSAKey publicKey(int version, Instant now) {
        return key(version, now).toPublicJWK();
    }

    private RSAKey key(int version, Instant now) {
        return loaded.computeIfAbsent(
                version,
                v -> ownTransaction.execute(status -> {
                    createIfAbsent(v, now);
                    var sealed = jdbc.sql("""
                            SELECT sealed_jwk FROM metering.register_usage_key
                            WHERE public_key_version = :version
                            """)
                            .param("version", v)
                            .query(byte[].class)
                            .single();
                    try {
                        return RSAKey.parse(box.open(sealed, boundTo(v)));
                    } catch (ParseException e) {
                        throw new IllegalStateException("a stored RegisterUsage key does not parse", e);
                    }
                }));
    }

    /** Another node may create the version at the same moment: the primary key keeps the first, and both read it. */
    private void createIfAbsent(int version, Instant now) {
        RSAKey key;
        try {
            key = new RSAKeyGenerator(KEY_BITS)
                    .keyID(String.valueOf(version))
                    .algorithm(ALGORITHM)
                    .keyUse(KeyUse.SIGNATURE)
                    .generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("every JDK generates RSA keys", e);
        }
        jdbc.sql("""
                        INSERT INTO metering.register_usage_key (public_key_version, sealed_jwk, created_at)
                        VALUES (:version, :sealed, :created)
                        ON CONFLICT (public_key_version) DO NOTHING
                        """)
                .param("version", version)
                .param("sealed", box.seal(key.toJSONString(), boundTo(version)))
                .param("created", Timestamp.from(now))
                .update();
    }

    private static String boundTo(int version) {
        return "register-usage-key-" + version;
    }
}
