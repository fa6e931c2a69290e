package io.offerdesk.platform.internal.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.offerdesk.shared.FieldViolation;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.web.servlet.FlashMap;

/** Flash maps go into the shared session when they serialize, and stay on their node when they do not (ADR 0043). */
class FlashMapsTests {

    /** A flash value of a type not yet made serializable. */
    record Outcome(String text) {}

    final MockHttpSession session = new MockHttpSession();
    final FlashMaps node = new FlashMaps();

    @Test
    void aFlashMapThatSerializesIsReadByAnotherNodeThroughTheSession() {
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

    @Test
    void aFlashMapThatDoesNotSerializeStaysOnItsNodeInsteadOfFailingTheRequest() {
        node.saveOutputFlashMap(flash("outcome", new Outcome("done")), request(), new MockHttpServletResponse());

        Map<String, Object> elsewhere = new FlashMaps().retrieveAndUpdate(request(), new MockHttpServletResponse());
        Map<String, Object> read = node.retrieveAndUpdate(request(), new MockHttpServletResponse());
        Map<String, Object> again = node.retrieveAndUpdate(request(), new MockHttpServletResponse());

        assertThat(elsewhere).as("another node").isNull();
        assertThat(read).isNotNull().containsEntry("outcome", new Outcome("done"));
        assertThat(again).as("read once").isNull();
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
