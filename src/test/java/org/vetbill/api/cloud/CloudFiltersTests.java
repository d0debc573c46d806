package org.vetbill.api.cloud;

import org.junit.jupiter.api.Test;
import org.vetbill.shared.error.InvalidInput;
import org.vetbill.shared.query.Criterion;
import org.vetbill.shared.query.Operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The Cloud API's filters: the {@code field__operator=value} grammar.
 */
class CloudFiltersTests {

	@Test
	void criteriaAreReadFromParameters() {
		assertThat(CloudFilters.parse("status__is", "3"))
			.isEqualTo(Criterion.of("status__is", "status", Operator.IS, "3"));
		assertThat(CloudFilters.parse("status", "3").operator()).isEqualTo(Operator.IS);
		assertThat(CloudFilters.parse("status__neq", "3").operator()).isEqualTo(Operator.IS_NOT);
		assertThat(CloudFilters.parse("client.id__in", "[1, 2]").values()).containsExactly("1", "2");
		assertThat(CloudFilters.parse("invoice__in", "11,48").values()).containsExactly("11", "48");
		assertThatExceptionOfType(InvalidInput.class).isThrownBy(() -> CloudFilters.parse("status__like", "3"))
			.satisfies((ex) -> assertThat(ex.errors().get(0).facts().get("message").toString()).contains("icontains"));
		assertThatExceptionOfType(InvalidInput.class).isThrownBy(() -> CloudFilters.parse("__is", "3"));
		assertThatExceptionOfType(InvalidInput.class).isThrownBy(() -> CloudFilters.parse("a__b__is", "3"));
	}

}
