package io.offerdesk.bench;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
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
 * and reconnects when the server says {@code Connection: close}. The body is skipped unless the caller needs it to
 * decide its next request ({@link #exchangeForAnswer}), so that plain reads copy no bytes.
 */
final class HttpConnection implements AutoCloseable {

    private static final int BUFFER = 16 * 1024;
    private static final int MAX_LINE = 8 * 1024;

    private final InetSocketAddress server;
    private final int timeoutMillis;
    private Socket socket;
    private InputStream in;
    private OutputStream out;
    /** Reused for every answer whose body is kept. */
    private final ByteArrayOutputStream body = new ByteArrayOutputStream(BUFFER);

    /** A status and the body as text (Offerdesk answers UTF-8 JSON). */
    record Answer(int status, String body) {}

    /** Connects at once, so that no measured call pays for the first connection. */
    HttpConnection(InetSocketAddress server, Duration timeout) throws IOException {
        this.server = server;
        this.timeoutMillis = Math.toIntExact(timeout.toMillis());
        open();
    }

    /** Sends one request and reads the whole answer, dropping its body; returns the status code. */
    int exchange(byte[] request) throws IOException {
        return send(request, null);
    }

    /** Sends one request and reads the whole answer, keeping its body. */
    Answer exchangeForAnswer(byte[] request) throws IOException {
        body.reset();
        var status = send(request, body);
        return new Answer(status, body.toString(StandardCharsets.UTF_8));
    }

    /** @param kept where the body goes; null to skip it */
    private int send(byte[] request, ByteArrayOutputStream kept) throws IOException {
        if (socket == null) {
            open();
        }
        try {
            out.write(request);
            out.flush();
            return readResponse(kept);
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

    private int readResponse(ByteArrayOutputStream kept) throws IOException {
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
            readChunks(kept);
        } else if (contentLength >= 0) {
            readBody(contentLength, kept);
        } else if (status != 204 && status != 304) {
            // Neither length nor chunks: the body ends when the server closes the connection.
            in.transferTo(kept == null ? OutputStream.nullOutputStream() : kept);
            closes = true;
        }
        if (closes) {
            close();
        }
        return status;
    }

    private void readBody(long length, ByteArrayOutputStream kept) throws IOException {
        if (kept == null) {
            in.skipNBytes(length);
        } else {
            kept.write(in.readNBytes(Math.toIntExact(length)));
        }
    }

    private void readChunks(ByteArrayOutputStream kept) throws IOException {
        for (long size = chunkSize(); size > 0; size = chunkSize()) {
            readBody(size, kept);
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
        return head("GET", host, path, headers).append("\r\n").toString().getBytes(StandardCharsets.US_ASCII);
    }

    /** The bytes of a POST of a JSON body with the given headers. */
    static byte[] post(String host, String path, String json, String... headers) {
        var content = json.getBytes(StandardCharsets.UTF_8);
        var head = head("POST", host, path, headers)
                .append("Content-Type: application/json\r\nContent-Length: ")
                .append(content.length)
                .append("\r\n\r\n")
                .toString()
                .getBytes(StandardCharsets.US_ASCII);
        var request = new byte[head.length + content.length];
        System.arraycopy(head, 0, request, 0, head.length);
        System.arraycopy(content, 0, request, head.length, content.length);
        return request;
    }

    private static StringBuilder head(String method, String host, String path, String... headers) {
        var request = new StringBuilder()
                .append(method)
                .append(' ')
                .append(path)
                .append(" HTTP/1.1\r\nHost: ")
                .append(host)
                .append("\r\n");
        for (var header : headers) {
            request.append(header).append("\r\n");
        }
        return request;
    }
}
