package org.caravan.io;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Strict UTF-8 for every input file: text that is not UTF-8 is refused with the byte offset and line of the
 * first bad byte, instead of being decoded into replacement characters or failing with a Java decoder message.
 * One leading byte-order mark is dropped.
 */
public final class Utf8 {
    private Utf8() {}

    /** The first invalid byte sequence of a file: where it is, and a message a user can act on. */
    public static final class MalformedException extends IOException {
        private final long offset;
        private final long line;

        MalformedException(long offset, long line, int firstByte) {
            super(String.format(Locale.ROOT, "not valid UTF-8 text: byte 0x%02X at byte offset %d (line %d)%s; "
                    + "save the file as UTF-8", firstByte & 0xFF, offset, line, hint(offset, firstByte)));
            this.offset = offset;
            this.line = line;
        }

        /** 0-based offset of the first byte of the bad sequence. */
        public long offset() { return offset; }

        /** 1-based line of the bad sequence. */
        public long line() { return line; }

        /** {@code "line N"}, for a {@code Problem} location. */
        public String location() { return "line " + line; }

        private static String hint(long offset, int b) {
            if (offset == 0 && ((b & 0xFF) == 0xFF || (b & 0xFF) == 0xFE)) return " (a UTF-16 byte-order mark?)";
            return (b & 0xFF) >= 0x80 ? " (Latin-1 or Windows-1252 text?)" : "";
        }
    }

    /** Decodes {@code bytes}, dropping one leading byte-order mark. */
    public static String decode(byte[] bytes) throws MalformedException {
        int bad = firstInvalid(bytes, 0, bytes.length);
        if (bad >= 0) throw new MalformedException(bad, lineAt(bytes, bad), bytes[bad]);
        String s = new String(bytes, StandardCharsets.UTF_8);
        return s.startsWith("\uFEFF") ? s.substring(1) : s;
    }

    private static long lineAt(byte[] bytes, int offset) {
        long line = 1;
        for (int i = 0; i < offset; i++) if (bytes[i] == '\n') line++;
        return line;
    }

    /**
     * Index of the first byte of the first invalid sequence in {@code b[from, to)}, or -1. Rejects what the JDK's
     * strict decoder rejects: stray continuation bytes, overlong forms, surrogates, code points above U+10FFFF and
     * sequences cut short.
     */
    static int firstInvalid(byte[] b, int from, int to) {
        int i = from;
        while (i < to) {
            int c = b[i] & 0xFF;
            if (c < 0x80) {
                i++;
                continue;
            }
            int n = sequenceLength(b, i, to);
            if (n < 0) return i;
            i += n;
        }
        return -1;
    }

    /** Length of the valid multi-byte sequence starting at {@code i}, or -1 (also when cut short by {@code to}). */
    private static int sequenceLength(byte[] b, int i, int to) {
        int c = b[i] & 0xFF;
        int n;
        int min2;
        int max2 = 0xBF;
        if (c >= 0xC2 && c <= 0xDF) {
            n = 2;
            min2 = 0x80;
        } else if (c >= 0xE0 && c <= 0xEF) {
            n = 3;
            min2 = c == 0xE0 ? 0xA0 : 0x80; // overlong
            if (c == 0xED) max2 = 0x9F; // surrogates
        } else if (c >= 0xF0 && c <= 0xF4) {
            n = 4;
            min2 = c == 0xF0 ? 0x90 : 0x80; // overlong
            if (c == 0xF4) max2 = 0x8F; // above U+10FFFF
        } else {
            return -1;
        }
        if (i + n > to) return -1;
        int second = b[i + 1] & 0xFF;
        if (second < min2 || second > max2) return -1;
        for (int k = 2; k < n; k++) {
            int cont = b[i + k] & 0xFF;
            if (cont < 0x80 || cont > 0xBF) return -1;
        }
        return n;
    }

    /**
     * Wraps a stream so that reading it fails with a {@link MalformedException} (exact byte offset and line) at the
     * first invalid UTF-8 sequence; what it passes on is then safe to decode. For files too large to hold in memory.
     */
    public static InputStream checking(InputStream in) {
        return new CheckingStream(in);
    }

    private static final class CheckingStream extends FilterInputStream {
        private final byte[] buf = new byte[(1 << 16) + 4];
        private int pos;      // next byte to hand out
        private int checked;  // [pos, checked) is valid UTF-8; [checked, filled) a sequence still being read
        private int filled;
        private long base;    // file offset of buf[0]
        private long baseLine = 1; // line of buf[0]
        private boolean eof;

        CheckingStream(InputStream in) { super(in); }

        @Override
        public int read() throws IOException {
            if (pos == checked && !fill()) return -1;
            return buf[pos++] & 0xFF;
        }

        @Override
        public int read(byte[] out, int off, int len) throws IOException {
            if (len == 0) return 0;
            if (pos == checked && !fill()) return -1;
            int n = Math.min(len, checked - pos);
            System.arraycopy(buf, pos, out, off, n);
            pos += n;
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long done = 0;
            while (done < n && (pos < checked || fill())) {
                int k = (int) Math.min(n - done, checked - pos);
                pos += k;
                done += k;
            }
            return done;
        }

        @Override
        public int available() { return checked - pos; }

        @Override
        public boolean markSupported() { return false; }

        /** Reads and checks more bytes; false at the end of the stream. */
        private boolean fill() throws IOException {
            while (true) {
                // Everything before `checked` has been handed out: move the unfinished sequence to the front.
                for (int i = 0; i < checked; i++) if (buf[i] == '\n') baseLine++;
                base += checked;
                System.arraycopy(buf, checked, buf, 0, filled - checked);
                filled -= checked;
                pos = 0;
                checked = 0;
                if (eof) return false;
                int n = in.read(buf, filled, buf.length - filled);
                if (n < 0) {
                    eof = true;
                    if (filled > 0) throw malformed(0); // the file ends inside a multi-byte sequence
                    return false;
                }
                filled += n;
                int end = completeEnd(buf, filled);
                int bad = firstInvalid(buf, 0, end);
                if (bad >= 0) throw malformed(bad);
                checked = end;
                if (checked > 0) return true;
            }
        }

        private MalformedException malformed(int bad) {
            long l = baseLine;
            for (int i = 0; i < bad; i++) if (buf[i] == '\n') l++;
            return new MalformedException(base + bad, l, buf[bad]);
        }

        /** End of the last complete sequence: a trailing lead byte whose continuation bytes are missing is cut. */
        private static int completeEnd(byte[] b, int filled) {
            for (int back = 1; back <= Math.min(3, filled); back++) {
                int c = b[filled - back] & 0xFF;
                if (c < 0x80) return filled;
                if (c >= 0xC0) { // a lead byte: complete if all its continuation bytes are there
                    int need = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
                    return back >= need ? filled : filled - back;
                }
            }
            return filled;
        }
    }
}
