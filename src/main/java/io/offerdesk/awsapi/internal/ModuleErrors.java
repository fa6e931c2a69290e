package io.offerdesk.awsapi.internal;

import io.offerdesk.shared.FieldViolation;
import java.util.Optional;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Reads the modules' errors for the AWS error shapes: modules whose rules come from an AWS API use the modeled
 * exception's name as the message key ({@code metering.InvalidTagException}), so the name is the code and the
 * translated message is the message.
 */
@Component
public class ModuleErrors {

    private final MessageSource messages;

    ModuleErrors(MessageSource messages) {
        this.messages = messages;
    }

    /** The modeled exception a message key names, if it names one ({@code <bundle>.<Name>Exception}). */
    public static Optional<String> exceptionName(String messageKey) {
        var name = messageKey.substring(messageKey.indexOf('.') + 1);
        return name.endsWith("Exception") && !name.contains(".") ? Optional.of(name) : Optional.empty();
    }

    public String message(String key, Object... arguments) {
        return messages.getMessage(key, arguments, key, LocaleContextHolder.getLocale());
    }

    /** The violation as AWS words a field's error: where, then what. */
    public String message(FieldViolation violation) {
        return violation.field() + ": "
                + message(violation.code(), violation.arguments().toArray());
    }
}
