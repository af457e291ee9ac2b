package org.partnershipledger.platform.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.util.List;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * How request bodies are read, stricter than the JSON the ledger writes and stores: a key given twice is malformed
 * JSON (rather than an error deep in the binding of a record), a fraction where a whole number belongs is refused
 * (rather than cut off: a score of 2.9 would be recorded as 2), and text with a NUL character is refused, because
 * PostgreSQL cannot store it: accepted, it would break every read model the event reaches. Only the web layer's
 * converters are changed, not the mapper that reads stored events.
 */
class RequestJson implements WebMvcConfigurer {

    /** Thrown for a text value with a NUL character; the field it names is answered as VALIDATION_FAILED. */
    static class NulInText extends InvalidFormatException {
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
                .registerModule(new SimpleModule("ledger-request-text").addDeserializer(String.class, new Text()));
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
