/** AWS Signature Version 4 verification for the AWS-compatible API. */
@NullMarked
package io.offerdesk.awsapi.internal.sigv4;

import org.jspecify.annotations.NullMarked;
