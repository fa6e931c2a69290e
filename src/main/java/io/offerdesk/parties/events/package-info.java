/** Facts about parties, accounts, users and keys, published for other modules and the audit trail. */
@NamedInterface("events")
@NullMarked
package io.offerdesk.parties.events;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
