package org.vetbill.metrics;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.List;
import java.util.Locale;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import org.vetbill.shared.Caller;
import org.vetbill.shared.events.Change;
import org.vetbill.shared.events.ChangeEvents;
import org.vetbill.shared.events.MoneyEvent;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Counts the money events the core announces, once their transaction has committed (a
 * rolled-back payment is not counted): one distribution summary
 * {@code vetbill_money_movements_cents} per kind, payment type and currency, whose
 * {@code _count} is how many and {@code _sum} how much, in the currency's minor unit.
 */
@Component
class MoneyMetrics implements ChangeEvents {

	static final String NAME = "vetbill.money.movements";

	private final MeterRegistry registry;

	MoneyMetrics(MeterRegistry registry) {
		this.registry = registry;
	}

	@Override
	public void changed(Caller caller, List<Change> changes) {
		// the records changed are the webhooks' business; only money is counted
	}

	@Override
	public void moneyMoved(Caller caller, MoneyEvent event) {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					count(event);
				}
			});
		}
		else {
			count(event);
		}
	}

	private void count(MoneyEvent event) {
		DistributionSummary.builder(NAME)
			.description("Money events: how many (_count) and how much (_sum, in the currency's minor unit)")
			.baseUnit("cents")
			.tag("kind", event.kind().name().toLowerCase(Locale.ROOT))
			.tag("payment_type", (event.paymentType() != null) ? String.valueOf(event.paymentType()) : "none")
			.tag("currency", event.currency())
			.register(this.registry)
			.record(minorUnits(event.amount(), event.currency()));
	}

	/**
	 * An amount in the currency's minor unit (cents), exact as a double up to 2^53.
	 */
	static double minorUnits(BigDecimal amount, String currency) {
		int digits = Math.max(0, Currency.getInstance(currency).getDefaultFractionDigits());
		return amount.movePointRight(digits).doubleValue();
	}

}
