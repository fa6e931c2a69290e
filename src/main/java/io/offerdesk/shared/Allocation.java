package io.offerdesk.shared;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import org.joda.money.Money;

/**
 * Splits an amount into parts in given proportions with one rounding step, the remainder going to a leg the caller
 * names: a collection split between seller, partner and fee, a payment between net and tax, a refund across the legs
 * it reverses.
 *
 * <p>Every part but the remainder leg's is {@code whole × weight / Σ weights}, rounded once, toward zero, to the
 * currency's minor unit; the remainder leg gets the whole minus the others. So the parts always sum to the whole
 * exactly, and no part has the opposite sign of the whole: rounding toward zero never hands out more than there is,
 * which rounding half up could (three legs of 0.015 each rounded to 0.02 would need 0.06 of a 0.05 whole). Each
 * rounded part is less than one minor unit short of its exact share; the remainder leg takes the shortfall, at most
 * one minor unit per other leg.
 *
 * <p>Name a leg with a positive weight as the remainder leg (e.g. {@link #largest(List)}) when a leg of weight zero
 * must get exactly zero.
 */
public final class Allocation {

    private Allocation() {}

    /**
     * Splits {@code whole} in proportion to {@code weights}.
     *
     * @param weights one per leg, none negative, not all zero; any scale
     * @param remainderLeg the index of the leg that gets what the rounding leaves
     * @return one part per weight, in the whole's currency, in the order of the weights
     * @throws IllegalArgumentException for no weights, a negative weight, weights that are all zero, or a remainder
     *     leg out of range
     */
    public static List<Money> split(Money whole, List<BigDecimal> weights, int remainderLeg) {
        if (weights.isEmpty()) {
            throw new IllegalArgumentException("An allocation needs at least one leg");
        }
        if (remainderLeg < 0 || remainderLeg >= weights.size()) {
            throw new IllegalArgumentException(
                    "Remainder leg " + remainderLeg + " is not one of the " + weights.size() + " legs");
        }
        var sum = BigDecimal.ZERO;
        for (var weight : weights) {
            if (weight.signum() < 0) {
                throw new IllegalArgumentException("Allocation weights are not negative: " + weights);
            }
            sum = sum.add(weight);
        }
        if (sum.signum() == 0) {
            throw new IllegalArgumentException("Allocation weights are not all zero");
        }
        var currency = whole.getCurrencyUnit();
        var scale = currency.getDecimalPlaces();
        var parts = new ArrayList<Money>(weights.size());
        var allocated = Money.zero(currency);
        for (int leg = 0; leg < weights.size(); leg++) {
            if (leg == remainderLeg) {
                parts.add(allocated); // replaced below, once the other legs are known
                continue;
            }
            var share = whole.getAmount().multiply(weights.get(leg)).divide(sum, scale, RoundingMode.DOWN);
            var part = Money.of(currency, share);
            parts.add(part);
            allocated = allocated.plus(part);
        }
        parts.set(remainderLeg, whole.minus(allocated));
        return List.copyOf(parts);
    }

    /**
     * Splits {@code whole} in the proportions of {@code parts}, e.g. a refund across the legs of the split it
     * reverses. The parts may be in any currency; only their amounts count.
     *
     * @see #split(Money, List, int)
     */
    public static List<Money> inProportionTo(Money whole, List<Money> parts, int remainderLeg) {
        return split(whole, parts.stream().map(Money::getAmount).toList(), remainderLeg);
    }

    /** The index of the largest weight, the first of equals: the usual remainder leg. */
    public static int largest(List<BigDecimal> weights) {
        if (weights.isEmpty()) {
            throw new IllegalArgumentException("No weights to choose from");
        }
        int largest = 0;
        for (int leg = 1; leg < weights.size(); leg++) {
            if (weights.get(leg).compareTo(weights.get(largest)) > 0) {
                largest = leg;
            }
        }
        return largest;
    }
}
