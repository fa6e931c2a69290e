/**
 * The pages' side of cancellations and payment requests: the fragments' model ({@link RequestViews}), the form posts
 * of both sides, and the buyer's inbox of requests waiting for a decision. Every action goes through the agreements'
 * services, so the pages decide nothing the REST API does not.
 */
@NullMarked
package io.offerdesk.agreements.internal.web.requests;

import org.jspecify.annotations.NullMarked;
