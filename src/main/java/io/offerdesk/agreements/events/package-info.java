/**
 * What happened to agreements, for other modules: acceptance with the whole accepted-terms snapshot (so billing never
 * reads agreement tables), charges falling due or being cancelled, and the end of an agreement.
 */
@NamedInterface("events")
@NullMarked
package io.offerdesk.agreements.events;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
