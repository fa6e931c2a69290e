/** The pages of resale authorizations: the ISV's wizard, list and detail, and the channel partner's inbox. */
@NullMarked
package io.offerdesk.resale.internal.web;

import org.jspecify.annotations.NullMarked;
