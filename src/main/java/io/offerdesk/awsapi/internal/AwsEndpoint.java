package io.offerdesk.awsapi.internal;

import io.offerdesk.awsapi.internal.sigv4.SignatureClaim;
import io.offerdesk.platform.NulCharacters;
import io.offerdesk.platform.OfferdeskPrincipal;
import io.offerdesk.platform.SimulatorControls;
import io.offerdesk.shared.InvalidInput;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.cbor.CBORMapper;

/**
 * The single entry of the AWS-compatible API: JSON-RPC calls are dispatched by {@code X-Amz-Target}, Smithy RPC v2
 * CBOR calls by their path, and REST calls by the model's HTTP bindings, to the service's {@link AwsOperations};
 * anything else under {@code /aws} is an unknown operation, answered in the service's shape. Every failure becomes an
 * AWS error here, never a problem+json or an error page, so that the SDKs parse it. A fault the simulator set for
 * the caller's party (a modeled error such as ThrottlingException) answers before the operation runs.
 *
 * <p>A plain {@code @Controller}: the REST API's problem+json advice applies to {@code @RestController}s only.
 */
@Controller
class AwsEndpoint {

    private static final Logger log = LoggerFactory.getLogger(AwsEndpoint.class);
    /** The verbs AWS names its reads with, alone and in their Batch forms (BatchDescribeEntities). */
    private static final Pattern READ_VERBS = Pattern.compile("(Batch)?(Describe|Get|List|Search)[A-Z]");

    private final Map<AwsService, AwsOperations> services;
    private final AwsResponses responses;
    private final RestJsonRoutes routes;
    private final JsonMapper json;
    private final CBORMapper cbor = CBORMapper.shared();
    private final SimulatorControls simulator;
    private final ModeledFaults faults;

    AwsEndpoint(
            List<AwsOperations> operations,
            AwsResponses responses,
            RestJsonRoutes routes,
            JsonMapper json,
            SimulatorControls simulator,
            ModeledFaults faults) {
        this.services = operations.stream().collect(Collectors.toMap(AwsOperations::service, Function.identity()));
        this.responses = responses;
        this.routes = routes;
        this.json = json;
        this.simulator = simulator;
        this.faults = faults;
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
        var prefix = service.targetPrefix() + ".";
        var name = target != null && target.startsWith(prefix) ? target.substring(prefix.length()) : "";
        try {
            responses.result(
                    response,
                    service.protocol(),
                    dispatch(caller, request, service, name, String.valueOf(target), document(request, json)));
        } catch (AwsError error) {
            responses.error(response, service.protocol(), error);
        }
    }

