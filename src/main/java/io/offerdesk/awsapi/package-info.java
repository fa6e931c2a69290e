/**
 * The AWS-compatible facade: the wire formats, SigV4 verification and error shapes of the AWS Marketplace APIs,
 * translated to the module APIs; it owns no data.
 *
 * <p>Every request under {@code /aws/<service>} is authenticated by its SigV4 signature (service {@code
 * aws-marketplace}, real time, a signature accepted once) with an access key from {@code parties}, and then acts as
 * the key's user, as a bearer API key does. Responses carry {@code x-amzn-RequestId}; errors take the shape of the
 * service's protocol (restJson1, awsJson 1.0/1.1) so that boto3 and the AWS CLI raise the modeled exceptions. Built
 * so far: the Metering Service ({@code /aws/metering}) on the {@code metering} module; the Catalog API
 * ({@code /aws/catalog}, restJson1, routed by the model's HTTP bindings) on {@code changesets}, {@code offers},
 * {@code resale} and {@code governance} (experiences); the Agreement Service ({@code /aws/agreement}) on the {@code agreements} and {@code invoicing}
 * modules; and the Entitlement Service ({@code /aws/entitlement}, awsJson 1.1 and Smithy RPC v2 CBOR) on the
 * {@code agreements} entitlements; and the Discovery API ({@code /aws/discovery}, restJson1) on the buyer's view in
 * {@code agreements.Discovery}.
 */
@ApplicationModule(
        displayName = "AWS-compatible API",
        allowedDependencies = {
            "platform",
            "parties",
            "catalog",
            "metering",
            "changesets",
            "offers",
            "resale",
            "agreements",
            "invoicing",
            "governance"
        })
@NullMarked
package io.offerdesk.awsapi;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
