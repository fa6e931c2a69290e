package io.offerdesk.metering.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.PSSParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * The RSA key pairs RegisterUsage signs with, one per public key version, kept in {@code metering.register_usage_key}
 * so that every node signs with the same key. Signatures are compact JWS with {@code PS256} (RSASSA-PSS, SHA-256), as
 * AWS signs RegisterUsage's answers, written with the JDK's own providers: no JOSE library is on the classpath, and
 * one algorithm needs no more than this.
 */
@Component
public class RegisterUsageKeys {

    /** The JWS algorithm: RSASSA-PSS with SHA-256, MGF1 with SHA-256 and a 32-byte salt (RFC 7518, 3.5). */
    public static final String ALGORITHM = "PS256";

    private static final int KEY_BITS = 2048;
    private static final PSSParameterSpec PSS =
            new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, 32, 1);
    private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final TransactionTemplate ownTransaction;
    private final Map<Integer, KeyPair> loaded = new ConcurrentHashMap<>();

    RegisterUsageKeys(JdbcClient jdbc, JsonMapper json, PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.json = json;
        // A key is committed before anything signs with it: a caller's rollback must not leave this node signing with
        // a key that no other node can find.
        this.ownTransaction = new TransactionTemplate(transactionManager);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** The compact JWS of the claims, signed with the version's private key; {@code kid} names the version. */
    public String sign(int version, Map<String, Object> claims, Instant now) {
        var header = Map.of("alg", ALGORITHM, "typ", "JWT", "kid", String.valueOf(version));
        var input = encode(json.writeValueAsBytes(header)) + "." + encode(json.writeValueAsBytes(claims));
        try {
            var signer = Signature.getInstance("RSASSA-PSS");
            signer.setParameter(PSS);
            signer.initSign(keyPair(version, now).getPrivate());
            signer.update(input.getBytes(StandardCharsets.US_ASCII));
            return input + "." + encode(signer.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JDK signs RSASSA-PSS", e);
        }
    }

    /** The version's public key, created with its private half when no node has needed it yet. */
    public RSAPublicKey publicKey(int version, Instant now) {
        return (RSAPublicKey) keyPair(version, now).getPublic();
    }

    private KeyPair keyPair(int version, Instant now) {
        return loaded.computeIfAbsent(
                version,
                v -> ownTransaction.execute(status -> {
                    createIfAbsent(v, now);
                    return jdbc.sql("""
                            SELECT private_key, public_key FROM metering.register_usage_key
                            WHERE public_key_version = :version
                            """)
                            .param("version", v)
                            .query((rs, n) -> decode(rs.getBytes("private_key"), rs.getBytes("public_key")))
                            .single();
                }));
    }

    /** Another node may create the version at the same moment: the primary key keeps the first, and both read it. */
    private void createIfAbsent(int version, Instant now) {
        try {
            var generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(KEY_BITS);
            var pair = generator.generateKeyPair();
            jdbc.sql("""
                            INSERT INTO metering.register_usage_key
                                (public_key_version, private_key, public_key, created_at)
                            VALUES (:version, :private, :public, :created)
                            ON CONFLICT (public_key_version) DO NOTHING
                            """)
                    .param("version", version)
                    .param("private", pair.getPrivate().getEncoded())
                    .param("public", pair.getPublic().getEncoded())
                    .param("created", Timestamp.from(now))
                    .update();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JDK generates RSA keys", e);
        }
    }

    private static KeyPair decode(byte[] privateKey, byte[] publicKey) {
        try {
            var rsa = KeyFactory.getInstance("RSA");
            return new KeyPair(
                    rsa.generatePublic(new X509EncodedKeySpec(publicKey)),
                    rsa.generatePrivate(new PKCS8EncodedKeySpec(privateKey)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("a stored RegisterUsage key does not decode", e);
        }
    }

    private static String encode(byte[] bytes) {
        return URL.encodeToString(bytes);
    }
}
