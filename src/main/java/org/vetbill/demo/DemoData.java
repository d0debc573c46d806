package org.vetbill.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Random;

import org.jspecify.annotations.Nullable;
import org.vetbill.clinic.Consultations;
import org.vetbill.clinic.Departments;
import org.vetbill.clinic.Organization;
import org.vetbill.clinic.Organizations;
import org.vetbill.clinic.domain.ChargedItem;
import org.vetbill.clinic.domain.DepartmentDetails;
import org.vetbill.clinic.domain.DepartmentSettings;
import org.vetbill.clinic.domain.NewConsultation;
import org.vetbill.clinic.domain.OrganizationSettings;
import org.vetbill.clinic.domain.ReferenceNumberFormat;
import org.vetbill.demo.DemoMasterData.ClientRef;
import org.vetbill.invoicing.InvoiceCommands;
import org.vetbill.invoicing.InvoiceQueries;
import org.vetbill.invoicing.CreditNotes;
import org.vetbill.invoicing.InvoiceView;
import org.vetbill.invoicing.InvoiceLifecycle;
import org.vetbill.invoicing.Invoices;
import org.vetbill.payments.PaymentCommands;
import org.vetbill.payments.Payments;
import org.vetbill.payments.PrepaymentView;
import org.vetbill.payments.Prepayments;
import org.vetbill.shared.Caller;
import org.vetbill.shared.time.Timestamps;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Creates the demo organization through the same use cases the APIs call, so every
 * invoice is numbered, referenced and audited as a real one. The data is the same on
 * every run (a fixed random seed), dated relative to today.
 */
@Component
public class DemoData {

	/** How many credit notes the demo holds, on top of its invoices. */
	static final int CREDIT_NOTES = 6;

	/** How many prepayments (deposits) the demo's clients made. */
	static final int PREPAYMENTS = 15;

	/** How many invoices the demo holds. */
	static final int INVOICES = 500;

	private final Organizations organizations;

	private final Departments departments;

	private final Consultations consultations;

	private final Invoices invoices;

	private final InvoiceLifecycle lifecycle;

	private final InvoiceQueries queries;

	private final TransactionTemplate transactions;

	private final Payments payments;

	private final Prepayments prepayments;

	private final CreditNotes creditNotes;

	private final Clock clock;

	private final DemoMasterData masterData;

	DemoData(Organizations organizations, Departments departments, DemoMasterData masterData,
			Consultations consultations, Invoices invoices, InvoiceLifecycle lifecycle, InvoiceQueries queries,
			Payments payments, Prepayments prepayments, CreditNotes creditNotes, TransactionTemplate transactions,
			Clock clock) {
		this.payments = payments;
		this.prepayments = prepayments;
		this.creditNotes = creditNotes;
		this.organizations = organizations;
		this.departments = departments;
		this.masterData = masterData;
		this.consultations = consultations;
		this.invoices = invoices;
		this.lifecycle = lifecycle;
		this.queries = queries;
		this.transactions = transactions;
		this.clock = clock;
	}

	/**
	 * Creates the demo organization unless it exists.
	 * @return true when it was created now
	 */
	public boolean load() {
		if (this.organizations.findByProvetId(DemoCredentials.PROVET_ID).isPresent()) {
			return false;
		}
		this.transactions.executeWithoutResult((status) -> new Builder().build());
		return true;
	}

	private record Planned(LocalDate date, Kind kind, boolean helsinki) {
	}

	private enum Kind {

		CONSULTATION, COUNTERSALE, ANONYMOUS_COUNTERSALE, DRAFT, VOIDED_DRAFT, VOIDED, INVOICING

	}

	/**
	 * One run of the demo builder.
	 */
	private final class Builder {

		private final Random random = new Random(20261121L);

		private final List<Long> itemIds = new ArrayList<>();

		private final List<Long> medicines = new ArrayList<>();

		private final List<ClientRef> clientRefs = new ArrayList<>();

		private Caller caller = Caller.system(0, "demo");

