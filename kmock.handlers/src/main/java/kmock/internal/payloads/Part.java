package kmock.internal.payloads;

import java.nio.charset.StandardCharsets;

import kmock.internal.json.Json;

/**
 * One piece of a body and how it was made: JSON values become one line each when several pieces share a body
 * or a stream (JSON Lines), and a body made only of JSON or only of text gets a matching {@code Content-Type}.
 */
record Part(byte[] bytes, Form form) {

    /** How the bytes were made. */
    enum Form {
        /** A JSON text. */
        JSON,
        /** UTF-8 text. */
        TEXT,
        /** Raw bytes: given as such, or read from a file or an input. */
        RAW
    }

    /** A value as its JSON text; {@code null} is {@code null}. */
    static Part json(Object value) {
        return new Part(Json.write(value), Form.JSON);
    }

    /** UTF-8 text. */
    static Part text(String text) {
        return new Part(text.getBytes(StandardCharsets.UTF_8), Form.TEXT);
    }

    /** Raw bytes (not copied). */
    static Part raw(byte[] bytes) {
        return new Part(bytes, Form.RAW);
    }

    /** The bytes as one item of several: a JSON value ends with a line break. */
    byte[] asItem() {
        if (form != Form.JSON) {
            return bytes;
        }
        byte[] line = new byte[bytes.length + 1];
        System.arraycopy(bytes, 0, line, 0, bytes.length);
        line[bytes.length] = '\n';
        return line;
    }
}
