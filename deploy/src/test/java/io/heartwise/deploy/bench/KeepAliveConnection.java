package io.heartwise.deploy.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * One client's HTTP/1.1 keep-alive connection that sends a fixed request again and again: the
 * load generator of {@link AttemptsBench}. It costs the shared CPU a few microseconds per request,
 * where {@link java.net.http.HttpClient} costs a good part of a millisecond, so the figure measures
 * the endpoint rather than the client (wrk does the same for the HTTP benchmark). Reads
 * {@code Content-Length} and chunked bodies; reconnects when the server closes. Not thread-safe.
 */
final class KeepAliveConnection implements AutoCloseable {
    private static final int TIMEOUT_MILLIS = 30_000;

    private final InetSocketAddress server;
    private final byte[] request;
    private Socket socket;
    private InputStream in;
    private OutputStream out;

    /** What came back: the status and the body as text. */
    record Reply(int status, String body) {
    }

    /**
     * @param path  the request target, such as {@code /api/v1/quizzes/q/attempts}
     * @param token the bearer token sent with every request
     * @param json  the body sent with every request
     */
    static KeepAliveConnection post(InetSocketAddress server, String path, String token, String json) {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        String head = "POST " + path + " HTTP/1.1\r\n"
                + "Host: " + server.getHostString() + ":" + server.getPort() + "\r\n"
                + "Authorization: Bearer " + token + "\r\n"
                + "Content-Type: application/json\r\n"
                + "Accept: application/json\r\n"
                + "Content-Length: " + body.length + "\r\n\r\n";
        byte[] headBytes = head.getBytes(StandardCharsets.US_ASCII);
        byte[] request = new byte[headBytes.length + body.length];
        System.arraycopy(headBytes, 0, request, 0, headBytes.length);
        System.arraycopy(body, 0, request, headBytes.length, body.length);
        return new KeepAliveConnection(server, request);
    }

    private KeepAliveConnection(InetSocketAddress server, byte[] request) {
        this.server = server;
        this.request = request;
    }

    /** Sends the request and reads the whole response. */
    Reply send() throws IOException {
        if (socket == null) {
            socket = new Socket();
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(TIMEOUT_MILLIS);
            socket.connect(server, TIMEOUT_MILLIS);
            in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
            out = socket.getOutputStream();
        }
        try {
            out.write(request);
            out.flush();
            return read();
        } catch (IOException e) {
            close();
            throw e;
        }
    }

    private Reply read() throws IOException {
        String statusLine = line();
        int status = Integer.parseInt(statusLine.substring(9, 12));
        long length = -1;
        boolean chunked = false;
        boolean closes = false;
        for (String header = line(); !header.isEmpty(); header = line()) {
            int colon = header.indexOf(':');
            String name = header.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = header.substring(colon + 1).trim();
            switch (name) {
                case "content-length" -> length = Long.parseLong(value);
                case "transfer-encoding" -> chunked = value.equalsIgnoreCase("chunked");
                case "connection" -> closes = value.equalsIgnoreCase("close");
                default -> {
                }
            }
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream(length > 0 ? (int) length : 8192);
        if (chunked) {
            for (int size = chunkSize(); size > 0; size = chunkSize()) {
                body.write(in.readNBytes(size));
                line();
            }
            while (!line().isEmpty()) {
                // Trailers: none expected, skipped.
            }
        } else if (length >= 0) {
            byte[] bytes = in.readNBytes((int) length);
            if (bytes.length < length) {
                throw new EOFException("the body ended after " + bytes.length + " of " + length + " bytes");
            }
            body.write(bytes);
        } else {
            body.write(in.readAllBytes());
            closes = true;
        }
        if (closes) {
            close();
        }
        return new Reply(status, body.toString(StandardCharsets.UTF_8));
    }

    private int chunkSize() throws IOException {
        String line = line();
        int extension = line.indexOf(';');
        return Integer.parseInt(extension < 0 ? line.trim() : line.substring(0, extension).trim(), 16);
    }

    private String line() throws IOException {
        StringBuilder line = new StringBuilder(64);
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) {
                throw new EOFException("the server closed the connection mid-response");
            }
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return line.toString();
    }

    @Override
    public void close() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException e) {
                // Closing a broken connection: nothing left to do.
            }
            socket = null;
        }
    }
}
