package org.vetbill.documents.einvoice;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import org.jspecify.annotations.Nullable;

/**
 * An indented XML document written element by element over the JDK's StAX writer: the few
 * calls both e-invoice writers need ({@link #open}, {@link #leaf}, {@link #close}), with
 * the checked {@link XMLStreamException} turned unchecked, as writing to memory cannot
 * fail on input.
 */
final class XmlOut {

	private static final XMLOutputFactory FACTORY = XMLOutputFactory.newFactory();

	private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

	private final XMLStreamWriter writer;

	private int depth;

	XmlOut() {
		try {
			this.writer = FACTORY.createXMLStreamWriter(this.bytes, StandardCharsets.UTF_8.name());
			this.writer.writeStartDocument(StandardCharsets.UTF_8.name(), "1.0");
		}
		catch (XMLStreamException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Opens the root element and declares its namespaces.
	 * @param namespace the root's namespace, or an empty string for none
	 * @param name the root's name
	 * @param prefixesAndUris the other namespaces: prefix, URI, prefix, URI...
	 * @return this
	 */
	XmlOut root(String namespace, String name, String... prefixesAndUris) {
		try {
			newLine();
			this.writer.writeStartElement("", name, namespace);
			if (!namespace.isEmpty()) {
				this.writer.writeDefaultNamespace(namespace);
			}
			for (int i = 0; i < prefixesAndUris.length; i += 2) {
				this.writer.setPrefix(prefixesAndUris[i], prefixesAndUris[i + 1]);
				this.writer.writeNamespace(prefixesAndUris[i], prefixesAndUris[i + 1]);
			}
			this.depth++;
			return this;
		}
		catch (XMLStreamException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Opens an element.
	 * @param namespace its namespace, or an empty string for none
	 * @param name its local name
	 * @param attributes its attributes: name, value, name, value...; a null value is left
	 * out
	 * @return this
	 */
	XmlOut open(String namespace, String name, @Nullable String... attributes) {
		try {
			newLine();
			this.writer.writeStartElement(namespace, name);
			attributes(attributes);
			this.depth++;
			return this;
		}
		catch (XMLStreamException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Adds an attribute to the element just opened, before anything is written in it.
	 * @param name the attribute's name
	 * @param value its value
	 * @return this
	 */
	XmlOut attribute(String name, String value) {
		try {
			this.writer.writeAttribute(name, value);
			return this;
		}
		catch (XMLStreamException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Writes an element with text, or nothing when the text is null.
	 * @param namespace its namespace, or an empty string for none
	 * @param name its local name
	 * @param text its text, null to leave the element out
	 * @param attributes its attributes: name, value, name, value...
	 * @return this
	 */
	XmlOut leaf(String namespace, String name, @Nullable Object text, @Nullable String... attributes) {
		if (text == null) {
			return this;
		}
		try {
			newLine();
			this.writer.writeStartElement(namespace, name);
			attributes(attributes);
			this.writer.writeCharacters(text.toString());
			this.writer.writeEndElement();
			return this;
		}
		catch (XMLStreamException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Closes the element opened last.
	 * @return this
	 */
	XmlOut close() {
		try {
			this.depth--;
			newLine();
			this.writer.writeEndElement();
			return this;
		}
		catch (XMLStreamException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Ends the document.
	 * @return the document, UTF-8
	 */
	byte[] toBytes() {
		try {
			while (this.depth > 0) {
				close();
			}
			this.writer.writeCharacters("\n");
			this.writer.writeEndDocument();
			this.writer.close();
			return this.bytes.toByteArray();
		}
		catch (XMLStreamException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private void attributes(@Nullable String... attributes) throws XMLStreamException {
		for (int i = 0; i < attributes.length; i += 2) {
			String value = attributes[i + 1];
			if (value != null) {
				this.writer.writeAttribute(String.valueOf(attributes[i]), value);
			}
		}
	}

	private void newLine() throws XMLStreamException {
		this.writer.writeCharacters("\n" + "\t".repeat(this.depth));
	}

}
