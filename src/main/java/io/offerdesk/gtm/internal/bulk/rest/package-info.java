/** The REST API of bulk offer uploads. */
@NullMarked
package io.offerdesk.gtm.internal.bulk.rest;

import org.jspecify.annotations.NullMarked;
