package kmock.internal.k8s.emulator;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import kmock.internal.json.Json;
import kmock.internal.k8s.store.StoredObject;

/**
 * The JSON of a list: its envelope, then the items joined from the text each stored version keeps, so that a list
 * of ten thousand objects copies bytes instead of serialising ten thousand trees.
 */
final class ListBodies {

    private ListBodies() {}

    /** {@code envelope} (apiVersion, kind, metadata) with {@code "items": [...]} appended. */
    static byte[] json(Map<String, Object> envelope, List<Map<String, Object>> items) {
        byte[] head = Json.write(envelope);
        ByteArrayOutputStream out = new ByteArrayOutputStream(head.length + 16 + items.size() * 512);
        out.write(head, 0, head.length - 1); // without its closing brace
        out.writeBytes(
                head.length > 2
                        ? ",\"items\":[".getBytes(StandardCharsets.US_ASCII)
                        : "\"items\":[".getBytes(StandardCharsets.US_ASCII));
        for (int i = 0; i < items.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.writeBytes(StoredObject.jsonOf(items.get(i)));
        }
        out.writeBytes("]}".getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }
}
