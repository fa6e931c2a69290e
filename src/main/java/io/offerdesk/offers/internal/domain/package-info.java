/**
 * The offer's rules as pure functions: the shape of each change's {@code DetailsDocument} (checked synchronously when
 * a change set is started), the business rules that decide a change against the current offer (checked while the
 * change set is applied), and the offer's JSON for storage and for {@code DescribeEntity}. No framework, no database,
 * no clock: time, ids and the facts about the product arrive in an {@link
 * io.offerdesk.offers.internal.domain.OfferContext}.
 */
@NullMarked
package io.offerdesk.offers.internal.domain;

import org.jspecify.annotations.NullMarked;