    /**
     * Smithy RPC v2 CBOR calls, for services whose model lists that protocol: the operation is named by the path (the
     * service segment is the JSON protocol's target prefix, which is the Smithy service's name), the body is CBOR.
     */
    @PostMapping("/aws/{service}/service/{smithyService}/operation/{operation}")
    void callCbor(
            OfferdeskPrincipal caller,
            @PathVariable String smithyService,
            @PathVariable String operation,
            HttpServletRequest request,
            HttpServletResponse response)
            throws IOException {
        var service = AwsService.forPath(request.getRequestURI()).orElse(null);
        if (service == null || !service.speaksCbor()) {
            unknown(request, response);
            return;
        }
        var protocol = AwsProtocol.RPC_V2_CBOR;
        try {
            if (!smithyService.equals(service.targetPrefix())) {
                throw AwsError.unknownOperation(
                        "Service " + smithyService + " is not known to " + service.botocoreName() + " on Offerdesk.");
            }
            responses.result(
                    response,
                    protocol,
                    dispatch(
                            caller,
                            request,
                            service,
                            operation,
                            smithyService + "." + operation,
                            document(request, cbor)));
        } catch (AwsError error) {
            responses.error(response, protocol, error);
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
                    document(request, json).get());
            var operation =
                    routed.map(r -> operations.operations().get(r.operation())).orElse(null);
            if (operation == null) {
                unknown(request, response);
                return;
            }
            var input = routed.get().input();
            var result = invoke(caller, request, operations, routed.get().operation(), operation, () -> input);
            responses.result(response, service.protocol(), result);
        } catch (AwsError error) {
            responses.error(response, service.protocol(), operations.onWire(error));
        }
    }

    private JsonNode dispatch(
            OfferdeskPrincipal caller,
            HttpServletRequest request,
            AwsService service,
            String name,
            String target,
            Supplier<JsonNode> document) {
        var operations = services.get(service);
        var operation = operations == null ? null : operations.operations().get(name);
        if (operations == null || operation == null) {
            throw AwsError.unknownOperation(
                    "Operation " + target + " is not known to " + service.botocoreName() + " on Offerdesk.");
        }
        return invoke(caller, request, operations, name, operation, document);
    }

    /**
     * Runs the operation, after the fault the simulator set for it; an operation with effects first claims the
     * request's signature, so that the same signed request sent again is refused as a replay.
     */
    private JsonNode invoke(
            OfferdeskPrincipal caller,
            HttpServletRequest request,
            AwsOperations operations,
            String name,
            AwsOperations.Operation operation,
            Supplier<JsonNode> document) {
        var service = operations.service();
        var fault = simulator.fault(caller.partyId(), service.botocoreName(), name);
        if (fault.isPresent()) {
            throw faults.error(service, fault.get());
        }
        var parsed = document.get();
        var nul = pathOfNul(parsed, "");
        if (nul != null) {
            // PostgreSQL keeps no NUL in text: refused here, where the member can still be named
            throw operations.translate(name, new InvalidInput(nul, NulCharacters.MESSAGE_KEY));
        }
        var input = AwsInput.of(parsed);
        if (!reads(name)) {
            SignatureClaim.of(request).ifPresent(SignatureClaim::claim);
        }
        try {
            return operation.call(caller, input);
        } catch (AwsError error) {
            throw operations.onWire(error);
        } catch (RuntimeException failure) {
            var error = operations.translate(name, failure);
            if (error.status() >= 500) {
                log.error("Server fault in {}.{}", service.botocoreName(), name, failure);
            }
            throw error;
        }
    }

    /** The path of the first member name or text value with a NUL character in it, if any. */
    private static @Nullable String pathOfNul(JsonNode node, String path) {
        if (node.isString()) {
            return node.asString().indexOf('\0') >= 0 ? path : null;
        }
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                var found = pathOfNul(node.get(i), path + "[" + i + "]");
                if (found != null) {
                    return found;
                }
            }
        } else if (node.isObject()) {
            for (var member : node.properties()) {
                var memberPath = path.isEmpty() ? member.getKey() : path + "." + member.getKey();
                var found = member.getKey().indexOf('\0') >= 0 ? memberPath : pathOfNul(member.getValue(), memberPath);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    /** Whether the operation only reads: such a request may be sent again, every other one is accepted once. */
    private static boolean reads(String operation) {
        return READ_VERBS.matcher(operation).lookingAt();
    }

    private void unknown(HttpServletRequest request, HttpServletResponse response) throws IOException {
        var protocol = AwsService.protocolFor(request.getRequestURI());
        responses.error(
                response,
                protocol,
                new AwsError(
                        "UnknownOperationException",
                        protocol.rpc() ? 400 : 404,
                        "No operation " + request.getMethod() + " " + request.getRequestURI() + " on Offerdesk."));
    }

    /** The request's input document in the protocol's format (the body was read ahead, so this cannot block). */
    private static Supplier<JsonNode> document(HttpServletRequest request, ObjectMapper format) throws IOException {
        var body = request.getInputStream().readAllBytes();
        return () -> {
            if (body.length == 0) {
                return format.createObjectNode();
            }
            try {
                return format.readTree(body);
            } catch (JacksonException unreadable) {
                throw AwsError.serialization("The request body is not valid "
                        + format.tokenStreamFactory().getFormatName() + ": " + unreadable.getOriginalMessage());
            }
        };
    }
}
