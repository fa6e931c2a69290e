package io.offerdesk.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.offerdesk.support.EndToEndTest;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The replay guard on the real database: a signature is claimed once while it is valid, even by many claimants at
 * the same moment (as several nodes would be), a released claim can be made again, and an expired one no longer
 * counts. Real time: signatures are made with it.
 */
@EndToEndTest
class ReplayGuardTests {

    static final Clock REAL_TIME = Clock.systemUTC();

    @Autowired
    ReplayGuard guard;

    @Test
    void aSignatureIsClaimedOnceUntilReleased() {
        var signature = signature();
        var expiresAt = REAL_TIME.instant().plus(Duration.ofMinutes(5));

        assertThat(guard.claim(signature, expiresAt)).isTrue();
        assertThat(guard.claim(signature, expiresAt)).as("a replay").isFalse();
        guard.release(signature);
        assertThat(guard.claim(signature, expiresAt))
                .as("the retry of a failed request")
                .isTrue();
    }

    @Test
    void anExpiredClaimNoLongerCounts() {
        var signature = signature();
        assertThat(guard.claim(signature, REAL_TIME.instant().minusSeconds(1))).isTrue();
        assertThat(guard.claim(signature, REAL_TIME.instant().plus(Duration.ofMinutes(5))))
                .isTrue();
    }

    @Test
    void ofManyClaimantsAtOnceExactlyOneWins() throws Exception {
        var signature = signature();
        var expiresAt = REAL_TIME.instant().plus(Duration.ofMinutes(5));
        var claims = new ArrayList<Callable<Boolean>>();
        for (int i = 0; i < 20; i++) {
            claims.add(() -> guard.claim(signature, expiresAt));
        }
        var won = 0;
        try (var pool = Executors.newFixedThreadPool(8)) {
            for (Future<Boolean> claim : pool.invokeAll(claims)) {
                won += claim.get() ? 1 : 0;
            }
        }
        assertThat(won).isEqualTo(1);
    }

    private static String signature() {
        // 64 hex digits, as a SigV4 signature
        var random = UUID.randomUUID().toString().replace("-", "");
        return random + random;
    }
}
