package org.vetbill;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;
import org.junit.jupiter.api.Test;
import org.vetbill.fixture.modulith.FixtureApplication;

import org.springframework.modulith.core.ApplicationModules;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * The module structure: each top-level package is a module that uses only the modules it
 * declares and only their public API; the core never depends on API dialects or other
 * leaves; dialects translate and never run SQL; SQL lives only in repositories and
 * stores; business rules stay free of frameworks; each module queries only its own
 * tables. Every rule is also checked against a fixture that breaks it, in
 * {@code org.vetbill.fixture}, so a rule that could not fail would be noticed.
 */
class ModularityTests {

	private static final String ROOT = "org.vetbill";

	private static final String FIXTURES_ROOT = "org.vetbill.fixture";

	private static final JavaClasses CLASSES = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages(ROOT);

	private static final JavaClasses FIXTURES = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.ONLY_INCLUDE_TESTS)
		.importPackages(FIXTURES_ROOT);

	/** The modules of the core, which speak no dialect. */
	private static final List<String> CORE = List.of("clinic", "invoicing", "payments", "supply", "security", "audit",
			"idempotency", "ratelimit", "shared");

	/** The leaves around the core: API dialects, pages, webhooks, exports. */
	private static final List<String> LEAVES = List.of("api", "web", "webhooks", "metrics", "erp", "documents");

	/**
	 * Which module owns which tables (the generated jOOQ classes in
	 * org.vetbill.shared.db).
	 */
	private static final Map<String, List<String>> TABLES = Map.of("clinic",
			List.of("Organization", "Department", "VatGroup", "Item", "Client", "Patient", "Consultation",
					"ConsultationItem", "PhoneNumber"),
			"invoicing", List.of("Invoice", "InvoiceRow", "InvoiceNumberCounter", "InvoiceTag"), "payments",
			List.of("InvoicePayment", "UnallocatedPayment", "InvoiceWriteOff"), "security",
			List.of("ApiClient", "AppUser", "ApiToken", "SigningKey"), "audit", List.of("AuditEvent", "AuditChainHead"),
			"idempotency", List.of("IdempotentRequest"), "webhooks", List.of("Webhook", "WebhookDelivery"), "documents",
			List.of("InvoiceSending"), "supply",
			List.of("Supplier", "SupplyPractice", "SupplyClientKey", "SupplyAccount", "SupplyProduct", "SupplyOrder",
					"SupplyOrderLine", "SupplierInvoice", "SupplierInvoiceLine", "ConnectSource"));

	@Test
	void modulesUseOnlyTheModulesTheyDeclareAndOnlyTheirPublicApi() {
		ApplicationModules.of(VetbillApplication.class).verify();
	}

	@Test
	void aModuleUsingAModuleItDoesNotDeclareIsRefused() {
		// the fixture's billing module declares no dependencies, yet uses its clinic
		// module
		ApplicationModules fixture = ApplicationModules.of(FixtureApplication.class, (location) -> true);
		assertThatExceptionOfType(RuntimeException.class).isThrownBy(fixture::verify)
			.withMessageContaining("billing")
			.withMessageContaining("clinic");
	}

	@Test
	void theCoreNeverDependsOnLeaves() {
		holdsAndCatchesItsFixture(coreNeverDependsOnLeaves(ROOT), coreNeverDependsOnLeaves(FIXTURES_ROOT));
	}

	@Test
	void dialectsTranslateOnlyAndNeverRunSql() {
		holdsAndCatchesItsFixture(dialectsRunNoSql(ROOT), dialectsRunNoSql(FIXTURES_ROOT));
	}

	@Test
	void dialectsNeverReachIntoEachOther() {
		holdsAndCatchesItsFixture(dialectsAreIndependent(ROOT), dialectsAreIndependent(FIXTURES_ROOT));
	}

	@Test
	void sqlLivesOnlyInRepositoriesAndStores() {
		holdsAndCatchesItsFixture(sqlOnlyInStores(ROOT), sqlOnlyInStores(FIXTURES_ROOT));
	}

	@Test
	void vetbillWritesItsJsonWithJackson3Only() {
		holdsAndCatchesItsFixture(jackson3Only(ROOT), jackson3Only(FIXTURES_ROOT));
	}

	@Test
	void businessRulesAreFreeOfFrameworks() {
		holdsAndCatchesItsFixture(rulesAreFrameworkFree(ROOT), rulesAreFrameworkFree(FIXTURES_ROOT));
	}

	@Test
	void eachModuleQueriesOnlyItsOwnTables() {
		holdsAndCatchesItsFixture(ownTablesOnly(ROOT), ownTablesOnly(FIXTURES_ROOT));
	}

	/**
	 * A rule holds for vetbill's classes, and the same rule over the fixtures fails.
	 */
	private static void holdsAndCatchesItsFixture(ArchRule rule, ArchRule fixtureRule) {
		assertThatNoException().as(rule.getDescription()).isThrownBy(() -> rule.check(CLASSES));
		assertThatExceptionOfType(AssertionError.class).as("the fixture breaking: " + rule.getDescription())
			.isThrownBy(() -> fixtureRule.check(FIXTURES))
			.withMessageContaining(FIXTURES_ROOT);
	}

	static ArchRule coreNeverDependsOnLeaves(String root) {
		return noClasses().that()
			.resideInAnyPackage(packages(root, CORE))
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage(packages(root, LEAVES))
			.because("the core speaks no dialect: the leaves translate to and from its use cases")
			.allowEmptyShould(true);
	}

	static ArchRule dialectsRunNoSql(String root) {
		return noClasses().that()
			.resideInAPackage(root + ".api..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.vetbill.shared.db..", "org.jooq..")
			.because("a dialect reads and writes through the core's use cases, never SQL")
			.allowEmptyShould(true);
	}

	static ArchRule dialectsAreIndependent(String root) {
		return slices().matching(root + ".api.(*)..").should().notDependOnEachOther().allowEmptyShould(true);
	}

	static ArchRule sqlOnlyInStores(String root) {
		return noClasses().that()
			.resideInAPackage(root + "..")
			.and()
			.resideOutsideOfPackages(root + ".shared.persistence..", root + ".shared.db..")
			.and(DescribedPredicate
				.not(DescribedPredicate.describe("a repository or store", (JavaClass type) -> isStore(type))))
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.jooq..", "org.vetbill.shared.db..")
			.because("SQL lives in each module's package-private *Repository and *Store classes; "
					+ "services hold the rules and the transactions")
			.allowEmptyShould(true);
	}

	private static boolean isStore(JavaClass type) {
		JavaClass top = type;
		while (top.getEnclosingClass().isPresent()) {
			top = top.getEnclosingClass().get();
		}
		return top.getSimpleName().endsWith("Repository") || top.getSimpleName().endsWith("Store");
	}

	static ArchRule jackson3Only(String root) {
		return noClasses().that()
			.resideInAPackage(root + "..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("com.fasterxml.jackson.databind..", "com.fasterxml.jackson.core..")
			.because("Jackson 2 is on the class path only as springdoc's (swagger-core's) own dependency")
			.allowEmptyShould(true);
	}

	static ArchRule rulesAreFrameworkFree(String root) {
		return classes().that()
			.resideInAPackage(root + ".*.domain..")
			.and()
			.doNotHaveSimpleName("package-info")
			.should()
			.onlyDependOnClassesThat()
			.resideInAnyPackage("java..", "org.jspecify..", "jakarta.validation..", root + ".*.domain..",
					"org.vetbill.*.domain..", "org.vetbill.shared.error..", "org.vetbill.shared.money..")
			.allowEmptyShould(true);
	}

	static ArchRule ownTablesOnly(String root) {
		List<ArchRule> rules = TABLES.keySet().stream().sorted().map((module) -> {
			String[] foreign = TABLES.entrySet()
				.stream()
				.filter((entry) -> !entry.getKey().equals(module))
				.flatMap((entry) -> entry.getValue().stream())
				.flatMap((table) -> Stream.of("org.vetbill.shared.db.tables." + table,
						"org.vetbill.shared.db.tables.records." + table + "Record"))
				.toArray(String[]::new);
			return (ArchRule) noClasses().that()
				.resideInAPackage(root + "." + module + "..")
				.should()
				.dependOnClassesThat(DescribedPredicate.describe("tables of other modules",
						(JavaClass type) -> List.of(foreign).contains(type.getFullName())))
				.because(module + " reaches other modules' data through their services")
				.allowEmptyShould(true);
		}).toList();
		CompositeArchRule all = CompositeArchRule.of(rules.get(0));
		for (ArchRule rule : rules.subList(1, rules.size())) {
			all = all.and(rule);
		}
		return all;
	}

	private static String[] packages(String root, List<String> modules) {
		return modules.stream().map((module) -> root + "." + module + "..").toArray(String[]::new);
	}

}
