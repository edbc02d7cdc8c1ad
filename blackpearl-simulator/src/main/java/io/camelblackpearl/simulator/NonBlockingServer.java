package io.camelblackpearl.simulator;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.Method;
import org.apache.hc.core5.http.impl.DefaultConnectionReuseStrategy;
import org.apache.hc.core5.http.impl.io.DefaultHttpRequestParser;
import org.apache.hc.core5.http.impl.io.DefaultHttpResponseWriter;
import org.apache.hc.core5.http.impl.io.HttpService;
import org.apache.hc.core5.http.impl.io.SessionInputBufferImpl;
import org.apache.hc.core5.http.impl.io.SessionOutputBufferImpl;
import org.apache.hc.core5.http.impl.io.SocketHolder;
import org.apache.hc.core5.http.io.HttpRequestHandler;
import org.apache.hc.core5.http.io.support.BasicHttpServerExpectationDecorator;
import org.apache.hc.core5.http.io.support.BasicHttpServerRequestHandler;
import org.apache.hc.core5.http.message.BasicClassicHttpResponse;
import org.apache.hc.core5.http.protocol.HttpCoreContext;
import org.apache.hc.core5.http.protocol.HttpProcessor;
import org.apache.hc.core5.http.impl.HttpProcessors;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.Timeout;

/**
 * The simulator's plain-HTTP server. Two selector threads answer the ordinary requests (no fault planned, no
 * request body, an answer held in memory) on the spot, so that many keep-alive clients cost two threads and no
 * thread switch per request. A connection that meets anything else (a fault plan, a request body or
 * {@code Expect}, {@code HEAD}, a streamed MasterObjectList, a head it cannot read) is handed, with the bytes
 * already read, to a thread of its own and served by HttpCore's classic server code for the rest of its life:
 * every fault then reaches the socket exactly as with the classic server. Requests are parsed and answers
 * written by HttpCore's own parser, writer and response interceptors either way.
 */
final class NonBlockingServer implements AutoCloseable {

    private static final int MAX_HEAD = 64 * 1024;
    private static final Timeout CLASSIC_SOCKET_TIMEOUT = Timeout.ofMinutes(5);

    private final ServerSocketChannel listener;
    private final HttpRequestHandler handler;
    private final FaultPlan faults;
    private final HttpProcessor processor = HttpProcessors.server();
    private final HttpService classic;
    private final FaultConnections classicConnections = new FaultConnections("http");
    private final List<Loop> loops = new ArrayList<>();
    private final Thread acceptor;
    /** A thread per handed-over connection, gone a second after it closes (as HttpCore's classic server does). */
    private final ExecutorService classicThreads = new java.util.concurrent.ThreadPoolExecutor(0, Integer.MAX_VALUE, 1,
            java.util.concurrent.TimeUnit.SECONDS, new java.util.concurrent.SynchronousQueue<>(), daemon("blackpearl-simulator-classic"));
    private final Set<Socket> classicSockets = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    NonBlockingServer(InetAddress bindAddress, int port, HttpRequestHandler handler, FaultPlan faults) throws IOException {
        this.handler = handler;
        this.faults = faults;
        this.classic = new HttpService(processor,
                new BasicHttpServerExpectationDecorator(new BasicHttpServerRequestHandler((request, context) -> handler)));
        this.listener = ServerSocketChannel.open();
        try {
            listener.bind(new InetSocketAddress(bindAddress, port), 1024);
            for (int i = 0; i < 2; i++) {
                loops.add(new Loop(Selector.open(), i));
            }
        } catch (IOException e) {
            close();
            throw e;
        }
        this.acceptor = daemon("blackpearl-simulator-accept").newThread(this::accept);
    }

    void start() {
        loops.forEach(loop -> loop.thread.start());
        acceptor.start();
    }

