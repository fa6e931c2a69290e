package io.offerdesk.gtm;

/**
 * Why a row of a bulk upload cannot become an offer, or could not be released.
 *
 * @param column the file's column (or columns, joined by {@code +}) the broken rule is about; empty for the whole row
 * @param code the rule: a change-set error code such as {@code INVALID_AVAILABILITY_END_DATE}, or a validation message
 *     key such as {@code validation.pattern}
 * @param message a sentence naming the field and the rule, as the change-set engine words it
 */
public record BulkOfferError(String column, String code, String message) {}
