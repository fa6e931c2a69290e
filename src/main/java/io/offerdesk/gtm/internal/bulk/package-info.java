/**
 * Bulk offers: reading the files, the uploads and rows in the database, and the background worker that validates and
 * creates each row through the change-set engine.
 */
@NullMarked
package io.offerdesk.gtm.internal.bulk;

import org.jspecify.annotations.NullMarked;
