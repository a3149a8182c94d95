package kmock.internal.cli;

import java.io.ByteArrayOutputStream;
import java.security.GeneralSecurityException;

/** The few DER encodings PEM key conversion needs: tag-length-value writing and the curve of a SEC1 EC key. */
final class Der {

    private Der() {
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
