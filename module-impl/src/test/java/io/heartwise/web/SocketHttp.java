package io.heartwise.web;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Sends one HTTP/1.1 request per connection, written byte for byte as given (header values as
 * ISO-8859-1, where java.net.http would write {@code ?} for every byte past ASCII), and reads the
 * answer by its {@code Content-Length} or chunks. No connection is reused, so one that the server
 * drops after an answer (as the JDK's test server does when it leaves a body unread) cannot fail
 * the next request.
 */
public final class SocketHttp {
    private final URI base;

    /** @param base the API root, ending in {@code /} */
    public SocketHttp(URI base) {
        this.base = base;
    }

    /** @param body the bytes to send, or {@code null} for none */
    public RawHttp.Answer send(String method, String path, Map<String, String> headers, byte[] body) {
        URI target = base.resolve(path);
        try (Socket socket = new Socket(target.getHost(), target.getPort())) {
            socket.setSoTimeout(30_000);
            StringBuilder head = new StringBuilder(method).append(' ').append(target.getRawPath()).append(" HTTP/1.1\r\n")
                    .append("Host: ").append(target.getHost()).append(':').append(target.getPort()).append("\r\n")
                    .append("Connection: close\r\n");
            if (body != null) {
                head.append("Content-Length: ").append(body.length).append("\r\n");
            }
            headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
            head.append("\r\n");
            OutputStream out = socket.getOutputStream();
            try {
                out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
                if (body != null) {
                    out.write(body);
                }
                out.flush();
            } catch (IOException e) {
                // The server may answer and close before it has read all of a body it refuses: read that answer.
            }
            return read(new BufferedInputStream(socket.getInputStream()));
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + path, e);
        }
    }

    public RawHttp.Answer post(String path, Map<String, String> headers, byte[] body) {
        return send("POST", path, headers, body);
    }

    private static RawHttp.Answer read(InputStream in) throws IOException {
        String statusLine = line(in);
        if (statusLine.isEmpty()) {
            throw new IOException("the server closed the connection without an answer");
        }
        int status = Integer.parseInt(statusLine.split(" ", 3)[1]);
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (String line = line(in); !line.isEmpty(); line = line(in)) {
            int colon = line.indexOf(':');
            headers.computeIfAbsent(line.substring(0, colon).strip(), name -> new ArrayList<>()).add(line.substring(colon + 1).strip());
        }
        String length = first(headers, "Content-Length");
        byte[] body;
        if ("chunked".equalsIgnoreCase(first(headers, "Transfer-Encoding"))) {
            ByteArrayOutputStream chunks = new ByteArrayOutputStream();
            for (int size = chunkSize(line(in)); size > 0; size = chunkSize(line(in))) {
                chunks.write(in.readNBytes(size));
                line(in);
            }
            body = chunks.toByteArray();
        } else if (length != null) {
            body = in.readNBytes(Integer.parseInt(length));
        } else {
            body = in.readAllBytes();
        }
        return new RawHttp.Answer(status, first(headers, "Content-Type"), new String(body, StandardCharsets.UTF_8),
                HttpHeaders.of(headers, (name, value) -> true));
    }

    private static String first(Map<String, List<String>> headers, String name) {
        List<String> values = headers.get(name);
        return values == null ? null : values.get(0);
    }

    private static int chunkSize(String line) {
        int extension = line.indexOf(';');
        return Integer.parseInt((extension < 0 ? line : line.substring(0, extension)).strip().toLowerCase(Locale.ROOT), 16);
    }

    /** @return one line without its CRLF; empty at the end of the stream */
    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int next = in.read(); next >= 0 && next != '\n'; next = in.read()) {
            if (next != '\r') {
                line.write(next);
            }
        }
        return line.toString(StandardCharsets.ISO_8859_1);
    }
}
