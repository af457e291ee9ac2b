package org.partnershipledger.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a raw socket, exactly as written: a well-behaved client refuses to send most of what a hostile one
 * does (control characters in headers, invalid UTF-8, a Content-Length that lies, a chunked body that never ends).
 * Every request says {@code Connection: close}; the answer is read up to its declared end (a stream's answer only
 * up to its head).
 */
final class RawHttp {

    private static final ObjectMapper JSON = new ObjectMapper();

    private RawHttp() {
    }

    /** A request line, header lines and body bytes, sent as they are; see {@link #send(int, Request)}. */
    record Request(String method, String target, List<String> headers, byte[] body, boolean chunked) {

        static Request of(String method, String target) {
            return new Request(method, target, List.of(), null, false);
        }

        /** As a demo user (password {@code <name>-demo}); no Authorization at all for null. */
        Request as(String user) {
            return user == null ? this : header("Authorization: Basic " + Base64.getEncoder()
                    .encodeToString((user + ":" + user + "-demo").getBytes(StandardCharsets.UTF_8)));
        }

        Request header(String line) {
            List<String> lines = new ArrayList<>(headers);
            lines.add(line);
            return new Request(method, target, List.copyOf(lines), body, chunked);
        }

        /** A JSON body with its Content-Type and Content-Length. */
        Request json(String text) {
            return header("Content-Type: application/json").withBody(text.getBytes(StandardCharsets.UTF_8));
        }

        /** The body; Content-Length is added unless a header line names it or the body is sent chunked. */
        Request withBody(byte[] bytes) {
            return new Request(method, target, headers, bytes, chunked);
        }

        Request sentChunked() {
            return new Request(method, target, headers, body, true);
        }

        /** The bytes on the wire, without the body. */
        byte[] head(int port) {
            StringBuilder head = new StringBuilder(method).append(' ').append(target).append(" HTTP/1.1\r\n")
                    .append("Host: localhost:").append(port).append("\r\nConnection: close\r\n");
            boolean lengthGiven = false;
            for (String line : headers) {
                head.append(line).append("\r\n");
                lengthGiven |= line.toLowerCase(Locale.ROOT).startsWith("content-length:");
            }
            if (chunked) {
                head.append("Transfer-Encoding: chunked\r\n");
            } else if (body != null && !lengthGiven) {
                head.append("Content-Length: ").append(body.length).append("\r\n");
            }
            // headers may carry any byte: ISO-8859-1 writes each char below 256 as that one byte
            return head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
        }

        @Override
        public String toString() {
            String shownBody = body == null ? "" : " body(" + body.length + " bytes)=" + abbreviate(
                    new String(body, StandardCharsets.UTF_8));
            List<String> shownHeaders = headers.stream().filter(line -> !line.startsWith("Authorization: Basic"))
                    .map(RawHttp::abbreviate).toList();
            return method + " " + abbreviate(target) + (shownHeaders.isEmpty() ? "" : " " + shownHeaders)
                    + (chunked ? " chunked" : "") + shownBody;
        }
    }

    /** An answer: status, Content-Type, headers (names in lower case) and body. */
    record Answer(int status, String contentType, Map<String, String> headers, String body) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("Not JSON: " + body, e);
            }
        }

        boolean isProblem() {
            return contentType.startsWith("application/problem+json");
        }

        /** The problem's code, or null when the answer is not problem+json with one. */
        String code() {
            if (!isProblem()) {
                return null;
            }
            try {
                JsonNode code = JSON.readTree(body).get("code");
                return code == null ? null : code.asText();
            } catch (IOException e) {
                return null;
            }
        }

        void assertProblem(int expectedStatus, String code) {
            assertThat(status).as(this::toString).isEqualTo(expectedStatus);
            assertThat(contentType).as(this::toString).startsWith("application/problem+json");
            assertThat(json().get("code").asText()).as(this::toString).isEqualTo(code);
        }

        @Override
        public String toString() {
            return status + " " + contentType + " " + abbreviate(body);
        }
    }

    static Answer send(int port, Request request) {
        return send(port, request, 30_000);
    }

    /**
     * Sends the request and reads the answer, waiting at most {@code timeoutMillis} for each read. A server may
     * answer (413, say) and stop reading before the body is written: the answer is read all the same.
     */
    static Answer send(int port, Request request, int timeoutMillis) {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(timeoutMillis);
            OutputStream out = socket.getOutputStream();
            try {
                out.write(request.head(port));
                if (request.body() != null) {
                    if (request.chunked()) {
                        writeChunked(out, request.body());
                    } else {
                        out.write(request.body());
                    }
                }
                out.flush();
            } catch (IOException refusedMidway) {
                // the server answered and closed before reading everything: its answer is still there to read
            }
            return read(socket.getInputStream());
        } catch (IOException e) {
            throw new UncheckedIOException("No answer to " + request, e);
        }
    }

    private static void writeChunked(OutputStream out, byte[] body) throws IOException {
        for (int at = 0; at < body.length; at += 8192) {
            int size = Math.min(8192, body.length - at);
            out.write((Integer.toHexString(size) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(body, at, size);
            out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
    }

    /** Reads one answer: its head, then a body of Content-Length, chunks, or up to the end (not a stream's). */
    static Answer read(InputStream raw) throws IOException {
        InputStream in = new BufferedInputStream(raw);
        String statusLine = line(in);
        if (statusLine == null) {
            throw new IOException("The server closed the connection without an answer");
        }
        int status = Integer.parseInt(statusLine.substring(9, 12));
        Map<String, String> headers = new LinkedHashMap<>();
        for (String line; (line = line(in)) != null && !line.isEmpty(); ) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
            }
        }
        String contentType = headers.getOrDefault("content-type", "");
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        if (contentType.startsWith("text/event-stream")) {
            return new Answer(status, contentType, headers, ""); // a stream does not end by itself
        } else if (headers.getOrDefault("transfer-encoding", "").contains("chunked")) {
            for (int size; (size = Integer.parseInt(line(in).split(";")[0].trim(), 16)) > 0; ) {
                body.write(in.readNBytes(size));
                line(in);
            }
        } else if (headers.containsKey("content-length")) {
            body.write(in.readNBytes(Integer.parseInt(headers.get("content-length"))));
        } else {
            try {
                in.transferTo(body);
            } catch (SocketTimeoutException e) {
                // no length and no end: what came is the answer
            }
        }
        return new Answer(status, contentType, headers, body.toString(StandardCharsets.UTF_8));
    }

    /** A line up to CRLF, one char per byte; null at the end of the stream. */
    private static String line(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int b; (b = in.read()) >= 0; ) {
            if (b == '\n') {
                int end = line.length();
                return line.substring(0, end > 0 && line.charAt(end - 1) == '\r' ? end - 1 : end);
            }
            line.append((char) b);
        }
        return line.isEmpty() ? null : line.toString();
    }

    static String abbreviate(String text) {
        String printable = text.replaceAll("\\p{Cntrl}", "\uFFFD");
        return printable.length() > 160 ? printable.substring(0, 120) + "…(" + text.length() + " chars)…"
                + printable.substring(printable.length() - 30) : printable;
    }
}
