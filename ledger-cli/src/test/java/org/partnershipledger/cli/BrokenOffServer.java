package org.partnershipledger.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * Answers one request with a Content-Length larger than what it sends, then closes the connection: a download that
 * broke off. Raw sockets, because com.sun.net.httpserver keeps such a connection open and the client would wait.
 */
final class BrokenOffServer implements AutoCloseable {

    private final ServerSocket socket;

    BrokenOffServer(byte[] sent, long promised) throws IOException {
        socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        Thread thread = new Thread(() -> serveOnce(sent, promised), "broken-off-server");
        thread.setDaemon(true);
        thread.start();
    }

    String url() {
        return "http://127.0.0.1:" + socket.getLocalPort();
    }

    private void serveOnce(byte[] sent, long promised) {
        try (Socket client = socket.accept()) {
            BufferedReader request = new BufferedReader(new InputStreamReader(client.getInputStream(),
                    StandardCharsets.ISO_8859_1));
            for (String line = request.readLine(); line != null && !line.isEmpty(); line = request.readLine()) {
                // the request head is read and ignored
            }
            OutputStream out = client.getOutputStream();
            out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + promised
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.write(sent);
            out.flush();
        } catch (IOException closed) {
            // the test is over
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
