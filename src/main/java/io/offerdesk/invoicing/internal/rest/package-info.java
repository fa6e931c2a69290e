/**
 * Invoicing's REST API: invoicing runs and their progress, tax rates, buyers' billing profiles and invoice PDFs.
 */
@NullMarked
package io.offerdesk.invoicing.internal.rest;

import org.jspecify.annotations.NullMarked;
