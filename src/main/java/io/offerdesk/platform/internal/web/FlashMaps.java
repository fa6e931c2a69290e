package io.offerdesk.platform.internal.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.support.SessionFlashMapManager;

/**
 * Flash attributes (what a page shows after its form's redirect) travel in the session, which Spring Session keeps in
 * PostgreSQL, so the redirect may land on any node (ADR 0043, 0051); storing them there serializes them. Every flash
 * value must therefore be {@link java.io.Serializable}. This checks each flash map as it is stored and fails the
 * request with the attribute's name and type, where Spring Session would fail later, when it saves the session, with
 * neither; any test that submits the form then shows which type to make serializable.
 */
@Component("flashMapManager")
class FlashMaps extends SessionFlashMapManager {

    @Override
    protected void updateFlashMaps(List<FlashMap> flashMaps, HttpServletRequest request, HttpServletResponse response) {
        flashMaps.forEach(FlashMaps::requireSerializable);
        super.updateFlashMaps(flashMaps, request, response);
    }

    private static void requireSerializable(FlashMap map) {
        map.forEach((name, value) -> {
            try (var out = new ObjectOutputStream(OutputStream.nullOutputStream())) {
                out.writeObject(value);
            } catch (IOException notSerializable) {
                throw new IllegalStateException(
                        "Flash attribute '%s' (%s) is not serializable: %s. Flash attributes travel in the shared session"
                                .formatted(
                                        name,
                                        value == null ? null : value.getClass().getName(),
                                        notSerializable.getMessage()),
                        notSerializable);
            }
        });
    }
}
