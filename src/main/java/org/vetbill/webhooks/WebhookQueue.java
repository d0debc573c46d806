package org.vetbill.webhooks;

import java.util.Collection;
import java.util.List;

import org.vetbill.clinic.Organizations;
import org.vetbill.shared.Caller;
import org.vetbill.shared.query.Counted;
import org.vetbill.shared.query.Criteria;
import org.vetbill.shared.query.Sort;
import org.vetbill.shared.query.OffsetPage;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The webhook queue, which is also the delivery log: every event queued for a webhook,
 * its attempts, the last answer and the next try.
 */
@Service
public class WebhookQueue {

	private final DeliveryStore deliveries;

	private final Organizations organizations;

	WebhookQueue(DeliveryStore deliveries, Organizations organizations) {
		this.deliveries = deliveries;
		this.organizations = organizations;
	}

	@Transactional(readOnly = true)
	public Counted<DeliveryView> search(Caller caller, Criteria criteria, List<Sort> order, OffsetPage page) {
		return this.deliveries.search(caller, criteria, this.organizations.get(caller.organizationId()).zone(), order,
				page);
	}

	@Transactional(readOnly = true)
	public List<DeliveryView> getAll(Caller caller, Collection<Long> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		return this.deliveries.getAll(caller, ids);
	}

	/**
	 * How many deliveries of every organization wait for an attempt (pending) or gave up
	 * (failed), for the metrics.
	 * @param failed whether to count the failed ones rather than the pending ones
	 * @return the number
	 */
	@Transactional(readOnly = true)
	public int count(boolean failed) {
		return this.deliveries.countInState(failed ? DeliveryView.FAILED : DeliveryView.PENDING);
	}

}
