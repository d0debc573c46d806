package org.vetbill.supply;

import java.time.Instant;
import java.util.Optional;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vetbill.shared.Caller;
import org.vetbill.shared.error.BusinessError;
import org.vetbill.shared.error.Facts;
import org.vetbill.shared.error.InvalidInput;
import org.vetbill.shared.error.RuleViolation;
import org.vetbill.shared.web.ApiError;
import org.vetbill.shared.web.ErrorCatalogs;
import org.vetbill.supply.ConnectSources.Claimed;
import org.vetbill.supply.ConnectSources.SourceKey;
import org.vetbill.supply.SupplierInvoices.Saved;
import org.vetbill.supply.domain.SupplierInvoiceDetails;

import org.springframework.stereotype.Service;

/**
 * Imports a supplier's invoices from its Connect endpoint: asks for the invoices changed
 * since the last successful poll, reads each, and stores it once by its number (a changed
 * invoice is updated, an unchanged one left alone), which also marks the lines of its
 * order received. A poll that fails (the endpoint unreachable or answering an error, or
 * an invoice vetbill cannot store) keeps what it stored, reports the error on the source
 * and is retried after a back-off, from the same point.
 */
@Service
public class ConnectImporter {

	private static final Logger log = LoggerFactory.getLogger(ConnectImporter.class);

	private final ConnectSources sources;

	private final SupplierInvoices invoices;

	private final ConnectFeed feed;

	private final ErrorCatalogs catalogs;

	ConnectImporter(ConnectSources sources, SupplierInvoices invoices, ConnectFeed feed, ErrorCatalogs catalogs) {
		this.sources = sources;
		this.invoices = invoices;
		this.feed = feed;
		this.catalogs = catalogs;
	}

	/**
	 * Polls a supplier's source now, at a user's request (still never sooner than the
	 * poll interval after the last poll).
	 * @param caller the caller
	 * @param supplierId the supplier
	 * @return what the poll did
	 * @throws RuleViolation when the source was polled too recently or is being polled
	 */
	public ImportRun importNow(Caller caller, long supplierId) {
		ConnectSourceStatus status = this.sources.status(caller, supplierId);
		Optional<Claimed> poll = this.sources.claim(new SourceKey(caller.organizationId(), supplierId), false);
		if (poll.isEmpty()) {
			throw new RuleViolation("connect_poll_too_soon", null, (status.lastPoll() != null) ? null : "first_poll",
					Facts.of("lastPoll", status.lastPoll(), "nextPoll", status.nextPoll()));
		}
		return run(poll.get());
	}

	/**
	 * Polls every source that is due and that no other node polls.
	 * @return how many sources were polled
	 */
	public int pollDue() {
		int polled = 0;
		for (SourceKey key : this.sources.due()) {
			Optional<Claimed> poll = this.sources.claim(key, true);
			if (poll.isPresent()) {
				run(poll.get());
				polled++;
			}
		}
		return polled;
	}

	private ImportRun run(Claimed poll) {
		Caller caller = Caller.system(poll.key().organizationId(), "connect-import");
		int imported = 0;
		int updated = 0;
		int unchanged = 0;
		int listed = 0;
		@Nullable Long current = null;
		try {
			var summaries = this.feed.invoices(poll.source(), poll.updatedAfter());
			listed = summaries.size();
			for (InvoiceSummary summary : summaries) {
				current = summary.invoiceNumber();
				SupplierInvoiceDetails invoice = this.feed.invoice(poll.source(), summary.invoiceNumber());
				Saved saved = this.invoices.saveImported(caller, poll.key().supplierId(), invoice);
				switch (saved) {
					case IMPORTED -> imported++;
					case UPDATED -> updated++;
					case UNCHANGED -> unchanged++;
				}
			}
		}
		catch (ConnectFeed.FeedFailure | InvalidInput ex) {
			String error = ((current != null) ? "invoice " + current + ": " : "")
					+ ((ex instanceof InvalidInput invalid) ? words(invalid) : ex.getMessage());
			Instant next = this.sources.failed(poll, error);
			log.warn("Connect import for organization {} supplier {} failed, next try at {}: {}",
					poll.key().organizationId(), poll.key().supplierId(), next, error);
			return new ImportRun(listed, imported, updated, unchanged, error, next);
		}
		catch (RuntimeException ex) {
			this.sources.failed(poll, "vetbill could not import: "
					+ ((ex instanceof BusinessError error) ? error.getClass().getName() + ": " + words(error) : ex));
			throw ex;
		}
		Instant next = this.sources.succeeded(poll);
		return new ImportRun(listed, imported, updated, unchanged, null, next);
	}

	/**
	 * An error as the source's status shows it to the buying organization's users: worded
	 * in the default wording, each wrong field as {@code field: message}.
	 */
	private String words(BusinessError error) {
		ApiError worded = this.catalogs.defaults().apiError(error);
		if (worded.errors().isEmpty()) {
			return worded.detail();
		}
		return worded.errors()
			.stream()
			.map((field) -> field.field() + ": " + field.message())
			.collect(Collectors.joining("; "));
	}

}
