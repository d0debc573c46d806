package org.vetbill.api.cloud;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.vetbill.shared.error.InvalidInput;
import org.vetbill.shared.query.Criteria;
import org.vetbill.shared.query.Criterion;
import org.vetbill.shared.query.Operator;
import org.vetbill.shared.query.Sort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The Cloud API's filters: the {@code field__operator=value} grammar, which parameters
 * are filters, {@code ordering} and {@code search}.
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

	private static final CloudFilters CLIENTS = CloudFilters.builder()
		.fields("id", "firstname", "lastname", "archived", "modified")
		.relation("home_department", "homeDepartmentId")
		.search("firstname", "lastname")
		.build();

	@Test
	void onlyParametersNamingAFilterableFieldAreFiltersAndThoseAreStrict() {
		assertThat(CLIENTS.filter("lastname__icontains", "virt"))
			.isEqualTo(new Criterion("lastname__icontains", "lastname", "lastname", Operator.ICONTAINS, "virt"));
		assertThat(CLIENTS.filter("home_department", "4"))
			.isEqualTo(new Criterion("home_department", "home_department", "homeDepartmentId", Operator.IS, "4"));
		assertThat(CLIENTS.filter("home_department.id__in", "4,5").field()).isEqualTo("homeDepartmentId");
		assertThat(CLIENTS.filter("foo", "1")).isNull();
		assertThat(CLIENTS.filter("fields", "id,url")).isNull();
		assertThat(CLIENTS.filter("nickname__is", "x")).isNull();
		assertThat(CLIENTS.filter("a__b__is", "x")).isNull();
		assertThat(CLIENTS.filter("__is", "x")).isNull();
		assertThatExceptionOfType(InvalidInput.class).isThrownBy(() -> CLIENTS.filter("lastname__like", "x"))
			.satisfies((ex) -> assertThat(ex.errors().get(0).field()).isEqualTo("lastname__like"));
		assertThatExceptionOfType(InvalidInput.class).isThrownBy(() -> CLIENTS.filter("home_department__name", "x"));
	}

	@Test
	void orderingIgnoresWhatItCannotOrderBy() {
		assertThat(CLIENTS.order("-modified,id")).containsExactly(new Sort("modified", true), new Sort("id", false));
		assertThat(CLIENTS.order(" lastname , -colour,,-lastname,home_department"))
			.containsExactly(new Sort("lastname", false), new Sort("homeDepartmentId", false));
		assertThat(CLIENTS.order("colour")).isEmpty();
		assertThat(CLIENTS.order("")).isEmpty();
		assertThat(CLIENTS.order(null)).isEmpty();
	}

	@Test
	void searchIsAGroupPerWordOverTheSearchedFields() {
		List<Criteria> groups = CLIENTS.search(" Anna,virt  ");
		assertThat(groups).hasSize(2);
		assertThat(groups.get(0).anyOf()).isTrue();
		assertThat(groups.get(0).criteria()).containsExactly(
				new Criterion("search", "firstname", "firstname", Operator.ICONTAINS, "Anna"),
				new Criterion("search", "lastname", "lastname", Operator.ICONTAINS, "Anna"));
		assertThat(groups.get(1).criteria()).extracting(Criterion::value).containsOnly("virt");
		assertThat(CLIENTS.search("  ")).isEmpty();
		assertThat(CLIENTS.search(null)).isEmpty();
		assertThat(CloudFilters.builder().fields("name").build().search("x")).isEmpty();
		assertThat(CLIENTS.archivable()).isTrue();
		assertThat(CloudFilters.builder().fields("name").build().archivable()).isFalse();
		assertThat(CLIENTS.unarchived().criteria())
			.containsExactly(new Criterion("include_archived", "archived", "archived", Operator.IS, "false"));
	}

}
