package io.offerdesk.platform.internal.limits;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The largest request bodies {@code /api} reads ({@code offerdesk.request-limits.*}). {@code /aws} has its own bound,
 * {@code offerdesk.aws.max-request-bytes}.
 *
 * @param maxBodyBytes JSON and every other body that is not an upload; the largest document a client sends (a bulk
 *     change set) is far below it
 * @param maxUploadBytes uploads ({@code application/pdf}, {@code multipart/form-data}): above the largest EULA (10 MiB)
 *     and equal to {@code spring.servlet.multipart.max-request-size}, which bounds the parts of a multipart body
 */
@ConfigurationProperties("offerdesk.request-limits")
record BodySizeSettings(
        @DefaultValue("1048576") long maxBodyBytes,
        @DefaultValue("11534336") long maxUploadBytes) {}
