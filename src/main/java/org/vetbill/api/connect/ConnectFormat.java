package org.vetbill.api.connect;

import java.nio.charset.StandardCharsets;
import java.util.List;

import javax.xml.stream.XMLOutputFactory;

import com.ctc.wstx.api.InvalidCharHandler;
import com.ctc.wstx.api.WstxOutputProperties;
import com.ctc.wstx.stax.WstxOutputFactory;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.cfg.JsonNodeFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.xml.XmlFactory;
import tools.jackson.dataformat.xml.XmlMapper;
import tools.jackson.dataformat.xml.XmlWriteFeature;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The formats the Connect API answers in, chosen by the request's {@code Accept} header
 * as its document says (JSON and XML): {@code application/json}, which is also the answer
 * to no {@code Accept} or {@code *}{@code /*}; {@code application/xml} or
 * {@code text/xml}. Quality values are honoured: of the formats the client accepts, the
 * one with the highest {@code q} wins (a format's {@code q} is that of the most specific
 * range that names it; on a tie, the range the client wrote first). A request accepting
 * none of them is a 406.
 * <p>
 * The dialect writes its bodies itself, with mappers of its own: the application's JSON
 * mapper writes snake_case, and Spring MVC has no XML converter (every other API answers
 * JSON only).
 */
enum ConnectFormat {

	JSON(MediaType.APPLICATION_JSON), XML(MediaType.APPLICATION_XML), TEXT_XML(MediaType.TEXT_XML);

	/** The Connect API's JSON: field names as the records give them, exact decimals. */
	static final JsonMapper JSON_MAPPER = JsonMapper.builder()
		.enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
		.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
		.enable(JsonNodeFeature.USE_BIG_DECIMAL_FOR_FLOATS)
		.disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
		// a supplier's answer may carry fields the document does not list, in any case
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_PROPERTIES)
		.build();

	/**
	 * The Connect API's XML: a null is an empty element with {@code xsi:nil="true"}, and
	 * a character XML 1.0 cannot hold (a control character a client sent, echoed in an
	 * error) is written as U+FFFD instead of failing the answer.
	 */
	static final XmlMapper XML_MAPPER = XmlMapper.builder(XmlFactory.builder().xmlOutputFactory(xmlOutput()).build())
		.enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
		.enable(XmlWriteFeature.WRITE_NULLS_AS_XSI_NIL)
		.build();

	private final MediaType type;

	private static XMLOutputFactory xmlOutput() {
		WstxOutputFactory factory = new WstxOutputFactory();
		factory.setProperty(WstxOutputProperties.P_OUTPUT_INVALID_CHAR_HANDLER,
				new InvalidCharHandler.ReplacingHandler('\uFFFD'));
		return factory;
	}

	ConnectFormat(MediaType type) {
		this.type = type;
	}

	/**
	 * The format an {@code Accept} header asks for.
	 * @param accept the header, or null
	 * @return the format, or null when the client accepts none of them
	 * @throws InvalidMediaTypeException when the header cannot be read
	 */
	static @Nullable ConnectFormat negotiate(@Nullable String accept) {
		if (accept == null || accept.isBlank()) {
			return JSON;
		}
		List<MediaType> ranges = MediaType.parseMediaTypes(accept);
		ConnectFormat best = null;
		double bestQuality = 0;
		int bestPosition = Integer.MAX_VALUE;
		for (ConnectFormat format : values()) {
			int position = -1;
			int specificity = -1;
			for (int i = 0; i < ranges.size(); i++) {
				MediaType range = ranges.get(i);
				int rangeSpecificity = range.isWildcardType() ? 0 : range.isWildcardSubtype() ? 1 : 2;
				if (range.includes(format.type) && rangeSpecificity > specificity) {
					position = i;
					specificity = rangeSpecificity;
				}
			}
			if (position < 0) {
				continue;
			}
			double quality = ranges.get(position).getQualityValue();
			if (quality > bestQuality || (quality == bestQuality && quality > 0 && position < bestPosition)) {
				best = format;
				bestQuality = quality;
				bestPosition = position;
			}
		}
		return best;
	}

	/**
	 * The format an error is written in: the one the request asks for, else JSON.
	 * @param accept the {@code Accept} header, or null
	 * @return the format
	 */
	static ConnectFormat forError(@Nullable String accept) {
		try {
			ConnectFormat format = negotiate(accept);
			return (format != null) ? format : JSON;
		}
		catch (InvalidMediaTypeException ex) {
			return JSON;
		}
	}

	MediaType mediaType() {
		return new MediaType(this.type, StandardCharsets.UTF_8);
	}

	/**
	 * An answer in this format.
	 * @param status the status
	 * @param json what the JSON body is
	 * @param xml what the XML body is (its root element named by its type)
	 * @return the answer
	 */
	ResponseEntity<Object> answer(HttpStatusCode status, Object json, Object xml) {
		ObjectMapper mapper = (this == JSON) ? JSON_MAPPER : XML_MAPPER;
		byte[] body = mapper.writeValueAsBytes((this == JSON) ? json : xml);
		return ResponseEntity.status(status).contentType(mediaType()).body(body);
	}

}
