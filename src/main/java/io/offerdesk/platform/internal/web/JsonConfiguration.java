package io.offerdesk.platform.internal.web;

import io.offerdesk.shared.AccountId;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * JSON for the kernel's value types, which stay free of Jackson annotations: an account id is written and read as
 * its twelve-digit string, the way AWS writes account ids.
 */
@Configuration(proxyBeanMethods = false)
class JsonConfiguration {

    @Bean
    SimpleModule kernelTypes() {
        var module = new SimpleModule("offerdesk-kernel");
        module.addSerializer(AccountId.class, new ValueSerializer<>() {
            @Override
            public void serialize(AccountId id, JsonGenerator out, SerializationContext context) {
                out.writeString(id.value());
            }
        });
        module.addDeserializer(AccountId.class, new ValueDeserializer<>() {
            @Override
            public AccountId deserialize(JsonParser in, DeserializationContext context) {
                var text = in.getValueAsString();
                if (text == null || !AccountId.isValid(text)) {
                    return context.reportInputMismatch(AccountId.class, "account id must be exactly 12 digits");
                }
                return new AccountId(text);
            }
        });
        return module;
    }
}
