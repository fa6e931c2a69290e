package io.offerdesk.awsapi.internal;

import java.util.Arrays;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The AWS Marketplace services Offerdesk answers, each under {@code /aws/<path>}: the botocore model it follows, the
 * protocol of that model, and for the JSON-RPC protocols the {@code X-Amz-Target} prefix that names its operations.
 * Clients point {@code endpoint_url} (or {@code --endpoint-url}) at the service's path.
 */
public enum AwsService {
    CATALOG("catalog", "marketplace-catalog", AwsProtocol.REST_JSON_1, null),
    AGREEMENT("agreement", "marketplace-agreement", AwsProtocol.AWS_JSON_1_0, "AWSMPCommerceService_v20200301"),
    METERING("metering", "meteringmarketplace", AwsProtocol.AWS_JSON_1_1, "AWSMPMeteringService"),
    ENTITLEMENT("entitlement", "marketplace-entitlement", AwsProtocol.AWS_JSON_1_1, "AWSMPEntitlementService"),
    DISCOVERY("discovery", "marketplace-discovery", AwsProtocol.REST_JSON_1, null);

    public static final String PATH_PREFIX = "/aws/";

    private final String path;
    private final String botocoreName;
    private final AwsProtocol protocol;
    private final @Nullable String targetPrefix;

    AwsService(String path, String botocoreName, AwsProtocol protocol, @Nullable String targetPrefix) {
        this.path = path;
        this.botocoreName = botocoreName;
        this.protocol = protocol;
        this.targetPrefix = targetPrefix;
    }

    /** The service whose path the request path is under, if any. */
    public static Optional<AwsService> forPath(String requestPath) {
        if (!requestPath.startsWith(PATH_PREFIX)) {
            return Optional.empty();
        }
        var rest = requestPath.substring(PATH_PREFIX.length());
        var end = rest.indexOf('/');
        var name = end < 0 ? rest : rest.substring(0, end);
        return Arrays.stream(values()).filter(s -> s.path.equals(name)).findFirst();
    }

    /**
     * The protocol a request under {@code /aws} speaks, for answering it (errors included) in kind: Smithy RPC v2 CBOR
     * when it goes to {@code .../service/<service>/operation/<operation>} of a service whose model lists that
     * protocol, otherwise its service's protocol; restJson1 outside any service.
     */
    public static AwsProtocol protocolFor(String requestPath) {
        return forPath(requestPath)
                .map(service -> service.speaksCbor() && requestPath.contains("/service/")
                        ? AwsProtocol.RPC_V2_CBOR
                        : service.protocol())
                .orElse(AwsProtocol.REST_JSON_1);
    }

    /**
     * Whether the model lists smithy-rpc-v2-cbor beside the JSON protocol: boto3 picks by its own order (1.43 prefers
     * {@code json}), other SDKs may pick CBOR, so both are answered.
     */
    public boolean speaksCbor() {
        return this == ENTITLEMENT;
    }

    /** The segment after {@code /aws/}. */
    public String path() {
        return path;
    }

    /** The service's name in botocore ({@code boto3.client(<name>)}, the model's directory). */
    public String botocoreName() {
        return botocoreName;
    }

    public AwsProtocol protocol() {
        return protocol;
    }

    /** The {@code X-Amz-Target} prefix of a JSON-RPC service; absent for REST services. */
    public @Nullable String targetPrefix() {
        return targetPrefix;
    }
}
