package io.camelblackpearl.benchmarks;

import io.camelblackpearl.ds3.Ds3Credentials;
import io.camelblackpearl.ds3.Ds3RequestSigner;
import java.io.EOFException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A load generator that costs the machine as little as possible, so that a two-core machine's cores go to the
 * server under test: one thread, {@code connections} non-blocking keep-alive sockets each with one request in
 * flight (no pipelining), requests prepared up front, each answer skipped by its {@code Content-Length}. It is
 * what {@code wrk} does, in Java. A non-200 answer or a closed connection fails the run.
 */
final class RawLoad {

    private RawLoad() {
    }

    /** One connection's state: the answer being read, and how far. */
    private static final class Connection {
        final SocketChannel channel;
        final StringBuilder head = new StringBuilder(256);
        int matched; // how much of "\r\n\r\n" the head ends with
        int bodyLeft = -1; // -1 while the head is being read

        Connection(SocketChannel channel) {
            this.channel = channel;
        }
    }

    /** Sends {@code calls} requests (taken in turn from {@code requests}) and returns answers per second. */
    static double run(String host, int port, List<byte[]> requests, int connections, int calls) throws IOException {
        List<Connection> open = new ArrayList<>();
        try (Selector selector = Selector.open()) {
            for (int c = 0; c < connections; c++) {
                SocketChannel channel = SocketChannel.open(new InetSocketAddress(host, port));
                channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
                channel.configureBlocking(false);
                open.add(new Connection(channel));
            }
            ByteBuffer in = ByteBuffer.allocateDirect(64 * 1024);
            long start = System.nanoTime();
            int sent = 0;
            int answered = 0;
            for (Connection connection : open) {
                if (sent < calls) {
                    send(connection, requests.get(sent++ % requests.size()));
                }
                connection.channel.register(selector, SelectionKey.OP_READ, connection);
            }
            while (answered < calls) {
                selector.select();
                for (Iterator<SelectionKey> ready = selector.selectedKeys().iterator(); ready.hasNext(); ) {
                    SelectionKey key = ready.next();
                    ready.remove();
                    Connection connection = (Connection) key.attachment();
                    in.clear();
                    if (connection.channel.read(in) < 0) {
                        throw new EOFException("the server closed a connection after " + answered + " answers");
                    }
                    in.flip();
                    while (in.hasRemaining()) {
                        if (!consume(connection, in)) {
                            continue;
                        }
                        answered++;
                        if (sent < calls) {
                            send(connection, requests.get(sent++ % requests.size()));
                        }
                    }
                }
            }
            return calls / ((System.nanoTime() - start) / 1e9);
        } finally {
            for (Connection connection : open) {
                connection.channel.close();
            }
        }
    }

    /** Reads what {@code in} holds of the current answer; true when the answer is complete. */
    private static boolean consume(Connection c, ByteBuffer in) {
        if (c.bodyLeft < 0) {
            while (in.hasRemaining() && c.matched < 4) {
                byte b = in.get();
                c.head.append((char) b);
                c.matched = (b == '\r' && (c.matched == 0 || c.matched == 2)) || (b == '\n' && (c.matched == 1 || c.matched == 3))
                        ? c.matched + 1 : 0;
            }
            if (c.matched < 4) {
                return false;
            }
            c.bodyLeft = contentLength(c.head.toString());
            c.head.setLength(0);
            c.matched = 0;
        }
        int skipped = Math.min(c.bodyLeft, in.remaining());
        in.position(in.position() + skipped);
        c.bodyLeft -= skipped;
        if (c.bodyLeft > 0) {
            return false;
        }
        c.bodyLeft = -1;
        return true;
    }

    private static int contentLength(String head) {
        if (!head.startsWith("HTTP/1.1 200")) {
            throw new IllegalStateException("the server answered " + head.lines().findFirst().orElse(""));
        }
        int at = head.toLowerCase(Locale.ROOT).indexOf("content-length:");
        if (at < 0) {
            throw new IllegalStateException("no Content-Length in " + head);
        }
        return Integer.parseInt(head.substring(at + 15, head.indexOf('\r', at)).trim());
    }

    private static void send(Connection connection, byte[] request) throws IOException {
        ByteBuffer out = ByteBuffer.wrap(request);
        while (out.hasRemaining()) {
            connection.channel.write(out); // a few hundred bytes into an empty socket buffer: written at once
        }
    }

    /**
     * One Modify Active Job ({@code ?priority=HIGH}) per job, signed once now: the Date stays within the
     * appliance's 15 minutes for any run these harnesses make.
     */
    static List<byte[]> signedModifies(String host, int port, Ds3Credentials credentials, List<String> jobIds) {
        String date = Ds3RequestSigner.httpDate(Instant.now());
        List<byte[]> requests = new ArrayList<>();
        for (String job : jobIds) {
            String path = "/_rest_/active_job/" + job;
            String authorization = Ds3RequestSigner.authorization(credentials, "PUT", path, Map.of("Date", date));
            requests.add(("PUT " + path + "?priority=HIGH HTTP/1.1\r\nHost: " + host + ":" + port + "\r\nDate: " + date
                    + "\r\nAuthorization: " + authorization + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        }
        return requests;
    }
}
