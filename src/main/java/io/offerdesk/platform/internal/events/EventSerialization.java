package io.offerdesk.platform.internal.events;

import org.springframework.modulith.events.core.EventSerializer;
import org.springframework.stereotype.Component;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * How the event publication registry stores events: as Modulith's own Jackson serializer does, with the application's
 * JSON mapper, except that reading one back ignores properties its class no longer has. Requests are read strictly
 * ({@code spring.jackson.deserialization.fail-on-unknown-properties}), but a stored event was written by the version
 * that published it: one that an earlier version stored with more fields must still be delivered when it is
 * resubmitted after an upgrade, where the strict mapper failed the whole resubmission. Modulith's serializer is not
 * public, and it takes the application's mapper as it is; this bean replaces it.
 */
@Component
class EventSerialization implements EventSerializer {

    private final JsonMapper mapper;

    EventSerialization(JsonMapper application) {
        this.mapper = application
                .rebuild()
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();
    }

    @Override
    public Object serialize(Object event) {
        return mapper.writeValueAsString(event);
    }

    @Override
    public <T> T deserialize(Object serialized, Class<T> type) {
        return mapper.readerFor(type).readValue(serialized.toString());
    }
}
