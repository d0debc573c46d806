package org.vetbill;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModules;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The module structure: each top-level package is a module that only uses the others'
 * public API; the core never depends on API dialects, webhooks or the ERP export;
 * business rules stay free of frameworks; each module queries only its own tables.
 */
class ModularityTests {

	private static final ApplicationModules MODULES = ApplicationModules.of(VetbillApplication.class);

	private static final JavaClasses CLASSES = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("org.vetbill");

	/**
	 * Which module owns which tables (the generated jOOQ classes in
	 * org.vetbill.shared.db).
	 */
	private static final Map<String, List<String>> TABLES = Map.of("clinic",
			List.of("Organization", "Department", "VatGroup", "Item", "Client", "Patient", "Consultation",
					"ConsultationItem"),
			"invoicing", List.of("Invoice", "InvoiceRow", "InvoiceNumberCounter", "InvoiceTag"), "payments",
			List.of("InvoicePayment", "UnallocatedPayment", "InvoiceWriteOff"), "security",
			List.of("ApiClient", "AppUser", "ApiToken", "SigningKey"), "audit", List.of("AuditEvent"), "idempotency",
			List.of("IdempotentRequest"), "webhooks", List.of("Webhook", "WebhookDelivery"), "supply",
			List.of("Supplier", "SupplyPractice", "SupplyClientKey", "SupplyAccount", "SupplyProduct", "SupplyOrder",
					"SupplyOrderLine", "SupplierInvoice", "SupplierInvoiceLine", "ConnectSource"));

	@Test
	void modulesOnlyUseEachOthersPublicApi() {
		MODULES.verify();
	}

	@Test
	void theCoreNeverDependsOnApiDialectsWebhooksOrTheErpExport() {
		noClasses().that()
			.resideInAnyPackage("org.vetbill.clinic..", "org.vetbill.invoicing..", "org.vetbill.payments..",
					"org.vetbill.supply..", "org.vetbill.security..", "org.vetbill.audit..",
					"org.vetbill.idempotency..", "org.vetbill.ratelimit..", "org.vetbill.shared..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.vetbill.api..", "org.vetbill.webhooks..", "org.vetbill.erp..", "org.vetbill.web..")
			.check(CLASSES);
	}

	@Test
	void apiDialectsTranslateOnlyAndNeverReachIntoEachOther() {
		noClasses().that()
			.resideInAPackage("org.vetbill.api..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.vetbill.shared.db..", "org.jooq..")
			.because("a dialect reads and writes through the core's use cases, never SQL")
			.check(CLASSES);
		slices().matching("org.vetbill.api.(*)..").should().notDependOnEachOther().check(CLASSES);
	}

	@Test
	void vetbillWritesItsJsonWithJackson3Only() {
		noClasses().that()
			.resideInAPackage("org.vetbill..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("com.fasterxml.jackson.databind..", "com.fasterxml.jackson.core..")
			.because("Jackson 2 is on the class path only as springdoc's (swagger-core's) own dependency")
			.check(CLASSES);
	}

	@Test
	void businessRulesAreFreeOfFrameworks() {
		classes().that()
			.resideInAPackage("org.vetbill.*.domain..")
			.and()
			.doNotHaveSimpleName("package-info")
			.should()
			.onlyDependOnClassesThat()
			.resideInAnyPackage("java..", "org.jspecify..", "jakarta.validation..", "org.vetbill.*.domain..",
					"org.vetbill.shared.error..", "org.vetbill.shared.money..")
			.check(CLASSES);
	}

	@Test
	void eachModuleQueriesOnlyItsOwnTables() {
		TABLES.forEach((module, owned) -> TABLES.forEach((other, tables) -> {
			if (other.equals(module)) {
				return;
			}
			String[] foreign = tables.stream()
				.flatMap((table) -> Stream.of("org.vetbill.shared.db.tables." + table,
						"org.vetbill.shared.db.tables.records." + table + "Record"))
				.toArray(String[]::new);
			noClasses().that()
				.resideInAPackage("org.vetbill." + module + "..")
				.should()
				.dependOnClassesThat(DescribedPredicate.describe("tables of " + other,
						(javaClass) -> List.of(foreign).contains(javaClass.getFullName())))
				.because(module + " must reach " + other + "'s data through " + other + "'s services")
				.check(CLASSES);
		}));
	}

}
