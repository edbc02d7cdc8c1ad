package io.camelblackpearl.ds3;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A loopback server that answers every request with the same bytes, written by hand: for answers no
 * well-behaved server would send (hostile XML, a 20 MB error page, headers and then silence). It counts
 * the body bytes it managed to write, so a test can tell whether the client read them all.
 */
final class RawHttpServer implements AutoCloseable {

    /** What to send after the request was read. */
    @FunctionalInterface
    interface Answer {
        void write(OutputStream out, AtomicLong bodyBytesWritten) throws IOException, InterruptedException;
    }

    private final ServerSocket server;
    private final Thread acceptor;
    final AtomicLong bodyBytesWritten = new AtomicLong();

    RawHttpServer(Answer answer) throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        acceptor = new Thread(() -> {
            while (!server.isClosed()) {
                try (Socket socket = server.accept()) {
                    readRequestHead(socket.getInputStream());
                    answer.write(socket.getOutputStream(), bodyBytesWritten);
                    socket.getOutputStream().flush();
                } catch (IOException | InterruptedException e) {
                    // the client hung up, or the server is closing
                }
            }
        }, "raw-http-server");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    String endpoint() {
        return "http://127.0.0.1:" + server.getLocalPort();
    }

    /** An answer with a status line, headers and a body given as text. */
    static Answer text(int status, String contentType, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return (out, written) -> {
            out.write(head(status, contentType, bytes.length));
            out.write(bytes);
            written.addAndGet(bytes.length);
        };
    }

    static byte[] head(int status, String contentType, long contentLength) {
        return ("HTTP/1.1 " + status + " X\r\nContent-Type: " + contentType + "\r\nContent-Length: " + contentLength
                + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    private static void readRequestHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0) {
            head.write(b);
            if (head.size() >= 4 && head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
                return;
            }
        }
    }

    @Override
    public void close() throws Exception {
        server.close();
        acceptor.join(5000);
    }
}
