/** The native REST API of resale authorizations: the ISV's and the channel partner's side. */
@NullMarked
package io.offerdesk.resale.internal.rest;

import org.jspecify.annotations.NullMarked;
