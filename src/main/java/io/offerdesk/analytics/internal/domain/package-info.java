@NullMarked
package io.offerdesk.analytics.internal.domain;

import org.jspecify.annotations.NullMarked;
