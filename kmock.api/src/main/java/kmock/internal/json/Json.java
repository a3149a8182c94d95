package kmock.internal.json;

import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.ServiceLoader;
import java.util.stream.StreamSupport;

import kmock.spi.JsonCodec;

/** The one place that picks the JSON codec for the library: the highest-priority one found, else the built-in. */
public final class Json {

    private static volatile JsonCodec codec;

    private Json() {}

    /** The codec in use: loaded once, on first use. */
    public static JsonCodec codec() {
        JsonCodec current = codec;
        if (current == null) {
            current = StreamSupport.stream(
                            ServiceLoader.load(JsonCodec.class, Json.class.getClassLoader())
                                    .spliterator(),
                            false)
                    .max(Comparator.comparingInt(JsonCodec::priority))
                    .orElseGet(PlainJsonCodec::new);
            codec = current;
        }
        return current;
    }

    /** Parses JSON bytes into plain values. @throws IllegalArgumentException on malformed JSON */
    public static Object parse(byte[] json) {
        return codec().parse(json);
    }

    /** Parses JSON text into plain values. @throws IllegalArgumentException on malformed JSON */
    public static Object parse(String json) {
        return codec().parse(json.getBytes(StandardCharsets.UTF_8));
    }

    /** Serialises a value as UTF-8 JSON bytes. */
    public static byte[] write(Object value) {
        return codec().write(value);
    }

    /** Serialises a value as a JSON string. */
    public static String toText(Object value) {
        return new String(write(value), StandardCharsets.UTF_8);
    }
}
