/** Listing fees' REST API: the schedule's versions (the operator adds and withdraws them) and agreements' fees. */
@NullMarked
package io.offerdesk.disbursement.internal.fees.rest;

import org.jspecify.annotations.NullMarked;