    int port() {
        return listener.socket().getLocalPort();
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    private void accept() {
        int next = 0;
        while (!closed) {
            try {
                SocketChannel channel = listener.accept();
                // One response per write and TCP_NODELAY: see docs/ds3-protocol.md §5 (the delayed-ACK trap).
                channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
                channel.setOption(StandardSocketOptions.SO_KEEPALIVE, true);
                channel.configureBlocking(false);
                loops.get(next++ % loops.size()).adopt(channel);
            } catch (IOException e) {
                if (closed) {
                    return;
                }
            }
        }
    }

    /** One connection served by a selector thread: what it has read and not yet answered, what is left to write. */
    private static final class Connection {
        final SocketChannel channel;
        ByteBuffer in = ByteBuffer.allocate(8 * 1024);
        ByteBuffer out;
        boolean closeAfterWrite;

        Connection(SocketChannel channel) {
            this.channel = channel;
        }
    }

    /** A selector thread and the connections it serves. */
    private final class Loop {
        final Selector selector;
        final Thread thread;
        final Queue<SocketChannel> adopted = new ArrayDeque<>();
        final List<SelectionKey> handOffs = new ArrayList<>();

        Loop(Selector selector, int index) {
            this.selector = selector;
            this.thread = daemon("blackpearl-simulator-io-" + index).newThread(this::run);
        }

        void adopt(SocketChannel channel) {
            synchronized (adopted) {
                adopted.add(channel);
            }
            selector.wakeup();
        }

        void run() {
            try {
                while (!closed) {
                    selector.select();
                    registerAdopted();
                    serveSelected();
                    while (!handOffs.isEmpty()) {
                        // A channel must leave its selector before it can block: cancel, then let the selector drop it.
                        List<SelectionKey> leaving = new ArrayList<>(handOffs);
                        handOffs.clear();
                        leaving.forEach(SelectionKey::cancel);
                        selector.selectNow();
                        // selectNow clears a pending wakeup: a connection adopted meanwhile would wait forever.
                        registerAdopted();
                        for (SelectionKey key : leaving) {
                            handToClassic(key.attachment());
                        }
                        serveSelected();
                    }
                }
            } catch (IOException | ClosedSelectorException e) {
                // closing
            } finally {
                for (SelectionKey key : selector.keys()) {
                    closeQuietly(key.channel());
                }
                closeQuietly(selector);
            }
        }

        private void registerAdopted() {
            synchronized (adopted) {
                for (SocketChannel channel; (channel = adopted.poll()) != null; ) {
                    try {
                        channel.register(selector, SelectionKey.OP_READ, new Connection(channel));
                    } catch (IOException closedMeanwhile) {
                        closeQuietly(channel); // nothing to serve; the loop goes on for the others
                    }
                }
            }
        }

        private void serveSelected() {
            for (Iterator<SelectionKey> ready = selector.selectedKeys().iterator(); ready.hasNext(); ) {
                SelectionKey key = ready.next();
                ready.remove();
                if (!(key.attachment() instanceof Connection connection)) {
                    continue; // a streamed answer waiting to be handed over
                }
                try {
                    if (key.isValid() && key.isWritable()) {
                        writePending(key, connection);
                    } else if (key.isValid() && key.isReadable()) {
                        if (connection.channel.read(connection.in) < 0) {
                            close(key, connection);
                            continue;
                        }
                        serveBuffered(key, connection);
                    }
                } catch (IOException | RuntimeException | HttpException e) {
                    close(key, connection);
                }
            }
        }

        /** Answers every whole request read so far, in order, unless one needs the classic server. */
        private void serveBuffered(SelectionKey key, Connection connection) throws IOException, HttpException {
            while (connection.out == null && key.isValid()) {
                if (connection.in.position() > 0 && !startsLikeARequest(connection.in.get(0))) {
                    handOffs.add(key); // e.g. a TLS hello on the plain port: answered by the classic code, as before
                    return;
                }
                int end = headEnd(connection.in);
                if (end < 0) {
                    if (!connection.in.hasRemaining()) {
                        if (connection.in.capacity() >= MAX_HEAD) {
                            handOffs.add(key); // let the classic server refuse it
                            return;
                        }
                        ByteBuffer bigger = ByteBuffer.allocate(connection.in.capacity() * 2);
                        connection.in.flip();
                        connection.in = bigger.put(connection.in);
                    }
                    return;
                }
                if (!faults.isEmpty()) {
                    handOffs.add(key);
                    return;
                }
                byte[] head = new byte[end];
                System.arraycopy(connection.in.array(), 0, head, 0, end);
                ClassicHttpRequest request;
                try {
                    request = new DefaultHttpRequestParser().parse(new SessionInputBufferImpl(8 * 1024), new ByteArrayInputStream(head));
                } catch (HttpException malformed) {
                    handOffs.add(key); // the classic server answers it as it always has
                    return;
                }
                if (request == null || !servedHere(request)) {
                    handOffs.add(key);
                    return;
                }
                HttpCoreContext context = HttpCoreContext.create();
                context.setRequest(request);
                context.setAttribute(Ds3RequestHandler.NO_FAULT_PLANNED, Boolean.TRUE);
                ClassicHttpResponse response = new BasicClassicHttpResponse(200);
                handler.handle(request, response, context);
                HttpEntity entity = response.getEntity();
                if (entity != null && (entity.isStreaming() || entity.getContentLength() < 0)) {
                    // A streamed MasterObjectList: served by the classic code, which writes it as it is generated.
                    consume(connection.in, end);
                    handOffs.add(key);
                    key.attach(new StreamedAnswer(connection, request, response, context));
                    return;
                }
                consume(connection.in, end);
                processor.process(response, entity, context);
                ByteArrayOutputStream bytes = new ByteArrayOutputStream(512 + (entity == null ? 0 : (int) entity.getContentLength()));
                SessionOutputBufferImpl buffer = new SessionOutputBufferImpl(8 * 1024);
                new DefaultHttpResponseWriter().write(response, buffer, bytes);
                buffer.flush(bytes);
                if (entity != null) {
                    entity.writeTo(bytes);
                }
                connection.out = ByteBuffer.wrap(bytes.toByteArray());
                connection.closeAfterWrite = !DefaultConnectionReuseStrategy.INSTANCE.keepAlive(request, response, context);
                writePending(key, connection);
            }
        }

        private void writePending(SelectionKey key, Connection connection) throws IOException, HttpException {
            connection.channel.write(connection.out);
            if (connection.out.hasRemaining()) {
                key.interestOps(SelectionKey.OP_WRITE);
                return;
            }
            connection.out = null;
            if (connection.closeAfterWrite) {
                close(key, connection);
                return;
            }
            key.interestOps(SelectionKey.OP_READ);
            serveBuffered(key, connection);
        }

        private void close(SelectionKey key, Connection connection) {
            key.cancel();
            closeQuietly(connection.channel);
        }
    }

    /** A request whose answer is streamed: the classic code sends it, then serves the connection. */
    private record StreamedAnswer(Connection connection, ClassicHttpRequest request, ClassicHttpResponse response,
                                  HttpCoreContext context) {
    }

    /** Request lines start with a method token; anything else (a TLS record starts with 0x16) is not for this loop. */
    private static boolean startsLikeARequest(byte first) {
        return first >= 'A' && first <= 'Z';
    }

    /** Served on the selector thread: no body to read, nothing to hold back, nothing the classic path must see. */
    private static boolean servedHere(ClassicHttpRequest request) {
        Header length = request.getFirstHeader(HttpHeaders.CONTENT_LENGTH);
        return request.getFirstHeader(HttpHeaders.TRANSFER_ENCODING) == null
                && request.getFirstHeader(HttpHeaders.EXPECT) == null
                && (length == null || length.getValue().trim().equals("0"))
                && !Method.HEAD.isSame(request.getMethod())
                && request.getVersion() != null && request.getVersion().getMajor() == 1;
    }

    /** Continues a connection on a thread of its own, in blocking mode, with HttpCore's classic server code. */
    private void handToClassic(Object attachment) {
        StreamedAnswer streamed = attachment instanceof StreamedAnswer s ? s : null;
        Connection connection = streamed != null ? streamed.connection() : (Connection) attachment;
        SocketChannel channel = connection.channel;
        byte[] unread = new byte[connection.in.position()];
        System.arraycopy(connection.in.array(), 0, unread, 0, unread.length);
        try {
            channel.configureBlocking(true);
        } catch (IOException e) {
            closeQuietly(channel);
            return;
        }
        Socket socket = channel.socket();
        classicSockets.add(socket);
        classicThreads.execute(() -> {
            FaultConnections.Connection classicConnection = null;
            try {
                classicConnection = classicConnections.createConnection(socket, unread);
                classicConnection.setSocketTimeout(CLASSIC_SOCKET_TIMEOUT);
                if (streamed != null) {
                    sendStreamed(classicConnection, streamed);
                }
                HttpCoreContext context = HttpCoreContext.create();
                while (!closed && classicConnection.isOpen()) {
                    classic.handleRequest(classicConnection, context);
                    context = HttpCoreContext.create();
                }
            } catch (Exception e) {
                // the client went away, or a fault ended the connection
            } finally {
                if (classicConnection != null) {
                    classicConnection.close(CloseMode.IMMEDIATE);
                }
                closeQuietly(socket);
                classicSockets.remove(socket);
            }
        });
    }

    private void sendStreamed(FaultConnections.Connection connection, StreamedAnswer streamed) throws IOException, HttpException {
        ClassicHttpResponse response = streamed.response();
        processor.process(response, response.getEntity(), streamed.context());
        connection.sendResponseHeader(response);
        connection.sendResponseEntity(response);
        connection.flush();
        if (!DefaultConnectionReuseStrategy.INSTANCE.keepAlive(streamed.request(), response, streamed.context())) {
            connection.close();
        }
    }

    /** Where the first request head ends (its length, the blank line included), or -1 while it is incomplete. */
    private static int headEnd(ByteBuffer in) {
        byte[] bytes = in.array();
        for (int i = 3; i < in.position(); i++) {
            if (bytes[i] == '\n' && bytes[i - 1] == '\r' && bytes[i - 2] == '\n' && bytes[i - 3] == '\r') {
                return i + 1;
            }
        }
        return -1;
    }

    private static void consume(ByteBuffer in, int length) {
        int rest = in.position() - length;
        System.arraycopy(in.array(), length, in.array(), 0, rest);
        in.position(rest);
    }

    private static void closeQuietly(java.io.Closeable closeable) {
        try {
            closeable.close();
        } catch (IOException ignored) {
            // already gone
        }
    }

    @Override
    public void close() {
        closed = true;
        closeQuietly(listener);
        for (Loop loop : loops) {
            loop.selector.wakeup();
            try {
                loop.thread.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            closeQuietly(loop.selector);
        }
        classicSockets.forEach(NonBlockingServer::closeQuietly);
        classicThreads.shutdownNow();
    }

    /** The bytes a classic connection reads first: what the selector thread had read and not answered. */
    static InputStream replaying(byte[] unread, InputStream rest) {
        return unread.length == 0 ? rest : new SequenceInputStream(new ByteArrayInputStream(unread), rest);
    }

    /** A socket whose stream starts with bytes already read. */
    static SocketHolder holder(Socket socket, byte[] unread) {
        return new SocketHolder(socket) {
            @Override
            protected InputStream getInputStream(Socket s) throws IOException {
                return replaying(unread, super.getInputStream(s));
            }
        };
    }
}
