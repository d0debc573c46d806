package org.vetbill.demo;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.vetbill.clinic.Clients;
import org.vetbill.clinic.InvoicingDetails;
import org.vetbill.clinic.Items;
import org.vetbill.clinic.Patients;
import org.vetbill.clinic.VatGroups;
import org.vetbill.clinic.domain.ClientDetails;
import org.vetbill.clinic.domain.ClientInvoicing;
import org.vetbill.clinic.domain.ItemDetails;
import org.vetbill.clinic.domain.ItemType;
import org.vetbill.clinic.domain.PatientDetails;
import org.vetbill.clinic.domain.SellerDetails;
import org.vetbill.clinic.domain.VatGroupDetails;
import org.vetbill.security.ApiTokens;
import org.vetbill.security.Credentials;
import org.vetbill.shared.Caller;

import org.springframework.stereotype.Component;

/**
 * The demo organization's master data: who may sign in, the price list, and the clients
 * with their patients, made through the same use cases as the APIs'.
 */
@Component
class DemoMasterData {

	private final Credentials credentials;

	private final VatGroups vatGroups;

	private final Items items;

	private final Clients clients;

	private final Patients patients;

	private final InvoicingDetails invoicing;

	DemoMasterData(Credentials credentials, VatGroups vatGroups, Items items, Clients clients, Patients patients,
			InvoicingDetails invoicing) {
		this.credentials = credentials;
		this.invoicing = invoicing;
		this.vatGroups = vatGroups;
		this.items = items;
		this.clients = clients;
		this.patients = patients;
	}

	/**
	 * A client of the demo and its patients.
	 *
	 * @param id the client
	 * @param patients its patients
	 */
	record ClientRef(long id, List<Long> patients) {
	}

	/**
	 * The price list's items.
	 *
	 * @param items every item
	 * @param medicines the medicines among them
	 */
	record Catalogue(List<Long> items, List<Long> medicines) {
	}

	/**
	 * The demo's API clients, users and legacy token (see {@link DemoCredentials}).
	 * @param caller the demo organization's system caller
	 */
	void access(Caller caller) {
		this.credentials.createApiClient(caller, new Credentials.NewApiClient("ERP (Business Central)",
				DemoCredentials.ERP_CLIENT_ID, List.of("read", "billing")), DemoCredentials.ERP_CLIENT_SECRET);
		this.credentials.createApiClient(caller,
				new Credentials.NewApiClient("Clinic mobile app", DemoCredentials.APP_CLIENT_ID,
						List.of("read", "billing"), List.of(DemoCredentials.APP_REDIRECT_URI), true));
		this.credentials.createUser(caller, new Credentials.NewUser(DemoCredentials.FRONT_DESK_USER, "Front desk",
				DemoCredentials.FRONT_DESK_PASSWORD, List.of("read", "billing")));
		this.credentials.createUser(caller, new Credentials.NewUser(DemoCredentials.MANAGER_USER, "Clinic manager",
				DemoCredentials.MANAGER_PASSWORD, List.of("read", "billing", "settings")));
		this.credentials.createApiToken(caller, new ApiTokens.NewApiToken("Legacy reporting tool", List.of("read")),
				DemoCredentials.LEGACY_TOKEN);
	}

