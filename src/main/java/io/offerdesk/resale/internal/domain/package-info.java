/** The pure rules of resale authorizations: reading change documents, deciding changes, wholesale prices. */
@NullMarked
package io.offerdesk.resale.internal.domain;

import org.jspecify.annotations.NullMarked;
