/** Facts about listing-fee schedules, disbursements and disbursement preferences, for the audit trail and later modules. */
@NamedInterface("events")
@NullMarked
package io.offerdesk.disbursement.events;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
