package io.offerdesk.changesets;

import java.io.Serializable;

/**
 * A business rule a change broke, as AWS reports it in a change's {@code ErrorDetailList}.
 *
 * @param code an upper-snake code such as {@code MISSING_MANDATORY_TERMS}
 * @param message a sentence for the reader that names the field and the rule
 */
public record ChangeError(String code, String message) implements Serializable {}
