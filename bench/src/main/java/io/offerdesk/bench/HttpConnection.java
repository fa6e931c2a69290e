package io.offerdesk.bench;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;

/**
 * One keep-alive HTTP/1.1 connection for one load generator client: the request goes out as prebuilt bytes and the
 * answer is read with blocking I/O on the client's own virtual thread. java.net.http.HttpClient hands every exchange
 * between its selector and executor threads; on two cores shared with the application that cost the application a
 * good part of its CPU, so the measured calls use this instead. Setup calls still use the JDK client.
 *
 * <p>It reads what Offerdesk (Tomcat) sends: a status line, headers, and a body sized by Content-Length or chunked,
 * and reconnects when the server says {@code Connection: close}.
 */
final class HttpConnection implements AutoCloseable {

    private static final int BUFFER = 16 * 1024;
    private static final int MAX_LINE = 8 * 1024;

    private final InetSocketAddress server;
    private final int timeoutMillis;
    private Socket socket;
    private InputStream in;
    private OutputStream out;

    /** Connects at once, so that no measured call pays for the first connection. */
    HttpConnection(InetSocketAddress server, Duration timeout) throws IOException {
        this.server = server;
        this.timeoutMillis = Math.toIntExact(timeout.toMillis());
        open();
    }

    /** Sends one request and reads the whole answer, dropping its body; returns the status code. */
    int exchange(byte[] request) throws IOException {
        if (socket == null) {
            open();
        }
        try {
            out.write(request);
            out.flush();
            return readResponse();
        } catch (IOException e) {
            // After a failed exchange the stream position is unknown; the next call starts on a new connection.
            close();
            throw e;
        }
    }

    @Override
    public void close() throws IOException {
        if (socket != null) {
            var closing = socket;
            socket = null;
            closing.close();
        }
    }

    private void open() throws IOException {
        var opened = new Socket();
        opened.setTcpNoDelay(true);
        opened.connect(server, timeoutMillis);
        opened.setSoTimeout(timeoutMillis);
        socket = opened;
        in = new BufferedInputStream(opened.getInputStream(), BUFFER);
        out = new BufferedOutputStream(opened.getOutputStream(), BUFFER);
    }

    private int readResponse() throws IOException {
        var statusLine = readLine();
        // "HTTP/1.1 200" and then an optional reason phrase
        if (!statusLine.startsWith("HTTP/1.") || statusLine.length() < 12) {
            throw new IOException("not an HTTP/1.x status line: " + statusLine);
        }
        var status = Integer.parseInt(statusLine.substring(9, 12));
        long contentLength = -1;
        var chunked = false;
        var closes = false;
        for (var header = readLine(); !header.isEmpty(); header = readLine()) {
            var colon = header.indexOf(':');
            if (colon < 0) {
                throw new IOException("malformed header: " + header);
            }
            var name = header.substring(0, colon).trim();
            var value = header.substring(colon + 1).trim();
            if (name.equalsIgnoreCase("Content-Length")) {
                contentLength = Long.parseLong(value);
            } else if (name.equalsIgnoreCase("Transfer-Encoding")) {
                chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
            } else if (name.equalsIgnoreCase("Connection")) {
                closes = value.equalsIgnoreCase("close");
            }
        }
        if (chunked) {
            skipChunks();
        } else if (contentLength >= 0) {
            in.skipNBytes(contentLength);
        } else if (status != 204 && status != 304) {
            // Neither length nor chunks: the body ends when the server closes the connection.
            in.transferTo(OutputStream.nullOutputStream());
            closes = true;
        }
        if (closes) {
            close();
        }
        return status;
    }

    private void skipChunks() throws IOException {
        for (long size = chunkSize(); size > 0; size = chunkSize()) {
            in.skipNBytes(size);
            if (!readLine().isEmpty()) {
                throw new IOException("chunk not followed by CRLF");
            }
        }
        // Trailers, if any, end with an empty line.
        while (!readLine().isEmpty()) {}
    }

    private long chunkSize() throws IOException {
        var line = readLine();
        var extension = line.indexOf(';');
        return Long.parseLong((extension < 0 ? line : line.substring(0, extension)).trim(), 16);
    }

    /** A line without its CRLF; header bytes outside ASCII do not occur in what this reads. */
    private String readLine() throws IOException {
        var line = new StringBuilder(64);
        while (true) {
            var b = in.read();
            if (b < 0) {
                throw new IOException("connection closed by the server in the middle of an answer");
            }
            if (b == '\n') {
                var end = line.length();
                if (end > 0 && line.charAt(end - 1) == '\r') {
                    line.setLength(end - 1);
                }
                return line.toString();
            }
            if (line.length() >= MAX_LINE) {
                throw new IOException("a line of the answer is longer than " + MAX_LINE + " bytes");
            }
            line.append((char) b);
        }
    }

    /** The bytes of a GET with the given headers, ready to be sent again and again. */
    static byte[] get(String host, String path, String... headers) {
        var request = new StringBuilder()
                .append("GET ")
                .append(path)
                .append(" HTTP/1.1\r\nHost: ")
                .append(host)
                .append("\r\n");
        for (var header : headers) {
            request.append(header).append("\r\n");
        }
        return request.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII);
    }
}
