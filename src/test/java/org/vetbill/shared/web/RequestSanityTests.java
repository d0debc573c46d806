package org.vetbill.shared.web;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RequestSanityTests {

	private static List<String> refused(String query) {
		return RequestSanity.queryProblems(query).stream().map(ApiError.FieldProblem::field).toList();
	}

	@Test
	void goodQueriesPass() {
		assertThat(refused(null)).isEmpty();
		assertThat(refused("")).isEmpty();
		assertThat(refused("status__is=3&page=2&&expose_client&search=J%C3%A4rvinen+Oy")).isEmpty();
		assertThat(refused("name=%F0%9F%90%95")).isEmpty();
	}

	@Test
	void brokenNamesAndValuesAreRefusedAsWritten() {
		assertThat(refused("%1F=1")).containsExactly("%1F");
		assertThat(refused("=1")).containsExactly("");
		assertThat(refused("a%7Fb=1")).containsExactly("a%7Fb");
		assertThat(refused("%CD%B8=1")).containsExactly("%CD%B8");
		assertThat(refused("x=%ED%A0%80")).containsExactly("x");
		assertThat(refused("status=%FF&page=%zz&ok=1&tail=%4")).containsExactly("status", "page", "tail");
		assertThat(refused("remarks=a%00b")).containsExactly("remarks");
	}

	@Test
	void wildcardOrUnreadableContentTypesAreRefused() {
		assertThat(RequestSanity.unusableContentType(null)).isFalse();
		assertThat(RequestSanity.unusableContentType("application/json; charset=utf-8")).isFalse();
		assertThat(RequestSanity.unusableContentType("multipart/form-data; boundary=x")).isFalse();
		assertThat(RequestSanity.unusableContentType("*/*")).isTrue();
		assertThat(RequestSanity.unusableContentType("application/*")).isTrue();
		assertThat(RequestSanity.unusableContentType("not a type")).isTrue();
	}

}
