package org.vetbill.shared.query;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;
import org.vetbill.shared.error.InvalidInput;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class FilterValuesTests {

	private static final ZoneId HELSINKI = ZoneId.of("Europe/Helsinki");

	private static final Criterion MODIFIED = Criterion.of("modified__gte", "modified", Operator.GTE, "");

	private static Instant at(String value) {
		return FilterValues.dateTime(MODIFIED, value, HELSINKI);
	}

	@Test
	void dateTimesAreReadInEveryFormSeenInTheWild() {
		assertThat(at("2024-03-20T00:00:00")).isEqualTo("2024-03-19T22:00:00Z");
		assertThat(at("2024-03-20T00:00")).isEqualTo("2024-03-19T22:00:00Z");
		assertThat(at("2024-03-20")).isEqualTo("2024-03-19T22:00:00Z");
		assertThat(at("2017-12-24 15:30+00:00")).isEqualTo("2017-12-24T15:30:00Z");
		assertThat(at("2017-12-24 15:30 00:00")).as("an unencoded + arrives as a space")
			.isEqualTo("2017-12-24T15:30:00Z");
		assertThat(at("2017-05-18T10:35:00Z")).isEqualTo("2017-05-18T10:35:00Z");
		assertThat(at("2015-07-02T10:53:00+03:00")).isEqualTo("2015-07-02T07:53:00Z");
		assertThat(at("2018-03-26T21:23:52-04:00")).isEqualTo("2018-03-27T01:23:52Z");
		assertThat(at("2018-03-26T21:23:52.123456-0400")).isEqualTo("2018-03-27T01:23:52.123456Z");
		assertThat(at("2018-03-26T21:23:52+05")).isEqualTo("2018-03-26T16:23:52Z");
	}

	@Test
	void aMalformedValueNamesItsParameter() {
		for (String bad : new String[] { "yesterday", "2024-02-30", "2024-03-20T25:00:00", "2024-03-20T10:00:00+0" }) {
			assertThatExceptionOfType(InvalidInput.class).as(bad)
				.isThrownBy(() -> at(bad))
				.satisfies((ex) -> assertThat(ex.errors().get(0).field()).isEqualTo("modified__gte"));
		}
	}

	@Test
	void aDateFilterTakesTheDateOfADateTimeWhereTheOrganizationIs() {
		Criterion date = Criterion.of("invoice_date__gte", "invoice_date", Operator.GTE, "");
		assertThat(FilterValues.date(date, "2024-01-01", HELSINKI)).isEqualTo(LocalDate.of(2024, 1, 1));
		assertThat(FilterValues.date(date, "2023-12-31T23:30:00Z", HELSINKI)).isEqualTo(LocalDate.of(2024, 1, 1));
	}

	@Test
	void datesBeyondTheYearsADatabaseStoresAreRefused() {
		Criterion date = Criterion.of("invoice_date__gte", "invoice_date", Operator.GTE, "");
		assertThat(FilterValues.date(date, "9999-12-31", HELSINKI)).isEqualTo(LocalDate.of(9999, 12, 31));
		assertThat(at("0001-01-01T00:00:00Z")).isEqualTo(Instant.parse("0001-01-01T00:00:00Z"));
		for (String beyond : new String[] { "+10000-01-01T00:00:00Z", "+999999999-12-31T00:00:00Z",
				"-0001-12-31T00:00:00Z", "9999-12-31T23:59:59-01:00" }) {
			assertThatExceptionOfType(InvalidInput.class).as(beyond)
				.isThrownBy(() -> at(beyond))
				.satisfies((ex) -> assertThat(ex.errors().get(0).code()).isEqualTo("filter_date_out_of_range"));
		}
		assertThatExceptionOfType(InvalidInput.class)
			.isThrownBy(() -> FilterValues.date(date, "+999999999-12-31T00:00", HELSINKI));
	}

	@Test
	void booleansAndIdsAreReadStrictly() {
		Criterion flag = Criterion.of("credit_note__is", "credit_note", Operator.IS, "");
		assertThat(FilterValues.bool(flag, "True")).isTrue();
		assertThat(FilterValues.bool(flag, "0")).isFalse();
		assertThatExceptionOfType(InvalidInput.class).isThrownBy(() -> FilterValues.bool(flag, "yes"));
		assertThatExceptionOfType(InvalidInput.class).isThrownBy(() -> FilterValues.id(flag, "12a"));
	}

}
