package io.offerdesk.platform.internal.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.support.SessionFlashMapManager;

/**
 * Flash attributes (what a page shows after its form's redirect) travel in the session, which Spring Session keeps in
 * PostgreSQL, so the redirect may land on any node (ADR 0043); storing them there serializes them. A flash map holding
 * a value that is not {@link java.io.Serializable} would fail the request, so it stays on this node instead, keyed by
 * the session, for as long as a flash map lives: one node works as before, and behind a load balancer only that
 * message may be missed. The warning names the type to make serializable.
 */
@Component("flashMapManager")
class FlashMaps extends SessionFlashMapManager {

    private static final Logger log = LoggerFactory.getLogger(FlashMaps.class);

    private final Cache<String, List<FlashMap>> local = Caffeine.newBuilder()
            .expireAfterWrite(Duration.ofMinutes(3))
            .maximumSize(10_000)
            .build();

    @Override
    protected @Nullable List<FlashMap> retrieveFlashMaps(HttpServletRequest request) {
        var shared = super.retrieveFlashMaps(request);
        var session = request.getSession(false);
        var kept = session == null ? null : local.getIfPresent(session.getId());
        if (kept == null) {
            return shared;
        }
        var all = new ArrayList<FlashMap>(kept);
        if (shared != null) {
            all.addAll(shared);
        }
        return all;
    }

    @Override
    protected void updateFlashMaps(List<FlashMap> flashMaps, HttpServletRequest request, HttpServletResponse response) {
        var shared = new ArrayList<FlashMap>();
        var kept = new ArrayList<FlashMap>();
        flashMaps.forEach(map -> (serializable(map) ? shared : kept).add(map));
        super.updateFlashMaps(shared, request, response);
        var session = request.getSession().getId();
        if (kept.isEmpty()) {
            local.invalidate(session);
        } else {
            local.put(session, kept);
        }
    }

    private static boolean serializable(FlashMap map) {
        try (var out = new ObjectOutputStream(OutputStream.nullOutputStream())) {
            out.writeObject(map);
            return true;
        } catch (IOException notSerializable) {
            log.warn("A flash attribute is not serializable ({}); it stays on this node", notSerializable.getMessage());
            return false;
        }
    }
}
