package io.offerdesk.platform.internal.web;

import io.offerdesk.platform.internal.idempotency.IdempotencyFilter;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.bind.annotation.PostMapping;

/** The OpenAPI document: bearer API keys for every operation, and the Idempotency-Key header on every POST. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    @Bean
    OpenAPI offerdeskApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("Offerdesk API")
                        .version("v1")
                        .description("Private offers, catalog, parties and audit. Errors are RFC 9457 problem+json."))
                .components(new Components()
                        .addSecuritySchemes(
                                "apiKey",
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("bearer")
                                        .description("An API key from Profile & keys: od_<key id>_<secret>")))
                .addSecurityItem(new SecurityRequirement().addList("apiKey"));
    }

    @Bean
    OperationCustomizer idempotencyKeyHeader() {
        return (operation, handler) -> handler.hasMethodAnnotation(PostMapping.class)
                ? operation.addParametersItem(new HeaderParameter()
                        .name(IdempotencyFilter.HEADER)
                        .required(false)
                        .schema(new StringSchema().maxLength(255))
                        .description("Send the same key to retry safely: the first response is replayed for 24 hours;"
                                + " the same key with a different request is refused with 422."))
                : operation;
    }
}
