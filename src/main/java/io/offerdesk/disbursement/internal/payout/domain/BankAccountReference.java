package io.offerdesk.disbursement.internal.payout.domain;

import java.math.BigInteger;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.joda.money.CurrencyUnit;

/**
 * The account a payee is paid into, as a reference checked for its form (never for its existence): an IBAN (ISO 13616:
 * country, check digits, up to 30 letters and digits, mod-97 check), which takes any currency as a SWIFT transfer, or
 * a US ACH account "routing-account" (9-digit ABA routing number with its checksum, 4 to 17 digits), which takes USD
 * only (reference §6.4). Shown masked: only its last four characters.
 */
public final class BankAccountReference {

    public static final int MAX_LENGTH = 34;

    private static final Pattern IBAN = Pattern.compile("[A-Z]{2}\\d{2}[A-Z0-9]{11,30}");
    private static final Pattern ACH = Pattern.compile("(\\d{9})-(\\d{4,17})");

    private BankAccountReference() {}

    /** The problem with the reference for a payout in {@code currency}, as a message key; empty when it is fine. */
    public static Optional<String> problem(String reference, CurrencyUnit currency) {
        var ach = ACH.matcher(reference);
        if (ach.matches()) {
            if (!abaChecksumHolds(ach.group(1))) {
                return Optional.of("disbursements.validation.routing");
            }
            return currency.equals(CurrencyUnit.USD)
                    ? Optional.empty()
                    : Optional.of("disbursements.validation.achUsdOnly");
        }
        if (IBAN.matcher(reference).matches() && reference.length() <= MAX_LENGTH) {
            return ibanChecksumHolds(reference) ? Optional.empty() : Optional.of("disbursements.validation.iban");
        }
        return Optional.of("disbursements.validation.bankAccount");
    }

    /** Upper case without spaces, as IBANs are written on paper in groups of four. */
    public static String normalized(String reference) {
        return reference.replace(" ", "").toUpperCase(Locale.ROOT);
    }

    /** "•••• 3000": enough to recognise the account, not enough to use it. */
    public static String masked(String reference) {
        return "•••• " + reference.substring(Math.max(0, reference.length() - 4));
    }

    private static boolean abaChecksumHolds(String routing) {
        int[] weights = {3, 7, 1, 3, 7, 1, 3, 7, 1};
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += weights[i] * (routing.charAt(i) - '0');
        }
        return sum % 10 == 0;
    }

    private static boolean ibanChecksumHolds(String iban) {
        var rearranged = iban.substring(4) + iban.substring(0, 4);
        var digits = new StringBuilder();
        for (char c : rearranged.toCharArray()) {
            digits.append(Character.isDigit(c) ? String.valueOf(c) : String.valueOf(c - 'A' + 10));
        }
        return new BigInteger(digits.toString()).mod(BigInteger.valueOf(97)).intValue() == 1;
    }
}
