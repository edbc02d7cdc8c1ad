package io.camelblackpearl.simulator;

import java.io.IOException;
import java.net.Socket;
import javax.net.ssl.SSLSocket;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.config.Http1Config;
import org.apache.hc.core5.http.impl.io.DefaultBHttpServerConnection;
import org.apache.hc.core5.http.io.HttpConnectionFactory;

/**
 * Server connections that let a fault reach the TCP socket of the request being served (on the serving
 * thread), to reset it or to notice that a stalled client hung up. HttpCore does not expose the socket.
 */
final class FaultConnections implements HttpConnectionFactory<DefaultBHttpServerConnection> {

    private static final ThreadLocal<Connection> SERVING = new ThreadLocal<>();

    private final String scheme;

    FaultConnections(String scheme) {
        this.scheme = scheme;
    }

    /** The connection whose request this thread is serving. */
    static Connection current() {
        return SERVING.get();
    }

    @Override
    public DefaultBHttpServerConnection createConnection(Socket socket) throws IOException {
        Connection connection = new Connection(scheme, socket);
        connection.bind(socket);
        return connection;
    }

    @Override
    public DefaultBHttpServerConnection createConnection(SSLSocket sslSocket, Socket socket) throws IOException {
        Connection connection = new Connection(scheme, socket);
        connection.bind(sslSocket, socket);
        return connection;
    }

    static final class Connection extends DefaultBHttpServerConnection {
        private final Socket socket;

        Connection(String scheme, Socket socket) {
            super(scheme, Http1Config.DEFAULT);
            this.socket = socket;
        }

        @Override
        protected void onRequestReceived(ClassicHttpRequest request) {
            SERVING.set(this);
        }

        /** Sends a TCP RST instead of an orderly close: SO_LINGER 0, then close. */
        void reset() throws IOException {
            socket.setSoLinger(true, 0);
            socket.close();
        }

        /** True once the client has closed its end (checked without waiting). */
        boolean clientGone() {
            try {
                return isStale();
            } catch (IOException e) {
                return true;
            }
        }
    }
}
