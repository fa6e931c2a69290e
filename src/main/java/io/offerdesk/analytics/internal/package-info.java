@NullMarked
package io.offerdesk.analytics.internal;

import org.jspecify.annotations.NullMarked;
