/**
 * What happened to spend commitments and cost centers, for other modules (issue #9 will e-mail the milestone alerts):
 * contracts recorded and changed, milestones reached, headroom shared with a seller and revoked, the operator's product
 * eligibility flag changed, cost centers defined, renamed, assigned and mapped. Every one is audited.
 */
@NamedInterface("events")
@NullMarked
package io.offerdesk.commitments.events;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
