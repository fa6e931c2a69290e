/**
 * Invoicing's pages: the operator's invoicing runs with their progress, tax rates and buyers' billing profiles, and a
 * buyer's own billing profile.
 */
@NullMarked
package io.offerdesk.invoicing.internal.web;

import org.jspecify.annotations.NullMarked;
