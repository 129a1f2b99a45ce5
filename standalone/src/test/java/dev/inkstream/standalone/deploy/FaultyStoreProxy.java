package dev.inkstream.standalone.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP proxy in front of an S3 API server that misbehaves the way a busy store does, per
 * connection: some are answered {@code 503 SlowDown} and closed, some are reset before any
 * answer, the rest are passed through byte for byte (so request signatures still verify).
 * {@link #heal()} makes it a plain proxy; {@link #breakAll()} fails every new connection.
 */
final class FaultyStoreProxy implements AutoCloseable {

    private static final String SLOW_DOWN_XML = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
            + "<Error><Code>SlowDown</Code><Message>Reduce your request rate.</Message></Error>";
    private static final byte[] SLOW_DOWN = ("HTTP/1.1 503 Slow Down\r\nContent-Type: application/xml\r\nConnection: close\r\n"
            + "Content-Length: " + SLOW_DOWN_XML.length() + "\r\n\r\n" + SLOW_DOWN_XML).getBytes(StandardCharsets.US_ASCII);

    private final ServerSocket server;
    private final InetSocketAddress target;
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    private final AtomicInteger connections = new AtomicInteger();
    private final AtomicInteger slowDowns = new AtomicInteger();
    private final AtomicInteger resets = new AtomicInteger();
    private volatile int slowDownEvery;
    private volatile int resetEvery;

    FaultyStoreProxy(URI target, int slowDownEvery, int resetEvery) throws IOException {
        this.target = new InetSocketAddress(target.getHost(), target.getPort());
        this.slowDownEvery = slowDownEvery;
        this.resetEvery = resetEvery;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        threads.submit(this::accept);
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getLocalPort());
    }

    int slowDowns() {
        return slowDowns.get();
    }

    int resets() {
        return resets.get();
    }

    void heal() {
        slowDownEvery = 0;
        resetEvery = 0;
    }

    void breakAll() {
        slowDownEvery = 1;
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                threads.submit(() -> serve(client));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void serve(Socket client) {
        int n = connections.incrementAndGet();
        try (client) {
            if (slowDownEvery > 0 && n % slowDownEvery == 0) {
                slowDowns.incrementAndGet();
                client.getInputStream().read(new byte[8192]);
                client.getOutputStream().write(SLOW_DOWN);
                return;
            }
            if (resetEvery > 0 && n % resetEvery == 0) {
                resets.incrementAndGet();
                client.setSoLinger(true, 0);
                return;
            }
            try (Socket upstream = new Socket(target.getAddress(), target.getPort())) {
                var toUpstream = threads.submit(() -> pipe(client.getInputStream(), upstream.getOutputStream(), upstream));
                pipe(upstream.getInputStream(), client.getOutputStream(), client);
                toUpstream.cancel(true);
            }
        } catch (IOException e) {
            // The client or the server went away: nothing to do for a proxy.
        }
    }

    private static Void pipe(InputStream in, OutputStream out, Socket closeWhenDone) throws IOException {
        try {
            in.transferTo(out);
        } finally {
            closeWhenDone.shutdownOutput();
        }
        return null;
    }

    @Override
    public void close() throws IOException {
        server.close();
        threads.shutdownNow();
    }
}