		void build() {
			Organization organization = DemoData.this.organizations.create(DemoCredentials.PROVET_ID,
					new OrganizationSettings("Vetbill Demo Animal Clinics", "EUR", "FI", "Europe/Helsinki",
							ReferenceNumberFormat.FINNISH, false, 14));
			this.caller = Caller.system(organization.id(), "demo");
			DemoData.this.masterData.access(this.caller);
			DemoData.this.masterData.seller(this.caller);
			long helsinki = DemoData.this.departments
				.create(this.caller, new DepartmentDetails("Helsinki Central Clinic", "HKI", false))
				.id();
			long tampere = DemoData.this.departments
				.create(this.caller, new DepartmentDetails("Tampere Animal Hospital", "TRE", false))
				.id();
			DemoMasterData.Catalogue catalogue = DemoData.this.masterData.catalogue(this.caller);
			this.itemIds.addAll(catalogue.items());
			this.medicines.addAll(catalogue.medicines());
			this.clientRefs.addAll(DemoData.this.masterData.clients(this.caller, helsinki, this.random));
			LocalDate today = organization.today(DemoData.this.clock);
			List<InvoiceView> finalized = new ArrayList<>();
			for (Planned planned : plan(today)) {
				Long id = invoice(planned, planned.helsinki() ? helsinki : tampere, today);
				if (id != null) {
					finalized.add(DemoData.this.queries.get(this.caller, id));
				}
			}
			money(organization, finalized, today);
			openConsultations(helsinki, tampere);
			DemoData.this.departments.updateSettings(this.caller, helsinki,
					DemoData.this.departments.get(this.caller, helsinki).version(),
					new DepartmentSettings(null, true, 5, true));
			DemoData.this.departments.updateSettings(this.caller, tampere,
					DemoData.this.departments.get(this.caller, tampere).version(),
					new DepartmentSettings(today.withDayOfMonth(1).minusMonths(2), false, null, false));
		}

		/**
		 * The invoices to create, in date order so that numbers grow with dates: about
		 * 500 over the last 18 months, drafts among the most recent.
		 */
		private List<Planned> plan(LocalDate today) {
			LocalDate start = today.minusMonths(18).plusDays(1);
			int days = (int) (today.toEpochDay() - start.toEpochDay());
			List<Planned> plan = new ArrayList<>();
			addPlanned(plan, Kind.CONSULTATION, 170, start, days);
			addPlanned(plan, Kind.COUNTERSALE, 150, start, days);
			addPlanned(plan, Kind.ANONYMOUS_COUNTERSALE, 60, start, days);
			addPlanned(plan, Kind.INVOICING, 35, start, days);
			addPlanned(plan, Kind.VOIDED, 15, start, days);
			addPlanned(plan, Kind.VOIDED_DRAFT, 10, today.minusDays(60), 60);
			addPlanned(plan, Kind.DRAFT, INVOICES - plan.size(), today.minusDays(45), 45);
			plan.sort(Comparator.comparing(Planned::date));
			return plan;
		}

		private void addPlanned(List<Planned> plan, Kind kind, int count, LocalDate from, int days) {
			for (int i = 0; i < count; i++) {
				plan.add(
						new Planned(from.plusDays(this.random.nextInt(days + 1)), kind, this.random.nextInt(100) < 65));
			}
		}

