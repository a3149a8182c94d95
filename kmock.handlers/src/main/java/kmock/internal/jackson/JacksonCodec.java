package kmock.internal.jackson;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

import kmock.spi.JsonCodec;

/**
 * The library's JSON codec when {@code kmock-handlers} is present: Jackson, so replies and client bodies may be
 * any Jackson-serialisable object (fabric8 and client-java models included) and responses bind to any class.
 * Plain parsing yields only maps, lists and scalar values: request bodies never become arbitrary types.
 */
public final class JacksonCodec implements JsonCodec {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    static {
        MAPPER.getFactory()
                .setStreamReadConstraints(
                        StreamReadConstraints.builder().maxNestingDepth(1000).build());
    }

    /** The shared mapper, for the handlers' own use (YAML and typed conversions build on its settings). */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    @Override
    public int priority() {
        return 100;
    }

    @Override
    public Object parse(byte[] json) {
        try {
            return MAPPER.readValue(json, Object.class);
        } catch (IOException e) {
            throw new IllegalArgumentException("Malformed JSON: " + brief(e), e);
        }
    }

    @Override
    public <T> T parse(byte[] json, Class<T> type) {
        try {
            return MAPPER.readValue(json, type);
        } catch (IOException e) {
            throw new IllegalArgumentException("Cannot read JSON as " + type.getName() + ": " + brief(e), e);
        }
    }

    @Override
    public byte[] write(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(
                    "Cannot write " + value.getClass().getName() + " as JSON: " + brief(e), e);
        }
    }

    private static String brief(IOException e) {
        return e instanceof JsonProcessingException jpe
                ? jpe.getOriginalMessage()
                        + (jpe.getLocation() == null
                                ? ""
                                : " at line " + jpe.getLocation().getLineNr() + ", column "
                                        + jpe.getLocation().getColumnNr())
                : e.getMessage();
    }
}
