package dev.pipewright.monitor.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.locks.LockSupport;

/**
 * A TCP proxy on loopback that holds every chunk of bytes for a fixed time before passing it on,
 * in both directions, so a benchmark sees a network's round-trip time (twice {@code oneWay})
 * without a bandwidth limit. Byte order is kept: each direction is one FIFO queue whose release
 * times only grow.
 */
final class LatencyProxy implements AutoCloseable {
  private final ServerSocket server;
  private final InetSocketAddress target;
  private final long delayNanos;
  private volatile boolean open = true;

  LatencyProxy(int listenPort, InetSocketAddress target, Duration oneWay) throws IOException {
    this.server = new ServerSocket(listenPort, 50, InetAddress.getLoopbackAddress());
    this.target = target;
    this.delayNanos = oneWay.toNanos();
    Thread acceptor = new Thread(this::accept, "latency-proxy-accept");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  int port() {
    return server.getLocalPort();
  }

  private void accept() {
    while (open) {
      try {
        Socket client = server.accept();
        Socket upstream = new Socket(target.getAddress(), target.getPort());
        client.setTcpNoDelay(true);
        upstream.setTcpNoDelay(true);
        pipe(client, upstream);
        pipe(upstream, client);
      } catch (IOException e) {
        if (open) {
          System.err.println("latency proxy: " + e.getMessage());
        }
      }
    }
  }

  private record Chunk(long releaseAt, byte[] bytes) {}

  private static final Chunk EOF = new Chunk(0, new byte[0]);

  /** A reader thread stamps each chunk with its release time; a writer thread waits and sends. */
  private void pipe(Socket from, Socket to) {
    BlockingQueue<Chunk> queue = new LinkedBlockingQueue<>();
    Thread reader = new Thread(() -> {
      byte[] buf = new byte[64 * 1024];
      try (InputStream in = from.getInputStream()) {
        int n;
        while ((n = in.read(buf)) > 0) {
          queue.add(new Chunk(System.nanoTime() + delayNanos, Arrays.copyOf(buf, n)));
        }
      } catch (IOException e) {
        // the other side closed: end this direction
      }
      queue.add(EOF);
    }, "latency-proxy-read");
    Thread writer = new Thread(() -> {
      try (OutputStream out = to.getOutputStream()) {
        while (true) {
          Chunk c = queue.take();
          if (c == EOF) {
            break;
          }
          long wait;
          while ((wait = c.releaseAt() - System.nanoTime()) > 0) {
            LockSupport.parkNanos(wait);
          }
          out.write(c.bytes());
          out.flush();
        }
      } catch (IOException | InterruptedException e) {
        // closed
      } finally {
        closeQuietly(to);
        closeQuietly(from);
      }
    }, "latency-proxy-write");
    reader.setDaemon(true);
    writer.setDaemon(true);
    reader.start();
    writer.start();
  }

  private static void closeQuietly(Socket s) {
    try {
      s.close();
    } catch (IOException e) {
      // already closed
    }
  }

  @Override
  public void close() throws IOException {
    open = false;
    server.close();
  }
}