		/**
		 * Creates one planned invoice.
		 * @return the id of a finalized (status 3) invoice, else null
		 */
		private @Nullable Long invoice(Planned planned, long department, LocalDate today) {
			ClientRef client = this.clientRefs.get(this.random.nextInt(this.clientRefs.size()));
			InvoiceCommands.Finalize finalize = new InvoiceCommands.Finalize(planned.date(), null);
			switch (planned.kind()) {
				case CONSULTATION -> {
					Long patient = client.patients().isEmpty() ? null
							: client.patients().get(this.random.nextInt(client.patients().size()));
					long consultation = DemoData.this.consultations
						.create(this.caller, new NewConsultation(department, client.id(), patient, 1))
						.id();
					for (ChargedItem charge : charges(patient)) {
						DemoData.this.consultations.addItem(this.caller, consultation, charge);
					}
					return DemoData.this.lifecycle.finalizeConsultation(this.caller, consultation, finalize).id();
				}
				case COUNTERSALE -> {
					return DemoData.this.lifecycle.finalize(this.caller, draft(department, client, null), finalize)
						.id();
				}
				case ANONYMOUS_COUNTERSALE -> {
					return DemoData.this.lifecycle.finalize(this.caller, draft(department, null, null), finalize).id();
				}
				case INVOICING -> DemoData.this.lifecycle.finalize(this.caller, draft(department, client, null),
						new InvoiceCommands.Finalize(planned.date(), 4));
				case VOIDED -> {
					long id = draft(department, client, null);
					DemoData.this.lifecycle.finalize(this.caller, id, finalize);
					DemoData.this.lifecycle.voidInvoice(this.caller, id,
							new InvoiceCommands.Void("Issued to the wrong client"));
				}
				case VOIDED_DRAFT -> DemoData.this.lifecycle.voidInvoice(this.caller,
						draft(department, client, planned.date()), new InvoiceCommands.Void("Duplicate draft"));
				case DRAFT -> {
					long id = draft(department, (this.random.nextInt(10) == 0) ? null : client,
							this.random.nextBoolean() ? planned.date() : null);
					int status = this.random.nextInt(3);
					if (status > 0) {
						InvoiceView view = DemoData.this.queries.get(this.caller, id);
						InvoiceCommands.InvoiceChanges current = InvoiceCommands.InvoiceChanges.of(view);
						DemoData.this.invoices.update(this.caller, id, view.version(),
								new InvoiceCommands.InvoiceChanges(current.clientId(), status, current.invoiceDate(),
										current.invoiceDueDate(), current.remarks(), current.additionalReference(),
										current.discountAmount(), current.discountPercent()));
					}
				}
			}
			return null;
		}

		/**
		 * Pays most finalized invoices (counter sales at once, others within two weeks),
		 * some in part; credits a few recent paid ones and pays the overpayment out or
		 * moves it to the client's prepayments; records deposits, applies some and
		 * refunds one.
		 */
		private void money(Organization organization, List<InvoiceView> finalized, LocalDate today) {
			List<InvoiceView> unpaid = new ArrayList<>();
			List<InvoiceView> recentPaid = new ArrayList<>();
			for (InvoiceView invoice : finalized) {
				LocalDate date = Objects.requireNonNull(invoice.invoiceDate());
				int chance = this.random.nextInt(100);
				if (invoice.clientId() == null) {
					pay(organization, invoice, invoice.dueSum(), date, 0);
				}
				else if (date.isBefore(today.minusDays(7)) && chance < 75) {
					LocalDate paidOn = date.plusDays(this.random.nextInt(15));
					pay(organization, invoice, invoice.dueSum(), paidOn.isAfter(today) ? today : paidOn,
							this.random.nextInt(3));
					if (date.isAfter(today.minusDays(90))) {
						recentPaid.add(invoice);
					}
				}
				else if (chance < 85) {
					BigDecimal half = invoice.dueSum().divide(BigDecimal.TWO, 2, RoundingMode.DOWN);
					pay(organization, invoice, half, date, 1);
					unpaid.add(invoice);
				}
				else {
					unpaid.add(invoice);
				}
			}
			for (int i = 0; i < CREDIT_NOTES; i++) {
				InvoiceView invoice = recentPaid.get(i * 3);
				DemoData.this.creditNotes.refund(this.caller, invoice.id(),
						new InvoiceCommands.Refund(List.of(invoice.rows().get(invoice.rows().size() - 1).id()), false));
				if (i % 2 == 0) {
					DemoData.this.prepayments.moveOverpayment(this.caller, invoice.id());
				}
				else {
					DemoData.this.payments.payOut(this.caller, invoice.id(),
							new PaymentCommands.PayOut(1, "Refunded in cash at the desk"));
				}
			}
			for (int i = 0; i < PREPAYMENTS; i++) {
				ClientRef client = this.clientRefs.get(1 + i * 2);
				PrepaymentView deposit = DemoData.this.prepayments.create(this.caller,
						new PaymentCommands.NewPrepayment(unpaid.get(0).departmentId(), client.id(), i % 3,
								BigDecimal.valueOf(100 + 50 * this.random.nextInt(9)),
								"Deposit for a planned procedure", null));
				if (i == 0) {
					DemoData.this.prepayments.create(this.caller,
							new PaymentCommands.NewPrepayment(deposit.departmentId(), client.id(), 1,
									new BigDecimal("-50"), "Part of the deposit returned", deposit.id()));
				}
				unpaid.stream()
					.filter((invoice) -> client.id() == Objects.requireNonNullElse(invoice.clientId(), -1L))
					.findFirst()
					.ifPresent((invoice) -> DemoData.this.prepayments.apply(this.caller, invoice.id(),
							new PaymentCommands.ApplyPrepayment(deposit.id(), null)));
			}
		}