	/**
	 * The VAT groups and the 34 items of the price list.
	 * @param caller the demo organization's system caller
	 * @return the items' ids
	 */
	Catalogue catalogue(Caller caller) {
		List<Long> itemIds = new ArrayList<>();
		List<Long> medicines = new ArrayList<>();
		long general = vat(caller, "25.5%", "25.5", "2939");
		long food = vat(caller, "14%", "14", "2934");
		long medicine = vat(caller, "10%", "10", "2931");
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
			long id = this.items
				.create(caller,
						new ItemDetails(code, (String) row[1], new BigDecimal((String) row[2]), (Long) row[3],
								(String) row[4], "9" + ((String) row[4]).substring(1), (String) row[5], (String) row[6],
								code.startsWith("S") ? "SURGERY-PROGRAMME" : null, "INT-" + row[5], null, false,
								(code.startsWith("M") ? ItemType.MEDICINE : ItemType.PROCEDURE).code()))
				.id();
			itemIds.add(id);
			if (code.startsWith("M")) {
				medicines.add(id);
			}
		}
		return new Catalogue(itemIds, medicines);
	}

	private long vat(Caller caller, String title, String percentage, String account) {
		return this.vatGroups.create(caller, new VatGroupDetails(title, new BigDecimal(percentage), account, false))
			.id();
	}

	/**
	 * The clients of every customer type, with their patients.
	 * @param caller the demo organization's system caller
	 * @param homeDepartment the private clients' home department
	 * @param random the demo's random numbers, whose sequence the rest of the demo goes
	 * on with
	 * @return the clients with their patients' ids
	 */
	List<ClientRef> clients(Caller caller, long homeDepartment, Random random) {
		List<ClientRef> refs = new ArrayList<>();
		String[] first = { "Anna", "Mikko", "Laura", "Juha", "Sanna", "Pekka", "Emilia", "Jari", "Aino", "Timo",
				"Helmi", "Ville", "Noora", "Kari", "Elina", "Oskari", "Sofia", "Matti", "Iida", "Antti", "Veera",
				"Lauri", "Maija", "Eero" };
		String[] last = { "Virtanen", "Korhonen", "Mäkinen", "Nieminen", "Mäkelä", "Hämäläinen", "Laine", "Heikkinen",
				"Koskinen", "Järvinen", "Lehtonen", "Lehtinen", "Saarinen", "Salminen", "Heinonen", "Niemi", "Heikkilä",
				"Kinnunen", "Salonen", "Turunen", "Salo", "Laitinen", "Tuominen", "Rantanen" };
		String[] streets = { "Mannerheimintie", "Hämeenkatu", "Aleksanterinkatu", "Satakunnankatu", "Itäinen Pitkäkatu",
				"Kauppakatu" };
		String[] cities = { "Helsinki", "Espoo", "Vantaa", "Tampere", "Nokia", "Kangasala" };
		String[] zips = { "00100", "02100", "01300", "33100", "37100", "36200" };
		for (int i = 0; i < first.length; i++) {
			int city = i % cities.length;
			refs.add(client(caller, random,
					new ClientDetails(0, first[i], last[i], null, null, null, streets[city] + " " + (i + 3),
							(i % 4 == 0) ? "A " + (i + 1) : null, zips[city], cities[city], null, "FI",
							first[i].toLowerCase(java.util.Locale.ROOT) + "@example.fi", (i % 5 == 0) ? 30 : null,
							homeDepartment, false),
					1 + i % 3));
		}
		// pet owners who read Swedish and English
		invoicing(caller, refs.get(1),
				new ClientInvoicing("sv", ClientInvoicing.InvoiceDelivery.EMAIL, null, null, null, null));
		invoicing(caller, refs.get(2),
				new ClientInvoicing("en", ClientInvoicing.InvoiceDelivery.EMAIL, null, null, null, null));
		refs.add(client(caller, random, new ClientDetails(1, "Katja", "Lind", "Ratsutalli Lind Oy", null, "2345678-9",
				"Tallitie 4", null, "36200", "Kangasala", null, "FI", "talli@example.fi", 30, null, false), 3));
		refs.add(client(caller, random, new ClientDetails(1, null, null, "Koirahoitola Hauva Oy", null, "3456789-0",
				"Puistokatu 12", null, "33200", "Tampere", null, "FI", "info@example.fi", 21, null, false), 2));
		invoicing(caller, refs.getLast(), new ClientInvoicing(null, ClientInvoicing.InvoiceDelivery.EINVOICE, "0216",
				"003734567890", "003721291126", "Hoitola / Tampere"));
		refs.add(client(caller, random, new ClientDetails(1, "Petri", "Aalto", "Kennel Aalto Ay", null, "4567890-1",
				"Metsätie 7", null, "04400", "Järvenpää", null, "FI", null, null, null, false), 2));
		refs.add(client(caller, random, new ClientDetails(1, null, null, "Eläinkauppa Karvakamu Oy", null, "5678901-2",
				"Kauppakatu 3", null, "00120", "Helsinki", null, "FI", null, 14, null, false), 0));
		refs.add(client(caller, random,
				new ClientDetails(2, "Jonas", "Weber", "Tierklinik am See GmbH", "DE123456789", "HRB 44552",
						"Seestraße 8", null, "01067", "Dresden", "Saxony", "DE", "buchhaltung@example.de", 30, null,
						false),
				1));
		invoicing(caller, refs.getLast(), new ClientInvoicing("en", ClientInvoicing.InvoiceDelivery.EINVOICE, "9930",
				"DE123456789", null, "Bestellung 2026"));
		refs.add(client(caller, random, new ClientDetails(2, null, null, "Hundcentrum Stockholm AB", "SE556677889901",
				"556677-8899", "Storgatan 21", "Box 14", "11455", "Stockholm", null, "SE", null, 30, null, false), 1));
		refs.add(client(caller, random, new ClientDetails(2, "Kadri", "Tamm", "Loomakliinik OÜ", "EE101234567",
				"12345678", "Narva mnt 5", null, "10117", "Tallinn", null, "EE", null, 30, null, false), 0));
		refs.add(client(caller, random, new ClientDetails(3, null, null, "Helsingin Eläinsuojeluyhdistys ry", null,
				"123.456", "Kivikonkaari 7", null, "00940", "Helsinki", null, "FI", null, 30, null, false), 3));
		refs.add(client(caller, random, new ClientDetails(3, "Leena", "Koivu", "Kissojen Turvakoti ry", null, "234.567",
				"Rantatie 2", null, "33900", "Tampere", null, "FI", null, 30, null, false), 2));
		refs.add(client(caller, random, new ClientDetails(4, null, null, "Paws Rescue Trust", null, "1123456",
				"12 High Street", "Unit 3", "EH1 1YZ", "Edinburgh", "Scotland", "GB", null, 30, null, false), 1));
		refs.add(client(caller, random, new ClientDetails(4, "Oliver", "Hughes", "Greyhound Friends Charity", null,
				"1098765", "8 Mill Lane", null, "M1 2AB", "Manchester", null, "GB", null, 30, null, false), 1));
		return refs;
	}

	/**
	 * The demo organization as the seller on its invoices: business id, VAT number,
	 * address, bank account and e-invoice address.
	 * @param caller the demo organization's system caller
	 */
	void seller(Caller caller) {
		this.invoicing.updateSeller(caller,
				new SellerDetails("1234567-1", "FI12345671", "Mannerheimintie 10", "00100", "Helsinki",
						"laskutus@vetbill-demo.example", "+358 9 123 4567", "FI2112345600000785", "NDEAFIHH", "0216",
						"003712345671", "NDEAFIHH", "fi"));
	}

	private void invoicing(Caller caller, ClientRef client, ClientInvoicing details) {
		this.invoicing.updateClient(caller, client.id(), details);
	}

	private ClientRef client(Caller caller, Random random, ClientDetails details, int patientCount) {
		long id = this.clients.create(caller, details).id();
		String[] names = { "Musti", "Mirri", "Rekku", "Peppi", "Nalle", "Lumi", "Hertta", "Viiru", "Tessu", "Sulo",
				"Ronja", "Kaapo" };
		String[][] species = { { "Dog", "Finnish Lapphund" }, { "Cat", "European Shorthair" },
				{ "Dog", "Labrador Retriever" }, { "Rabbit", "Lionhead" }, { "Horse", "Finnhorse" },
				{ "Cat", "Maine Coon" } };
		List<Long> patientIds = new ArrayList<>();
		for (int p = 0; p < patientCount; p++) {
			String[] kind = species[random.nextInt(species.length)];
			patientIds.add(this.patients
				.create(caller, new PatientDetails(id, names[random.nextInt(names.length)], kind[0], kind[1],
						LocalDate.of(2012 + random.nextInt(13), 1 + random.nextInt(12), 1 + random.nextInt(28)), false))
				.id());
		}
		return new ClientRef(id, patientIds);
	}

}
