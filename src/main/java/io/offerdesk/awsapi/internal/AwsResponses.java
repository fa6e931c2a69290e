package io.offerdesk.awsapi.internal;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.UUID;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.cbor.CBORMapper;

/**
 * Writes responses of the AWS-compatible API: the request id every response carries, results in the protocol's
 * content type, and errors in the shape each protocol's SDK parses into the modeled exception.
 */
@Component
public class AwsResponses {

    public static final String REQUEST_ID = "x-amzn-RequestId";
    public static final String ERROR_TYPE = "x-amzn-ErrorType";

    private final JsonMapper json;
    private final CBORMapper cbor = CBORMapper.shared();

    AwsResponses(JsonMapper json) {
        this.json = json;
    }

    /** Gives the response its request id, as the first thing that happens to a request under {@code /aws}. */
    public static void assignRequestId(HttpServletResponse response) {
        response.setHeader(REQUEST_ID, UUID.randomUUID().toString());
    }

    public void result(HttpServletResponse response, AwsProtocol protocol, JsonNode body) throws IOException {
        response.setStatus(200);
        write(response, protocol, body);
    }

    /**
     * restJson1: the code in {@code x-amzn-ErrorType}, the message as both {@code message} and {@code Message} (the
     * SDKs read either) beside the modeled members. awsJson and Smithy RPC v2 CBOR: the code as {@code __type} beside {@code message}.
     */
    public void error(HttpServletResponse response, AwsProtocol protocol, AwsError error) throws IOException {
        var body = json.createObjectNode();
        if (protocol.rpc()) {
            body.put("__type", error.code());
            body.put("message", error.message());
            error.members().forEach(body::set);
        } else {
            response.setHeader(ERROR_TYPE, error.code());
            body.put("message", error.message());
            body.put("Message", error.message());
            error.members().forEach(body::set);
        }
        response.setStatus(error.status());
        write(response, protocol, body);
    }

    private void write(HttpServletResponse response, AwsProtocol protocol, JsonNode body) throws IOException {
        response.setContentType(protocol.contentType());
        byte[] bytes;
        if (protocol == AwsProtocol.RPC_V2_CBOR) {
            response.setHeader(AwsProtocol.SMITHY_PROTOCOL, "rpc-v2-cbor");
            bytes = cbor.writeValueAsBytes(body);
        } else {
            bytes = json.writeValueAsBytes(body);
        }
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }
}
