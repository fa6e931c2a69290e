package io.offerdesk.awsapi.internal;

/**
 * The wire protocols of the AWS Marketplace APIs, as the botocore models name them ({@code metadata.protocol}): how
 * a request names its operation and how an error travels back so that the SDKs raise the modeled exception.
 */
public enum AwsProtocol {
    /** REST bindings; the error code in the {@code x-amzn-ErrorType} header, the message in the body. */
    REST_JSON_1("rest-json", "application/json"),
    /** {@code POST /} with {@code X-Amz-Target}; the error code as the body's {@code __type}. */
    AWS_JSON_1_0("json", "application/x-amz-json-1.0"),
    AWS_JSON_1_1("json", "application/x-amz-json-1.1"),
    /**
     * Smithy RPC v2 CBOR: {@code POST <endpoint>/service/<service>/operation/<operation>} with a CBOR body and the
     * header {@code smithy-protocol: rpc-v2-cbor}; the error code as the body's {@code __type}, timestamps as CBOR
     * tag 1 (epoch seconds).
     */
    RPC_V2_CBOR("smithy-rpc-v2-cbor", "application/cbor");

    /** The header every Smithy RPC v2 request and response carries, naming the protocol. */
    public static final String SMITHY_PROTOCOL = "smithy-protocol";

    private final String botocoreName;
    private final String contentType;

    AwsProtocol(String botocoreName, String contentType) {
        this.botocoreName = botocoreName;
        this.contentType = contentType;
    }

    /** The name of the protocol in a botocore model's {@code metadata.protocol}. */
    public String botocoreName() {
        return botocoreName;
    }

    public String contentType() {
        return contentType;
    }

    public boolean rpc() {
        return this != REST_JSON_1;
    }
}
