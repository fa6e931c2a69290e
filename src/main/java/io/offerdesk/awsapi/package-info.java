/**
 * The AWS-compatible facade: the wire formats, SigV4 verification and error shapes of the AWS Marketplace APIs, translated to the module APIs; it owns no data.
 *
 * <p>Reserved in the module map of DESIGN §2; its behaviour arrives with its issue.
 */
@ApplicationModule(
        displayName = "AWS-compatible API",
        allowedDependencies = {"platform", "parties", "catalog"})
@NullMarked
package io.offerdesk.awsapi;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
