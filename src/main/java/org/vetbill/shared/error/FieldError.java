package org.vetbill.shared.error;

/**
 * What is wrong with one field of a request.
 *
 * @param field the field's name as the client wrote it (snake_case, with indexes such as
 * {@code rows[0].quantity})
 * @param message what is wrong, for a person
 */
public record FieldError(String field, String message) {
}
