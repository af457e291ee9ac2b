package org.partnershipledger.query.accesslog;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts the bytes of a body written through the output stream, as every JSON, NDJSON, CSV and problem answer of
 * the ledger is; streamed answers write to it after the request's thread has returned, and are counted too. A
 * body written through the writer is not counted ({@link #bytes()} is then null).
 */
final class CountingResponse extends HttpServletResponseWrapper {

    private final AtomicLong bytes = new AtomicLong();
    private volatile boolean writerUsed;
    private ServletOutputStream counting;

    CountingResponse(HttpServletResponse response) {
        super(response);
    }

    @Override
    public synchronized ServletOutputStream getOutputStream() throws IOException {
        if (counting == null) {
            counting = new Counting(super.getOutputStream());
        }
        return counting;
    }

    @Override
    public PrintWriter getWriter() throws IOException {
        writerUsed = true;
        return super.getWriter();
    }

    /** The body's bytes written so far, or null when some went through the writer. */
    Long bytes() {
        return writerUsed ? null : bytes.get();
    }

    private final class Counting extends ServletOutputStream {
        private final ServletOutputStream out;

        Counting(ServletOutputStream out) {
            this.out = out;
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            bytes.incrementAndGet();
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            bytes.addAndGet(len);
        }

        @Override
        public void flush() throws IOException {
            out.flush();
        }

        @Override
        public void close() throws IOException {
            out.close();
        }

        @Override
        public boolean isReady() {
            return out.isReady();
        }

        @Override
        public void setWriteListener(WriteListener listener) {
            out.setWriteListener(listener);
        }
    }
}
