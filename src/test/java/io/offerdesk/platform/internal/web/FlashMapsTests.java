package io.offerdesk.platform.internal.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import io.offerdesk.disbursement.internal.fees.domain.FeeSchedule;
import io.offerdesk.invoicing.internal.TaxRate;
import io.offerdesk.parties.AccessKey;
import io.offerdesk.shared.Conflict;
import io.offerdesk.shared.FieldViolation;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.web.servlet.FlashMap;

/** Flash maps go into the shared session, so every flash value must serialize (ADR 0043, 0051). */
class FlashMapsTests {

    /** A flash value of a type someone forgot to make serializable. */
    record Outcome(String text) {}

    final MockHttpSession session = new MockHttpSession();
    final FlashMaps node = new FlashMaps();

    @Test
    void aFlashMapIsReadByAnotherNodeThroughTheSession() {
        node.saveOutputFlashMap(
                flash("violations", List.of(new FieldViolation("url", "validation.url", List.of(200)))),
                request(),
                new MockHttpServletResponse());

        var otherNode = new FlashMaps();
        Map<String, Object> read = otherNode.retrieveAndUpdate(request(), new MockHttpServletResponse());
        Map<String, Object> again = otherNode.retrieveAndUpdate(request(), new MockHttpServletResponse());

        assertThat(read).isNotNull().containsOnlyKeys("violations");
        assertThat(again).as("read once").isNull();
    }

    /** The flash values that were kept on their node before (ADR 0051), now read by another node. */
    @Test
    void theFlashValuesOfThePagesReachAnotherNode() {
        var now = Instant.parse("2026-11-27T12:00:00Z");
        var values = Map.<String, Object>of(
                "issuedAccessKey",
                new AccessKey.Issued(new AccessKey("AKID", UUID.randomUUID(), now, null), "secret"),
                "saved",
                new TaxRate("DE", new BigDecimal("19.0000"), now),
                "added",
                new FeeSchedule(
                        "fee-1",
                        now,
                        BigDecimal.ONE,
                        BigDecimal.TEN,
                        BigDecimal.ONE,
                        BigDecimal.ONE,
                        BigDecimal.ONE,
                        BigDecimal.ONE,
                        BigDecimal.ONE,
                        BigDecimal.ONE,
                        Map.of("SAAS", BigDecimal.ONE),
                        now,
                        "operator"),
                "conflict",
                new Conflict("conflict.staleProduct", "prod-1", 3L, 4L));
        var flash = new FlashMap();
        flash.putAll(values);
        node.saveOutputFlashMap(flash, request(), new MockHttpServletResponse());

        Map<String, Object> read = new FlashMaps().retrieveAndUpdate(request(), new MockHttpServletResponse());

        assertThat(read).isNotNull().containsOnlyKeys(values.keySet());
        assertThat(read.get("saved")).isEqualTo(values.get("saved"));
    }

    @Test
    void aFlashValueThatDoesNotSerializeFailsTheRequestNamingItsAttributeAndType() {
        assertThatIllegalStateException()
                .isThrownBy(() -> node.saveOutputFlashMap(
                        flash("outcome", new Outcome("done")), request(), new MockHttpServletResponse()))
                .withMessageContaining("'outcome'")
                .withMessageContaining(Outcome.class.getName());
        Map<String, Object> stored = new FlashMaps().retrieveAndUpdate(request(), new MockHttpServletResponse());
        assertThat(stored).as("nothing stored").isNull();
    }

    private MockHttpServletRequest request() {
        var request = new MockHttpServletRequest("GET", "/webhooks");
        request.setSession(session);
        return request;
    }

    private static FlashMap flash(String name, Object value) {
        var flash = new FlashMap();
        flash.put(name, value);
        return flash;
    }
}
