package io.heartwise.http;

import io.heartwise.api.ProblemType;
import io.heartwise.problem.ProblemException;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * Refuses request bodies over {@link #MAX_BYTES} with a 413 problem: by their declared length at
 * once, and by counting while reading when the length is not declared (chunked).
 */
@Priority(Priorities.HEADER_DECORATOR)
public final class BodySizeLimit implements ContainerRequestFilter {
    /** 64 KiB: far more than any quiz submission needs. */
    public static final int MAX_BYTES = 64 * 1024;

    private static final int MAX_DRAIN_BYTES = 1024 * 1024;

    private final int maxBytes;
    private final Mount mount;

    /** @param mount which requests are the API's: a host's are left alone */
    public BodySizeLimit(int maxBytes, Mount mount) {
        this.maxBytes = maxBytes;
        this.mount = mount;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        if (!mount.owns(request.getUriInfo().getPath())) {
            return;
        }
        if (request.getLength() > maxBytes) {
            drain(request);
            throw tooLarge();
        }
        if (request.hasEntity()) {
            request.setEntityStream(new LimitedStream(request.getEntityStream(), maxBytes));
        }
    }

    /**
     * Reads and drops a moderately oversized body, so that the client, still sending it, gets the
     * 413 rather than a connection reset. Bodies over {@link #MAX_DRAIN_BYTES} are not worth it.
     */
    private static void drain(ContainerRequestContext request) {
        if (request.getLength() > MAX_DRAIN_BYTES) {
            return;
        }
        byte[] buffer = new byte[8192];
        long remaining = request.getLength();
        try {
            InputStream in = request.getEntityStream();
            int read;
            while (remaining > 0 && (read = in.read(buffer, 0, (int) Math.min(buffer.length, remaining))) > 0) {
                remaining -= read;
            }
        } catch (IOException e) {
            // the client went away: nothing to drain
        }
    }

    private ProblemException tooLarge() {
        return new ProblemException(ProblemType.REQUEST_TOO_LARGE, "The request body is larger than " + maxBytes / 1024 + " KiB.", List.of());
    }

    private final class LimitedStream extends FilterInputStream {
        private long remaining;

        LimitedStream(InputStream in, long limit) {
            super(in);
            this.remaining = limit;
        }

        @Override
        public int read() throws IOException {
            int value = super.read();
            if (value >= 0) {
                count(1);
            }
            return value;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int read = super.read(buffer, offset, length);
            if (read > 0) {
                count(read);
            }
            return read;
        }

        private void count(int bytes) {
            remaining -= bytes;
            if (remaining < 0) {
                throw tooLarge();
            }
        }
    }
}
