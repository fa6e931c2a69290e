package io.offerdesk.awsapi.internal;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * restJson1 routing read from the botocore model itself ({@code awsapi/models/<service>-*.service-2.json} on the
 * classpath): each operation's {@code http} binding (method and {@code requestUri}) names the operation, and the
 * input's {@code location}/{@code locationName} members say which query parameters and headers are members; every
 * other member is in the JSON body. The request becomes one input document with the modeled member names, read by
 * {@link AwsInput} exactly as a JSON-RPC document is. Any REST service whose model is on the classpath routes so
 * (Catalog now, Discovery next).
 */
@Component
public class RestJsonRoutes {

    /** A request matched to its operation: the operation's name and its input document. */
    public record Routed(String operation, ObjectNode input) {}

    private record Located(String member, String location, String wireName, String type) {}

    private record Route(String method, String path, String operation, List<Located> located) {}

    private final Map<AwsService, List<Route>> routes = new EnumMap<>(AwsService.class);
    private final JsonMapper json;

    RestJsonRoutes(JsonMapper json, BotocoreModels models) {
        this.json = json;
        for (var service : AwsService.values()) {
            if (!service.protocol().rpc()) {
                models.of(service).ifPresent(model -> routes.put(service, routes(model)));
            }
        }
    }

    /**
     * The operation the method and path (below the service's endpoint, e.g. {@code /DescribeEntity}) name, with the
     * query parameters and headers the model binds put into the body document under their member names.
     *
     * @param header a request header by name, null when absent
     */
    public Optional<Routed> route(
            AwsService service,
            String method,
            String path,
            Map<String, String[]> query,
            java.util.function.Function<String, String> header,
            JsonNode body) {
        for (var route : routes.getOrDefault(service, List.of())) {
            if (!route.method().equals(method) || !route.path().equals(path)) {
                continue;
            }
            if (!body.isObject()) {
                throw AwsError.serialization("The request body must be a JSON object.");
            }
            var input = ((ObjectNode) body).deepCopy();
            for (var member : route.located()) {
                if (member.location().equals("querystring")) {
                    var values = query.get(member.wireName());
                    if (values != null && values.length > 0) {
                        put(input, member, values);
                    }
                } else if (member.location().equals("header")) {
                    var value = header.apply(member.wireName());
                    if (value != null) {
                        put(input, member, new String[] {value});
                    }
                }
            }
            return Optional.of(new Routed(route.operation(), input));
        }
        return Optional.empty();
    }

    /** A bound value in the member's modeled type; a value that is not one is the SDK's serialization error. */
    private void put(ObjectNode input, Located member, String[] values) {
        switch (member.type()) {
            case "list" -> {
                var list = input.putArray(member.member());
                for (var value : values) {
                    list.add(value);
                }
            }
            case "integer", "long" -> {
                try {
                    input.put(member.member(), Long.parseLong(values[0]));
                } catch (NumberFormatException e) {
                    throw AwsError.serialization("Expected an integer for '" + member.wireName() + "'.");
                }
            }
            case "boolean" -> input.put(member.member(), Boolean.parseBoolean(values[0]));
            default -> input.put(member.member(), values[0]);
        }
    }

    private List<Route> routes(JsonNode model) {
        var found = new ArrayList<Route>();
        for (var operation : model.at("/operations").properties()) {
            var http = operation.getValue().at("/http");
            var located = new ArrayList<Located>();
            var input = operation.getValue().at("/input/shape");
            if (!input.isMissingNode()) {
                for (var member :
                        model.at("/shapes/" + input.asString() + "/members").properties()) {
                    var location = member.getValue().at("/location");
                    if (!location.isMissingNode()) {
                        var shape = member.getValue().at("/shape").asString();
                        located.add(new Located(
                                member.getKey(),
                                location.asString(),
                                member.getValue().at("/locationName").asString(member.getKey()),
                                model.at("/shapes/" + shape + "/type").asString()));
                    }
                }
            }
            found.add(new Route(
                    http.at("/method").asString(),
                    http.at("/requestUri").asString(),
                    operation.getKey(),
                    List.copyOf(located)));
        }
        return List.copyOf(found);
    }
}
