package kmock.internal.tls;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The few DER encodings that KMock's certificates and PEM key conversion need: tag-length-value writing of the
 * universal types X.509 uses, and reading the curve of a SEC1 EC key. Small on purpose: X.509 needs about ten
 * types, and a library for them would be the only third-party code in {@code kmock-api}.
 */
final class Der {

    private static final DateTimeFormatter UTC_TIME =
            DateTimeFormatter.ofPattern("yyMMddHHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter GENERALIZED_TIME =
            DateTimeFormatter.ofPattern("yyyyMMddHHmmss'Z'").withZone(ZoneOffset.UTC);

    private Der() {}

    /** A SEQUENCE of the encoded parts. */
    static byte[] sequence(byte[]... parts) {
        return tagged(0x30, concat(parts));
    }

    /** A SET of the encoded parts (callers give one part, or parts already in DER order). */
    static byte[] set(byte[]... parts) {
        return tagged(0x31, concat(parts));
    }

    /** An INTEGER. */
    static byte[] integer(BigInteger value) {
        return tagged(0x02, value.toByteArray());
    }

    /** A BOOLEAN. */
    static byte[] bool(boolean value) {
        return new byte[] {0x01, 0x01, (byte) (value ? 0xff : 0x00)};
    }

    /** An OBJECT IDENTIFIER from its dotted form, such as {@code 2.5.4.3}. */
    static byte[] oid(String dotted) {
        String[] arcs = dotted.split("\\.");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(Integer.parseInt(arcs[0]) * 40 + Integer.parseInt(arcs[1]));
        for (int i = 2; i < arcs.length; i++) {
            long arc = Long.parseLong(arcs[i]);
            int groups = 1;
            for (long rest = arc >>> 7; rest != 0; rest >>>= 7) {
                groups++;
            }
            for (int g = groups - 1; g >= 0; g--) {
                out.write((int) ((arc >>> (7 * g)) & 0x7f) | (g == 0 ? 0 : 0x80));
            }
        }
        return tagged(0x06, out.toByteArray());
    }

    /** A UTF8String. */
    static byte[] utf8(String text) {
        return tagged(0x0c, text.getBytes(StandardCharsets.UTF_8));
    }

    /** An OCTET STRING. */
    static byte[] octetString(byte[] content) {
        return tagged(0x04, content);
    }

    /** A BIT STRING of whole bytes. */
    static byte[] bitString(byte[] content) {
        byte[] withPadding = new byte[content.length + 1];
        System.arraycopy(content, 0, withPadding, 1, content.length);
        return tagged(0x03, withPadding);
    }

    /** A time as X.509 wants it: UTCTime until 2049, GeneralizedTime from 2050. */
    static byte[] time(Instant instant) {
        boolean utc = instant.isBefore(Instant.parse("2050-01-01T00:00:00Z"));
        String text = (utc ? UTC_TIME : GENERALIZED_TIME).format(instant);
        return tagged(utc ? 0x17 : 0x18, text.getBytes(StandardCharsets.US_ASCII));
    }

    /** A context-specific constructed tag {@code [n]} around encoded content (EXPLICIT tagging). */
    static byte[] explicit(int n, byte[] content) {
        return tagged(0xa0 | n, content);
    }

    /** A context-specific primitive tag {@code [n]} with raw content (IMPLICIT tagging of a primitive type). */
    static byte[] implicit(int n, byte[] content) {
        return tagged(0x80 | n, content);
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            content.writeBytes(part);
        }
        return content.toByteArray();
    }

    /** A tag, its definite length and the content. */
    static byte[] tagged(int tag, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(tag);
        int length = content.length;
        if (length < 0x80) {
            out.write(length);
        } else {
            int bytes = length > 0xffffff ? 4 : length > 0xffff ? 3 : length > 0xff ? 2 : 1;
            out.write(0x80 | bytes);
            for (int i = bytes - 1; i >= 0; i--) {
                out.write((length >>> (8 * i)) & 0xff);
            }
        }
        out.writeBytes(content);
        return out.toByteArray();
    }

    /**
     * The named-curve OID (tag and all) of a SEC1 {@code ECPrivateKey}: SEQUENCE { version, privateKey OCTET STRING,
     * [0] parameters (the OID), [1] publicKey }.
     */
    static byte[] ecCurveOid(byte[] sec1) throws GeneralSecurityException {
        int[] at = {0};
        expect(sec1, at, 0x30);
        length(sec1, at);
        while (at[0] < sec1.length) {
            int tag = sec1[at[0]++] & 0xff;
            int length = length(sec1, at);
            if (tag == 0xa0) {
                int start = at[0];
                if ((sec1[start] & 0xff) != 0x06) {
                    throw new GeneralSecurityException("EC key parameters are not a named curve");
                }
                int[] inner = {start + 1};
                int oidLength = length(sec1, inner);
                return java.util.Arrays.copyOfRange(sec1, start, inner[0] + oidLength);
            }
            at[0] += length;
        }
        throw new GeneralSecurityException("EC PRIVATE KEY names no curve");
    }

    private static void expect(byte[] der, int[] at, int tag) throws GeneralSecurityException {
        if (at[0] >= der.length || (der[at[0]++] & 0xff) != tag) {
            throw new GeneralSecurityException("malformed DER: expected tag " + tag);
        }
    }

    private static int length(byte[] der, int[] at) throws GeneralSecurityException {
        if (at[0] >= der.length) {
            throw new GeneralSecurityException("malformed DER: truncated");
        }
        int first = der[at[0]++] & 0xff;
        if (first < 0x80) {
            return first;
        }
        int bytes = first & 0x7f;
        if (bytes > 4 || at[0] + bytes > der.length) {
            throw new GeneralSecurityException("malformed DER: bad length");
        }
        int length = 0;
        for (int i = 0; i < bytes; i++) {
            length = (length << 8) | (der[at[0]++] & 0xff);
        }
        return length;
    }
}
