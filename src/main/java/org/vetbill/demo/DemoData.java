package org.vetbill.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Random;

import org.jspecify.annotations.Nullable;
import org.vetbill.clinic.Clients;
import org.vetbill.clinic.Consultations;
import org.vetbill.clinic.Departments;
import org.vetbill.clinic.Items;
import org.vetbill.clinic.Organization;
import org.vetbill.clinic.Organizations;
import org.vetbill.clinic.Patients;
import org.vetbill.clinic.VatGroups;
import org.vetbill.clinic.domain.ChargedItem;
import org.vetbill.clinic.domain.ClientDetails;
import org.vetbill.clinic.domain.DepartmentDetails;
import org.vetbill.clinic.domain.DepartmentSettings;
import org.vetbill.clinic.domain.ItemDetails;
import org.vetbill.clinic.domain.ItemType;
import org.vetbill.clinic.domain.NewConsultation;
import org.vetbill.clinic.domain.OrganizationSettings;
import org.vetbill.clinic.domain.PatientDetails;
import org.vetbill.clinic.domain.ReferenceNumberFormat;
import org.vetbill.clinic.domain.VatGroupDetails;
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
import org.vetbill.security.ApiTokens;
import org.vetbill.security.Credentials;
import org.vetbill.shared.Caller;

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

	private final VatGroups vatGroups;

	private final Items items;

	private final Clients clients;

	private final Patients patients;

	private final Consultations consultations;

	private final Invoices invoices;

	private final InvoiceLifecycle lifecycle;

	private final InvoiceQueries queries;

	private final Credentials credentials;

	private final TransactionTemplate transactions;

	private final Payments payments;

	private final Prepayments prepayments;

	private final CreditNotes creditNotes;

	private final Clock clock;

	DemoData(Organizations organizations, Departments departments, VatGroups vatGroups, Items items, Clients clients,
			Patients patients, Consultations consultations, Invoices invoices, InvoiceLifecycle lifecycle,
			InvoiceQueries queries, Credentials credentials, Payments payments, Prepayments prepayments,
			CreditNotes creditNotes, TransactionTemplate transactions, Clock clock) {
		this.payments = payments;
		this.prepayments = prepayments;
		this.creditNotes = creditNotes;
		this.organizations = organizations;
		this.departments = departments;
		this.vatGroups = vatGroups;
		this.items = items;
		this.clients = clients;
		this.patients = patients;
		this.consultations = consultations;
		this.invoices = invoices;
		this.lifecycle = lifecycle;
		this.queries = queries;
		this.credentials = credentials;
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

	private record ClientRef(long id, List<Long> patients) {
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
			credentials();
			long helsinki = DemoData.this.departments
				.create(this.caller, new DepartmentDetails("Helsinki Central Clinic", "HKI", false))
				.id();
			long tampere = DemoData.this.departments
				.create(this.caller, new DepartmentDetails("Tampere Animal Hospital", "TRE", false))
				.id();
			catalog();
			clientsAndPatients(helsinki);
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

		private void credentials() {
			DemoData.this.credentials
				.createApiClient(
						this.caller, new Credentials.NewApiClient("ERP (Business Central)",
								DemoCredentials.ERP_CLIENT_ID, List.of("read", "billing")),
						DemoCredentials.ERP_CLIENT_SECRET);
			DemoData.this.credentials.createApiClient(this.caller,
					new Credentials.NewApiClient("Clinic mobile app", DemoCredentials.APP_CLIENT_ID,
							List.of("read", "billing"), List.of(DemoCredentials.APP_REDIRECT_URI), true));
			DemoData.this.credentials.createUser(this.caller, new Credentials.NewUser(DemoCredentials.FRONT_DESK_USER,
					"Front desk", DemoCredentials.FRONT_DESK_PASSWORD, List.of("read", "billing")));
			DemoData.this.credentials.createUser(this.caller, new Credentials.NewUser(DemoCredentials.MANAGER_USER,
					"Clinic manager", DemoCredentials.MANAGER_PASSWORD, List.of("read", "billing", "settings")));
			DemoData.this.credentials.createApiToken(this.caller,
					new ApiTokens.NewApiToken("Legacy reporting tool", List.of("read")), DemoCredentials.LEGACY_TOKEN);
		}

		private void catalog() {
			long general = vat("25.5%", "25.5", "2939");
			long food = vat("14%", "14", "2934");
			long medicine = vat("10%", "10", "2931");
			Object[][] catalog = { { "C100", "Consultation", "62.00", general, "3000", "CLINIC", "SMALL" },
					{ "C110", "Follow-up visit", "38.00", general, "3000", "CLINIC", "SMALL" },
					{ "C120", "Emergency consultation", "120.00", general, "3000", "CLINIC", "SMALL" },
					{ "C130", "Home call", "95.00", general, "3000", "CLINIC", "SMALL" },
					{ "C140", "Equine consultation", "110.00", general, "3000", "CLINIC", "EQUINE" },
					{ "V200", "Rabies vaccination", "34.50", general, "3010", "CLINIC", "SMALL" },
					{ "V210", "Combination vaccination (DHPPi)", "42.00", general, "3010", "CLINIC", "SMALL" },
					{ "V220", "Feline vaccination (RCP)", "39.00", general, "3010", "CLINIC", "SMALL" },
					{ "S300", "Castration, cat", "145.00", general, "3020", "SURGERY", "SMALL" },
					{ "S310", "Spay, dog", "420.00", general, "3020", "SURGERY", "SMALL" },
					{ "S320", "Dental cleaning", "260.00", general, "3020", "SURGERY", "SMALL" },
					{ "S330", "Tooth extraction", "58.00", general, "3020", "SURGERY", "SMALL" },
					{ "S340", "Anaesthesia, per 15 min", "36.00", general, "3020", "SURGERY", "SMALL" },
					{ "S350", "Wound suture", "88.00", general, "3020", "SURGERY", "SMALL" },
					{ "L400", "Blood panel", "96.00", general, "3030", "LAB", "SMALL" },
					{ "L410", "Urinalysis", "44.00", general, "3030", "LAB", "SMALL" },
					{ "L420", "Faecal examination", "29.00", general, "3030", "LAB", "SMALL" },
					{ "L430", "X-ray, first image", "85.00", general, "3030", "IMAGING", "SMALL" },
					{ "L440", "Ultrasound", "140.00", general, "3030", "IMAGING", "SMALL" },
					{ "M500", "Amoxicillin 250 mg, tablet", "0.8500", medicine, "3100", "PHARMACY", "SMALL" },
					{ "M510", "Meloxicam oral suspension, ml", "0.4200", medicine, "3100", "PHARMACY", "SMALL" },
					{ "M520", "Deworming tablet", "6.90", medicine, "3100", "PHARMACY", "SMALL" },
					{ "M530", "Flea and tick spot-on", "18.50", medicine, "3100", "PHARMACY", "SMALL" },
					{ "M540", "Ear drops, 15 ml", "21.00", medicine, "3100", "PHARMACY", "SMALL" },
					{ "M550", "Insulin, IU", "0.0450", medicine, "3100", "PHARMACY", "SMALL" },
					{ "M560", "Equine dewormer paste", "24.00", medicine, "3100", "PHARMACY", "EQUINE" },
					{ "F600", "Renal diet, 2 kg", "29.90", food, "3200", "SHOP", "SMALL" },
					{ "F610", "Puppy food, 3 kg", "36.50", food, "3200", "SHOP", "SMALL" },
					{ "F620", "Hypoallergenic diet, 1.5 kg", "27.40", food, "3200", "SHOP", "SMALL" },
					{ "P700", "Collar, medium", "14.90", general, "3210", "SHOP", "SMALL" },
					{ "P710", "Microchip and registration", "45.00", general, "3010", "CLINIC", "SMALL" },
					{ "P720", "Cremation, small animal", "165.00", general, "3300", "CLINIC", "SMALL" },
					{ "P730", "Boarding, per night", "32.00", general, "3310", "BOARDING", "SMALL" },
					{ "P740", "Invoicing fee", "5.00", general, "3400", "ADMIN", null } };
			for (Object[] row : catalog) {
				String code = (String) row[0];
				long id = DemoData.this.items
					.create(this.caller, new ItemDetails(code, (String) row[1], new BigDecimal((String) row[2]),
							(Long) row[3], (String) row[4], "9" + ((String) row[4]).substring(1), (String) row[5],
							(String) row[6], code.startsWith("S") ? "SURGERY-PROGRAMME" : null, "INT-" + row[5], null,
							false, (code.startsWith("M") ? ItemType.MEDICINE : ItemType.PROCEDURE).code()))
					.id();
				this.itemIds.add(id);
				if (code.startsWith("M")) {
					this.medicines.add(id);
				}
			}
		}

		private long vat(String title, String percentage, String account) {
			return DemoData.this.vatGroups
				.create(this.caller, new VatGroupDetails(title, new BigDecimal(percentage), account, false))
				.id();
		}

		private void clientsAndPatients(long homeDepartment) {
			String[] first = { "Anna", "Mikko", "Laura", "Juha", "Sanna", "Pekka", "Emilia", "Jari", "Aino", "Timo",
					"Helmi", "Ville", "Noora", "Kari", "Elina", "Oskari", "Sofia", "Matti", "Iida", "Antti", "Veera",
					"Lauri", "Maija", "Eero" };
			String[] last = { "Virtanen", "Korhonen", "Mäkinen", "Nieminen", "Mäkelä", "Hämäläinen", "Laine",
					"Heikkinen", "Koskinen", "Järvinen", "Lehtonen", "Lehtinen", "Saarinen", "Salminen", "Heinonen",
					"Niemi", "Heikkilä", "Kinnunen", "Salonen", "Turunen", "Salo", "Laitinen", "Tuominen", "Rantanen" };
			String[] streets = { "Mannerheimintie", "Hämeenkatu", "Aleksanterinkatu", "Satakunnankatu",
					"Itäinen Pitkäkatu", "Kauppakatu" };
			String[] cities = { "Helsinki", "Espoo", "Vantaa", "Tampere", "Nokia", "Kangasala" };
			String[] zips = { "00100", "02100", "01300", "33100", "37100", "36200" };
			for (int i = 0; i < first.length; i++) {
				int city = i % cities.length;
				client(new ClientDetails(0, first[i], last[i], null, null, null, streets[city] + " " + (i + 3),
						(i % 4 == 0) ? "A " + (i + 1) : null, zips[city], cities[city], null, "FI",
						first[i].toLowerCase(java.util.Locale.ROOT) + "@example.fi", (i % 5 == 0) ? 30 : null,
						homeDepartment, false), 1 + i % 3);
			}
			client(new ClientDetails(1, "Katja", "Lind", "Ratsutalli Lind Oy", null, "2345678-9", "Tallitie 4", null,
					"36200", "Kangasala", null, "FI", "talli@example.fi", 30, null, false), 3);
			client(new ClientDetails(1, null, null, "Koirahoitola Hauva Oy", null, "3456789-0", "Puistokatu 12", null,
					"33200", "Tampere", null, "FI", "info@example.fi", 21, null, false), 2);
			client(new ClientDetails(1, "Petri", "Aalto", "Kennel Aalto Ay", null, "4567890-1", "Metsätie 7", null,
					"04400", "Järvenpää", null, "FI", null, null, null, false), 2);
			client(new ClientDetails(1, null, null, "Eläinkauppa Karvakamu Oy", null, "5678901-2", "Kauppakatu 3", null,
					"00120", "Helsinki", null, "FI", null, 14, null, false), 0);
			client(new ClientDetails(2, "Jonas", "Weber", "Tierklinik am See GmbH", "DE123456789", "HRB 44552",
					"Seestraße 8", null, "01067", "Dresden", "Saxony", "DE", "buchhaltung@example.de", 30, null, false),
					1);
			client(new ClientDetails(2, null, null, "Hundcentrum Stockholm AB", "SE556677889901", "556677-8899",
					"Storgatan 21", "Box 14", "11455", "Stockholm", null, "SE", null, 30, null, false), 1);
			client(new ClientDetails(2, "Kadri", "Tamm", "Loomakliinik OÜ", "EE101234567", "12345678", "Narva mnt 5",
					null, "10117", "Tallinn", null, "EE", null, 30, null, false), 0);
			client(new ClientDetails(3, null, null, "Helsingin Eläinsuojeluyhdistys ry", null, "123.456",
					"Kivikonkaari 7", null, "00940", "Helsinki", null, "FI", null, 30, null, false), 3);
			client(new ClientDetails(3, "Leena", "Koivu", "Kissojen Turvakoti ry", null, "234.567", "Rantatie 2", null,
					"33900", "Tampere", null, "FI", null, 30, null, false), 2);
			client(new ClientDetails(4, null, null, "Paws Rescue Trust", null, "1123456", "12 High Street", "Unit 3",
					"EH1 1YZ", "Edinburgh", "Scotland", "GB", null, 30, null, false), 1);
			client(new ClientDetails(4, "Oliver", "Hughes", "Greyhound Friends Charity", null, "1098765", "8 Mill Lane",
					null, "M1 2AB", "Manchester", null, "GB", null, 30, null, false), 1);
		}

		private void client(ClientDetails details, int patientCount) {
			long id = DemoData.this.clients.create(this.caller, details).id();
			String[] names = { "Musti", "Mirri", "Rekku", "Peppi", "Nalle", "Lumi", "Hertta", "Viiru", "Tessu", "Sulo",
					"Ronja", "Kaapo" };
			String[][] species = { { "Dog", "Finnish Lapphund" }, { "Cat", "European Shorthair" },
					{ "Dog", "Labrador Retriever" }, { "Rabbit", "Lionhead" }, { "Horse", "Finnhorse" },
					{ "Cat", "Maine Coon" } };
			List<Long> patientIds = new ArrayList<>();
			for (int p = 0; p < patientCount; p++) {
				String[] kind = species[this.random.nextInt(species.length)];
				patientIds.add(
						DemoData.this.patients
							.create(this.caller, new PatientDetails(id, names[this.random.nextInt(names.length)],
									kind[0], kind[1], LocalDate.of(2012 + this.random.nextInt(13),
											1 + this.random.nextInt(12), 1 + this.random.nextInt(28)),
									false))
							.id());
			}
			this.clientRefs.add(new ClientRef(id, patientIds));
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
				DemoData.this.payments.record(this.caller, new PaymentCommands.NewPayment(invoice.id(), type, amount,
						date.atTime(12 + this.random.nextInt(6), 0).atZone(organization.zone()).toInstant(), null));
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

}
