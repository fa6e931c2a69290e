package io.offerdesk.awsapi.internal;

import io.offerdesk.platform.OfferdeskPrincipal;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The single entry of the AWS-compatible API: JSON-RPC calls are dispatched by {@code X-Amz-Target} to the service's
 * {@link AwsOperations}; anything else under {@code /aws} is an unknown operation, answered in the service's shape.
 * Every failure becomes an AWS error here, never a problem+json or an error page, so that the SDKs parse it.
 *
 * <p>A plain {@code @Controller}: the REST API's problem+json advice applies to {@code @RestController}s only.
 */
@Controller
class AwsEndpoint {

    private static final Logger log = LoggerFactory.getLogger(AwsEndpoint.class);

    private final Map<AwsService, AwsOperations> services;
    private final AwsResponses responses;
    private final RestJsonRoutes routes;
    private final JsonMapper json;

    AwsEndpoint(List<AwsOperations> operations, AwsResponses responses, RestJsonRoutes routes, JsonMapper json) {
        this.services = operations.stream().collect(Collectors.toMap(AwsOperations::service, Function.identity()));
        this.responses = responses;
        this.routes = routes;
        this.json = json;
    }

    /** botocore posts JSON-RPC calls to the endpoint's path with the model's {@code /} appended. */
    @PostMapping({"/aws/{service}", "/aws/{service}/"})
    void call(
            OfferdeskPrincipal caller,
            @RequestHeader(name = "X-Amz-Target", required = false) @Nullable String target,
            HttpServletRequest request,
            HttpServletResponse response)
            throws IOException {
        var service = AwsService.forPath(request.getRequestURI()).orElse(null);
        if (service == null || !service.protocol().rpc()) {
            unknown(request, response);
            return;
        }
        try {
            responses.result(response, service.protocol(), call(caller, service, target, request));
        } catch (AwsError error) {
            responses.error(response, service.protocol(), error);
        }
    }

    private JsonNode call(
            OfferdeskPrincipal caller, AwsService service, @Nullable String target, HttpServletRequest request)
            throws IOException {
        var operations = services.get(service);
        var prefix = service.targetPrefix() + ".";
        var name = target != null && target.startsWith(prefix) ? target.substring(prefix.length()) : "";
        var operation = operations == null ? null : operations.operations().get(name);
        if (operations == null || operation == null) {
            throw AwsError.unknownOperation(
                    "Operation " + target + " is not known to " + service.botocoreName() + " on Offerdesk.");
        }
        return invoke(caller, operations, name, operation, document(request));
    }

    private JsonNode invoke(
            OfferdeskPrincipal caller,
            AwsOperations operations,
            String name,
            AwsOperations.Operation operation,
            JsonNode document) {
        try {
            return operation.call(caller, AwsInput.of(document));
        } catch (AwsError error) {
            throw operations.onWire(error);
        } catch (RuntimeException failure) {
            var error = operations.translate(name, failure);
            if (error.status() >= 500) {
                log.error("Server fault in {}.{}", operations.service().botocoreName(), name, failure);
            }
            throw error;
        }
    }

    /**
     * Every other request under {@code /aws}: a REST service's operation found by the model's HTTP binding (method and
     * path below the service's endpoint), or else an unknown operation in the service's shape.
     */
    @RequestMapping("/aws/**")
    void rest(OfferdeskPrincipal caller, HttpServletRequest request, HttpServletResponse response) throws IOException {
        var service = AwsService.forPath(request.getRequestURI()).orElse(null);
        var operations = service == null ? null : services.get(service);
        if (service == null || service.protocol().rpc() || operations == null) {
            unknown(request, response);
            return;
        }
        var path = request.getRequestURI().substring((AwsService.PATH_PREFIX + service.path()).length());
        try {
            var routed = routes.route(
                    service,
                    request.getMethod(),
                    path,
                    request.getParameterMap(),
                    request::getHeader,
                    document(request));
            var operation =
                    routed.map(r -> operations.operations().get(r.operation())).orElse(null);
            if (operation == null) {
                unknown(request, response);
                return;
            }
            var result = invoke(
                    caller,
                    operations,
                    routed.get().operation(),
                    operation,
                    routed.get().input());
            responses.result(response, service.protocol(), result);
        } catch (AwsError error) {
            responses.error(response, service.protocol(), operations.onWire(error));
        }
    }

    private void unknown(HttpServletRequest request, HttpServletResponse response) throws IOException {
        var protocol = AwsService.forPath(request.getRequestURI())
                .map(AwsService::protocol)
                .orElse(AwsProtocol.REST_JSON_1);
        responses.error(
                response,
                protocol,
                new AwsError(
                        "UnknownOperationException",
                        protocol.rpc() ? 400 : 404,
                        "No operation " + request.getMethod() + " " + request.getRequestURI() + " on Offerdesk."));
    }

    private JsonNode document(HttpServletRequest request) throws IOException {
        var body = request.getInputStream().readAllBytes();
        if (body.length == 0) {
            return json.createObjectNode();
        }
        try {
            return json.readTree(body);
        } catch (JacksonException unreadable) {
            throw AwsError.serialization("The request body is not valid JSON: " + unreadable.getOriginalMessage());
        }
    }
}