		private void pay(Organization organization, InvoiceView invoice, BigDecimal amount, LocalDate date, int type) {
			if (amount.signum() > 0) {
				Instant paidAt = paidAt(date, 12 + this.random.nextInt(6), organization.zone(),
						Timestamps.now(DemoData.this.clock));
				DemoData.this.payments.record(this.caller,
						new PaymentCommands.NewPayment(invoice.id(), type, amount, paidAt, null));
			}
		}

		private long draft(long department, @Nullable ClientRef client, @Nullable LocalDate date) {
			Long patient = (client == null || client.patients().isEmpty()) ? null
					: client.patients().get(this.random.nextInt(client.patients().size()));
			boolean discount = this.random.nextInt(20) == 0;
			return DemoData.this.invoices
				.createDraft(this.caller,
						new InvoiceCommands.NewInvoice(department, (client != null) ? client.id() : null, date, null,
								null, null, null, discount ? new BigDecimal("5") : null, charges(patient)))
				.id();
		}

		private List<ChargedItem> charges(@Nullable Long patient) {
			int rows = 1 + this.random.nextInt(4);
			List<ChargedItem> charges = new ArrayList<>();
			for (int r = 0; r < rows; r++) {
				boolean medicine = this.random.nextInt(3) == 0;
				long item = medicine ? this.medicines.get(this.random.nextInt(this.medicines.size()))
						: this.itemIds.get(this.random.nextInt(this.itemIds.size()));
				BigDecimal quantity = medicine ? BigDecimal.valueOf(5 + this.random.nextInt(60), 1)
						: BigDecimal.valueOf(1 + this.random.nextInt(2));
				BigDecimal change = (this.random.nextInt(8) == 0) ? new BigDecimal("-10") : null;
				charges.add(new ChargedItem(item, quantity, null, change, patient, null));
			}
			return charges;
		}

		private void openConsultations(long helsinki, long tampere) {
			for (int i = 0; i < 6; i++) {
				ClientRef client = this.clientRefs.get(i * 3);
				Long patient = client.patients().isEmpty() ? null : client.patients().get(0);
				long consultation = DemoData.this.consultations
					.create(this.caller,
							new NewConsultation((i % 2 == 0) ? helsinki : tampere, client.id(), patient, 1))
					.id();
				for (ChargedItem charge : charges(patient)) {
					DemoData.this.consultations.addItem(this.caller, consultation, charge);
				}
			}
		}

	}

	/**
	 * When a demo payment of a day was made: at an hour of the afternoon, but never later
	 * than now, since a payment cannot be dated ahead of the clock. The demo created
	 * before noon, its invoices of the day would otherwise be paid in the future.
	 * @param date the day
	 * @param hour the hour of the afternoon
	 * @param zone the organization's time zone
	 * @param now the clock's time
	 * @return the payment's time
	 */
	static Instant paidAt(LocalDate date, int hour, ZoneId zone, Instant now) {
		Instant paidAt = date.atTime(hour, 0).atZone(zone).toInstant();
		return paidAt.isAfter(now) ? now : paidAt;
	}

}
