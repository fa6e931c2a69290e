/** Facts about disbursements and disbursement preferences, for the audit trail and for later modules (analytics). */
@NamedInterface("events")
@NullMarked
package io.offerdesk.disbursement.events;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
