package io.offerdesk.platform.internal.limits;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The largest request body {@code /api} reads ({@code offerdesk.request-limits.max-body-bytes}); the largest JSON
 * document a client sends (a bulk change set) is far below it. Multipart uploads are bounded by {@code
 * spring.servlet.multipart.*}, {@code /aws} by {@code offerdesk.aws.max-request-bytes}.
 */
@ConfigurationProperties("offerdesk.request-limits")
record BodySizeSettings(@DefaultValue("1048576") long maxBodyBytes) {}
