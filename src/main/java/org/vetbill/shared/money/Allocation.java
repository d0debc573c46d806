package org.vetbill.shared.money;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Splits an amount over parts in proportion to their weights, to the exact cent: each
 * part gets the floor of its share, and the cents left over go one each to the parts with
 * the largest remainders (earlier parts first on equal remainders). The shares always add
 * up to the amount.
 */
public final class Allocation {

	private Allocation() {
	}

	/**
	 * Allocates a non-negative amount over non-negative weights.
	 * @param amount the amount to split
	 * @param weights the weights, in the same currency; at least one must be positive
	 * unless the amount is zero
	 * @return one share per weight, in order
	 */
	public static List<Money> proportionally(Money amount, List<Money> weights) {
		if (amount.isNegative()) {
			throw new IllegalArgumentException("cannot allocate a negative amount: " + amount);
		}
		BigInteger total = BigInteger.ZERO;
		for (Money weight : weights) {
			if (weight.isNegative()) {
				throw new IllegalArgumentException("cannot allocate over a negative weight: " + weight);
			}
			total = total.add(BigInteger.valueOf(weight.minorUnits()));
		}
		List<Money> shares = new ArrayList<>(weights.size());
		if (amount.isZero()) {
			weights.forEach((weight) -> shares.add(Money.zero(amount.currency())));
			return shares;
		}
		if (total.signum() == 0) {
			throw new IllegalArgumentException("cannot allocate " + amount + " over weights that are all zero");
		}
		BigInteger cents = BigInteger.valueOf(amount.minorUnits());
		List<BigInteger> remainders = new ArrayList<>(weights.size());
		long allocated = 0;
		for (Money weight : weights) {
			BigInteger[] division = cents.multiply(BigInteger.valueOf(weight.minorUnits())).divideAndRemainder(total);
			long share = division[0].longValueExact();
			allocated += share;
			shares.add(Money.ofMinorUnits(share, amount.currency()));
			remainders.add(division[1]);
		}
		long left = amount.minorUnits() - allocated;
		List<Integer> order = new ArrayList<>();
		for (int i = 0; i < weights.size(); i++) {
			order.add(i);
		}
		order.sort(Comparator.comparing((Integer i) -> remainders.get(i)).reversed().thenComparing((i) -> i));
		for (int k = 0; k < left; k++) {
			int index = order.get(k);
			shares.set(index, shares.get(index).plus(Money.ofMinorUnits(1, amount.currency())));
		}
		return shares;
	}

}
