@NullMarked
package io.offerdesk.analytics.internal.web;

import org.jspecify.annotations.NullMarked;
