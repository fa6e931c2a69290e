/** Listing fees: the operator's effective-dated schedule and the fee each agreement gets at acceptance (ADR 0019). */
@NullMarked
package io.offerdesk.disbursement.internal.fees;

import org.jspecify.annotations.NullMarked;
