package org.vetbill.shared.persistence;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EmbeddedDatabaseTests {

	@Test
	void aDataFolderImplicitlyRelativeToTheWorkingDirectoryIsWrittenAsH2TakesIt() {
		assertThat(EmbeddedDatabase.explicitlyRelative("jdbc:h2:file:target/demo/vetbill;LOCK_TIMEOUT=10000"))
			.isEqualTo("jdbc:h2:file:./target/demo/vetbill;LOCK_TIMEOUT=10000");
		for (String kept : new String[] { "jdbc:h2:file:./data/vetbill", "jdbc:h2:file:/srv/vetbill/db",
				"jdbc:h2:file:~/vetbill", "jdbc:h2:file:../data/vetbill", "jdbc:h2:file:C:/data/vetbill",
				"jdbc:h2:mem:test", "jdbc:h2:zip:~/db.zip!/test" }) {
			assertThat(EmbeddedDatabase.explicitlyRelative(kept)).isEqualTo(kept);
		}
	}

}
