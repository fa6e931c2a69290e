package io.offerdesk.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The receiver's check of {@code Offerdesk-Signature}, against fixed vectors. */
class OfferdeskSignatureTests {

    static final String SECRET = "whsec_test-secret";
    static final String BODY = "{\"id\":\"3b1f\",\"type\":\"offer.released\",\"data\":{\"offerId\":\"offer-abc\"}}";
    static final Instant SIGNED_AT = Instant.parse("2026-11-27T02:00:00Z");

    /** Computed independently: printf '1795744800.%s' "$BODY" | openssl dgst -sha256 -hmac whsec_test-secret */
    static final String EXPECTED_V1 = "ee549e0dc9ecaef6f3c5d1961f6d26a9790fac45aae87d1abf75f0eee86d879f";

    @Test
    void theHeaderIsTimestampAndHexHmacOverTimestampDotBody() {
        assertThat(OfferdeskSignature.header(SECRET, SIGNED_AT, BODY)).isEqualTo("t=1795744800,v1=" + EXPECTED_V1);
    }

    @Test
    void aValidSignatureVerifies() {
        var header = OfferdeskSignature.header(SECRET, SIGNED_AT, BODY);

        assertThat(OfferdeskSignature.verify(SECRET, header, BODY, SIGNED_AT)).isTrue();
        assertThat(OfferdeskSignature.verify(SECRET, header, BODY, SIGNED_AT.plus(Duration.ofMinutes(5))))
                .as("at the edge of the tolerance")
                .isTrue();
        assertThat(OfferdeskSignature.verify(SECRET, header + ",v2=future-scheme", BODY, SIGNED_AT))
                .as("unknown schemes are ignored")
                .isTrue();
    }

    @Test
    void aTamperedBodyFails() {
        var header = OfferdeskSignature.header(SECRET, SIGNED_AT, BODY);

        assertThat(OfferdeskSignature.verify(SECRET, header, BODY.replace("offer-abc", "offer-xyz"), SIGNED_AT))
                .isFalse();
    }

    @Test
    void aWrongSecretFails() {
        var header = OfferdeskSignature.header("whsec_other", SIGNED_AT, BODY);

        assertThat(OfferdeskSignature.verify(SECRET, header, BODY, SIGNED_AT)).isFalse();
    }

    @Test
    void aStaleOrFutureTimestampFailsEvenWithAValidHmac() {
        var header = OfferdeskSignature.header(SECRET, SIGNED_AT, BODY);

        assertThat(OfferdeskSignature.verify(
                        SECRET,
                        header,
                        BODY,
                        SIGNED_AT.plus(Duration.ofMinutes(5).plusSeconds(1))))
                .isFalse();
        assertThat(OfferdeskSignature.verify(SECRET, header, BODY, SIGNED_AT.minus(Duration.ofMinutes(6))))
                .isFalse();
    }

    @Test
    void aChangedTimestampOrAMalformedHeaderFails() {
        var header = OfferdeskSignature.header(SECRET, SIGNED_AT, BODY);
        var shifted = header.replace("t=1795744800", "t=1795744801");

        assertThat(OfferdeskSignature.verify(SECRET, shifted, BODY, SIGNED_AT)).isFalse();
        assertThat(OfferdeskSignature.verify(SECRET, "v1=" + EXPECTED_V1, BODY, SIGNED_AT))
                .isFalse();
        assertThat(OfferdeskSignature.verify(SECRET, "t=soon,v1=" + EXPECTED_V1, BODY, SIGNED_AT))
                .isFalse();
        assertThat(OfferdeskSignature.verify(SECRET, "garbage", BODY, SIGNED_AT))
                .isFalse();
    }
}
