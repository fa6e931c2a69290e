@NullMarked
package io.offerdesk.analytics.internal.rest;

import org.jspecify.annotations.NullMarked;
