package org.vetbill.documents;

/**
 * A document of an invoice as a file: its bytes, its media type and the name to save it
 * under.
 *
 * @param fileName the file name, from the document number ({@code HKI-1001.pdf}), or the
 * id on a draft ({@code draft-17.pdf})
 * @param mediaType {@code application/pdf} or {@code application/xml}
 * @param bytes the content
 */
public record DocumentFile(String fileName, String mediaType, byte[] bytes) {

}
