/** Pure listing-fee rules: the schedule's versions, their validation and the fee an accepted agreement gets. */
@NullMarked
package io.offerdesk.disbursement.internal.fees.domain;

import org.jspecify.annotations.NullMarked;
