package org.vetbill;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;
import org.springframework.modulith.docs.Documenter.DiagramOptions;
import org.springframework.modulith.docs.Documenter.DiagramOptions.DiagramStyle;
import org.springframework.modulith.docs.Documenter.Options;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The module diagram in {@code docs/architecture/modules.puml} is the one Spring Modulith
 * draws from the code today: the test draws it again and fails when the committed copy
 * differs. Run it with {@code -Dvetbill.docs.update=true} to write the new diagram over
 * the committed one. Spring Modulith lists modules and their relations in no fixed order,
 * so both are sorted before the diagrams are compared or written.
 */
class ModuleDiagramTests {

	private static final Path COMMITTED = Path.of("docs", "architecture", "modules.puml");

	private static final Path OUTPUT = Path.of("target", "module-diagram");

	/**
	 * The file Spring Modulith writes the diagram of all modules to.
	 */
	private static final String DRAWN_FILE = "components.puml";

	private static final String UPDATE_PROPERTY = "vetbill.docs.update";

	@Test
	void theCommittedModuleDiagramIsTheOneTheCodeDrawsToday() throws IOException {
		String drawn = draw();
		Path fresh = OUTPUT.resolve("modules.puml");
		Files.writeString(fresh, drawn, StandardCharsets.UTF_8);
		if (Boolean.getBoolean(UPDATE_PROPERTY)) {
			Files.createDirectories(COMMITTED.getParent());
			Files.writeString(COMMITTED, drawn, StandardCharsets.UTF_8);
		}
		String committed = Files.exists(COMMITTED) ? canonical(Files.readString(COMMITTED, StandardCharsets.UTF_8))
				: "(missing)";
		assertThat(committed)
			.withFailMessage(
					"%s is not the module diagram the code draws today (that one is in %s). "
							+ "Refresh it with: ./mvnw -Dtest=ModuleDiagramTests -D%s=true "
							+ "-Dsurefire.failIfNoSpecifiedTests=false -DskipITs test",
					COMMITTED, fresh, UPDATE_PROPERTY)
			.isEqualTo(drawn);
	}

	@Test
	void modulesAndRelationsAreSortedSoTheDiagramDoesNotDependOnHashOrder() {
		String drawn = """
				@startuml
				rectangle "App" {
				  component "==Webhooks" as App.Webhooks
				  component "==Audit" as App.Audit
				}

				App.Webhooks --> App.Shared : "uses"
				App.Audit --> App.Shared : "depends on"
				@enduml""";

		assertThat(canonical(drawn)).isEqualTo("""
				@startuml
				rectangle "App" {
				  component "==Audit" as App.Audit
				  component "==Webhooks" as App.Webhooks
				}

				App.Audit --> App.Shared : "depends on"
				App.Webhooks --> App.Shared : "uses"
				@enduml
				""");
	}

	private static String draw() throws IOException {
		ApplicationModules modules = ApplicationModules.of(VetbillApplication.class);
		new Documenter(modules, Options.defaults().withOutputFolder(OUTPUT.toString()))
			.writeModulesAsPlantUml(DiagramOptions.defaults().withStyle(DiagramStyle.UML));
		return canonical(Files.readString(OUTPUT.resolve(DRAWN_FILE), StandardCharsets.UTF_8));
	}

	/**
	 * The diagram with each run of component lines and each run of relation lines sorted,
	 * Unix line ends and one final line end.
	 */
	static String canonical(String plantUml) {
		Predicate<String> component = (line) -> line.stripLeading().startsWith("component ");
		Predicate<String> relation = (line) -> line.contains(" --> ");
		List<String> lines = plantUml.replace("\r\n", "\n").strip().lines().toList();
		List<String> result = new ArrayList<>();
		int i = 0;
		while (i < lines.size()) {
			Predicate<String> kind = component.test(lines.get(i)) ? component
					: relation.test(lines.get(i)) ? relation : null;
			if (kind == null) {
				result.add(lines.get(i++));
				continue;
			}
			List<String> run = new ArrayList<>();
			while (i < lines.size() && kind.test(lines.get(i))) {
				run.add(lines.get(i++));
			}
			run.sort(null);
			result.addAll(run);
		}
		return String.join("\n", result) + "\n";
	}

}
