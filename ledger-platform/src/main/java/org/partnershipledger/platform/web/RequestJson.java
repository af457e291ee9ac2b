package org.partnershipledger.platform.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * How request bodies are read, stricter than the JSON the ledger writes and stores: a key given twice is malformed
 * JSON (rather than an error deep in the binding of a record), and so is anything after the JSON value (it was
 * ignored: {@code {...} GET /x} was a valid body), a fraction where a whole number belongs is refused
 * (rather than cut off: a score of 2.9 would be recorded as 2), and text with a NUL character is refused, because
 * PostgreSQL cannot store it: accepted, it would break every read model the event reaches. A date is ISO text
 * ({@code "2026-06-30"}) and nothing else: Jackson also read a number as days since 1970 ({@code 20260630} was a
 * date in the year 57440), an array as a date ({@code []} as none at all) and empty text as none; a date outside the
 * years 1 to 9999 is a VALIDATION_FAILED. Only the web layer's converters are changed, not the mapper that reads
 * stored events.
 */
class RequestJson implements WebMvcConfigurer {

    /** Thrown for a value well-formed but not acceptable; the field it names is answered as VALIDATION_FAILED. */
    static class InvalidValue extends InvalidFormatException {
        InvalidValue(JsonParser parser, String message, String value, Class<?> type) {
            super(parser, message, value, type);
        }
    }

    /** Thrown for a text value with a NUL character. */
    static class NulInText extends InvalidValue {
        NulInText(JsonParser parser, String value) {
            super(parser, "Text must not contain the NUL character", value, String.class);
        }
    }

    @Override
    public void extendMessageConverters(List<HttpMessageConverter<?>> converters) {
        converters.stream()
                .filter(converter -> converter.getClass() == MappingJackson2HttpMessageConverter.class)
                .map(MappingJackson2HttpMessageConverter.class::cast)
                .forEach(converter -> converter.setObjectMapper(strict(converter.getObjectMapper())));
    }

    static ObjectMapper strict(ObjectMapper mapper) {
        return mapper.copy().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .registerModule(new SimpleModule("ledger-request-text").addDeserializer(String.class, new Text())
                        .addDeserializer(LocalDate.class, new IsoDate()));
    }

    /**
     * A date as ISO text only: not a number of days since 1970, nor Jackson's [year, month, day], nor "". And in the
     * years 1 to 9999: an impact period starting in the year -999999999 was recorded, and its fact could not be
     * stored (PostgreSQL's dates begin in 4713 BC), so the impact-facts read model dead-lettered it.
     */
    private static final class IsoDate extends StdScalarDeserializer<LocalDate> {
        IsoDate() {
            super(LocalDate.class);
        }

        @Override
        public LocalDate deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (!parser.hasToken(JsonToken.VALUE_STRING)) {
                return (LocalDate) context.handleUnexpectedToken(LocalDate.class, parser);
            }
            LocalDate date;
            try {
                date = LocalDate.parse(parser.getText());
            } catch (DateTimeParseException e) {
                return (LocalDate) context.handleWeirdStringValue(LocalDate.class, parser.getText(),
                        "not a date as 2026-06-30");
            }
            if (date.getYear() < 1 || date.getYear() > 9999) {
                throw new InvalidValue(parser, "A date must be in the years 1 to 9999", parser.getText(),
                        LocalDate.class);
            }
            return date;
        }
    }

    private static final class Text extends StdScalarDeserializer<String> {
        Text() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String value = StringDeserializer.instance.deserialize(parser, context);
            if (value != null && value.indexOf('\u0000') >= 0) {
                throw new NulInText(parser, value);
            }
            return value;
        }
    }
}
