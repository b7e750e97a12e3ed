package org.caravan.server;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The response as a lane's worker sees it: status and headers go to the real response, the body is kept in memory
 * until the request's thread {@link #commit commits} it. When the time limit is hit the request's thread
 * {@link #detach detaches} it instead, and from then on nothing the (cancelled, perhaps still running) worker does
 * reaches the client: the request's thread alone writes the error. Every mutation holds the same lock, so the two
 * threads never touch the real response at once.
 */
final class CapturedResponse extends HttpServletResponseWrapper {
    private final Object lock = new Object();
    private final ByteArrayOutputStream body = new ByteArrayOutputStream();
    private boolean detached;
    /** The status the client gets instead of the worker's, once the request's thread stopped it; 0 when not. */
    private int stoppedStatus;
    private PrintWriter writer;

    private final ServletOutputStream out = new ServletOutputStream() {
        @Override
        public void write(int b) {
            synchronized (lock) {
                if (!detached) body.write(b);
            }
        }

        @Override
        public void write(byte[] b, int off, int len) {
            synchronized (lock) {
                if (!detached) body.write(b, off, len);
            }
        }

        @Override
        public boolean isReady() { return true; }

        @Override
        public void setWriteListener(WriteListener listener) {
            throw new IllegalStateException("asynchronous writes are not supported in a lane");
        }
    };

    CapturedResponse(HttpServletResponse response) { super(response); }

    /** Stops every later change by the worker from reaching the real response. */
    void detach() {
        synchronized (lock) {
            detached = true;
        }
    }

    /**
     * Detaches because the request's thread answers {@code status} instead (the time limit was hit): from now on
     * the worker (and the request log it writes when it ends) sees that status, not the 200 or 503 it set itself.
     */
    void stop(int status) {
        synchronized (lock) {
            detached = true;
            stoppedStatus = status;
        }
    }

    @Override
    public int getStatus() {
        synchronized (lock) {
            return stoppedStatus != 0 ? stoppedStatus : super.getStatus();
        }
    }

    /** Writes the captured body to the real response; the worker must have finished. */
    void commit() throws IOException {
        byte[] bytes;
        synchronized (lock) {
            if (writer != null) writer.flush();
            detached = true;
            bytes = body.toByteArray();
        }
        HttpServletResponse real = (HttpServletResponse) getResponse();
        if (bytes.length > 0) real.getOutputStream().write(bytes);
    }

    private void mutate(Runnable change) {
        synchronized (lock) {
            if (!detached) change.run();
        }
    }

    private <T> T read(Supplier<T> value, T whenDetached) {
        synchronized (lock) {
            return detached ? whenDetached : value.get();
        }
    }

    @Override public ServletOutputStream getOutputStream() { return out; }

    @Override
    public PrintWriter getWriter() {
        synchronized (lock) {
            if (writer == null) {
                String enc = getResponse().getCharacterEncoding();
                Charset cs = enc == null ? StandardCharsets.UTF_8 : Charset.forName(enc);
                writer = new PrintWriter(new OutputStreamWriter(out, cs));
            }
            return writer;
        }
    }

    @Override public boolean isCommitted() { return read(() -> false, true); }
    @Override public void flushBuffer() { /* the body is sent when the lane's answer is committed */ }
    @Override public void resetBuffer() { mutate(body::reset); }

    @Override
    public void reset() {
        mutate(() -> {
            body.reset();
            super.reset();
            SecurityHeaders.apply((HttpServletResponse) getResponse());
        });
    }

    @Override public void setBufferSize(int size) { /* the body is buffered in memory whatever the size */ }
    @Override public void setStatus(int sc) { mutate(() -> super.setStatus(sc)); }
    @Override public void sendError(int sc) { mutate(() -> super.setStatus(sc)); }
    @Override public void sendError(int sc, String msg) { mutate(() -> super.setStatus(sc)); }

    @Override
    public void sendRedirect(String location) {
        mutate(() -> {
            super.setStatus(302);
            super.setHeader("Location", location);
        });
    }

    @Override public void setHeader(String name, String value) { mutate(() -> super.setHeader(name, value)); }
    @Override public void addHeader(String name, String value) { mutate(() -> super.addHeader(name, value)); }
    @Override public void setIntHeader(String name, int value) { mutate(() -> super.setIntHeader(name, value)); }
    @Override public void addIntHeader(String name, int value) { mutate(() -> super.addIntHeader(name, value)); }
    @Override public void setDateHeader(String name, long date) { mutate(() -> super.setDateHeader(name, date)); }
    @Override public void addDateHeader(String name, long date) { mutate(() -> super.addDateHeader(name, date)); }
    @Override public void addCookie(Cookie cookie) { mutate(() -> super.addCookie(cookie)); }
    @Override public void setContentType(String type) { mutate(() -> super.setContentType(type)); }
    @Override public void setCharacterEncoding(String charset) { mutate(() -> super.setCharacterEncoding(charset)); }
    @Override public void setContentLength(int len) { /* computed from the captured body */ }
    @Override public void setContentLengthLong(long len) { /* computed from the captured body */ }
    @Override public void setLocale(Locale loc) { mutate(() -> super.setLocale(loc)); }

    @Override
    public void setTrailerFields(Supplier<Map<String, String>> supplier) {
        mutate(() -> super.setTrailerFields(supplier));
    }
}
