package kmock.internal.protobuf.json;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * How Go's encoding/json writes each protobuf field of the Kubernetes types, read from {@code go-json-shapes.txt}
 * (written from the Go sources by {@code src/build/java/GoJsonShapes.java}). The descriptors alone cannot tell:
 * Go puts every non-pointer field on the wire, so a zero there may be an explicit {@code replicas: 0} (a pointer)
 * or an unset {@code generateName} (omitempty), and embedded structs are separate messages that JSON flattens.
 */
public final class GoShapes {

    private static final String RESOURCE = "go-json-shapes.txt";

    /**
     * One Go field of a message.
     *
     * @param jsonName  its JSON name (which is not always the protobuf field name)
     * @param pointer   a Go pointer: written when present on the wire, even if zero
     * @param omitEmpty a zero value (or an empty list or map) is left out
     * @param inline    an embedded struct whose fields JSON writes into the parent
     */
    public record Field(String jsonName, boolean pointer, boolean omitEmpty, boolean inline) {}

    /**
     * The Go shape of one message.
     *
     * @param fields   by protobuf field number
     * @param listType a named Go slice type ({@code type ExtraValue []string}): JSON writes its items as an array
     */
    public record Message(Map<Integer, Field> fields, boolean listType) {}

    private final Map<String, Message> messages;

    GoShapes(Map<String, Message> messages) {
        this.messages = messages;
    }

    /** The bundled shapes, read once. */
    public static GoShapes bundled() {
        return Bundled.SHAPES;
    }

    /** The shape of a message by its full protobuf name, or {@code null} when the Go sources had no such type. */
    public Message of(String fullName) {
        return messages.get(fullName);
    }

    /** Reads the text format: {@code <message> <number>:<json name>:<flags>…} or {@code <message> []}. */
    static GoShapes read(InputStream in) throws IOException {
        Map<String, Message> messages = new HashMap<>();
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] words = line.trim().split(" ");
            if (words.length == 2 && words[1].equals("[]")) {
                messages.put(words[0], new Message(Map.of(), true));
                continue;
            }
            Map<Integer, Field> fields = new HashMap<>();
            for (int i = 1; i < words.length; i++) {
                String[] parts = words[i].split(":", -1);
                if (parts.length != 3) {
                    throw new IllegalStateException("bad field '" + words[i] + "' in " + RESOURCE + ": " + line);
                }
                String flags = parts[2];
                fields.put(
                        Integer.parseInt(parts[0]),
                        new Field(parts[1], flags.contains("p"), !flags.contains("n"), flags.contains("i")));
            }
            messages.put(words[0], new Message(Map.copyOf(fields), false));
        }
        return new GoShapes(Map.copyOf(messages));
    }

    private static final class Bundled {
        static final GoShapes SHAPES = load();

        private static GoShapes load() {
            try (InputStream in = GoShapes.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException(RESOURCE + " is missing from kmock-protobuf");
                }
                return read(in);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + RESOURCE, e);
            }
        }
    }
}
