/** The pages of bulk offer uploads: upload, preview, submit, progress and result. */
@NullMarked
package io.offerdesk.gtm.internal.bulk.web;

import org.jspecify.annotations.NullMarked;
