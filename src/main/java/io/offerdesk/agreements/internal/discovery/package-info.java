/**
 * Buyer discovery's native REST API ({@code /api/v1/buyer/listings}, {@code /api/v1/buyer/products},
 * {@code /api/v1/buyer/offers/{id}/terms}) and pages ({@code /buyer/discover}, {@code /buyer/products/{id}}), over
 * {@link io.offerdesk.agreements.Discovery}. The JSON carries what the AWS Discovery API's answers carry, in the native
 * API's conventions, so the AWS adapter only renames.
 */
@NullMarked
package io.offerdesk.agreements.internal.discovery;

import org.jspecify.annotations.NullMarked;
