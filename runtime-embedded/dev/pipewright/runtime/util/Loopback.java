package dev.pipewright.runtime.util;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.LinkedHashSet;
import java.util.Set;

/** Loopback-only networking helpers: picking a free port and asking whether anything listens on one. */
public final class Loopback {
  private Loopback() {}

  /** How many ports handed out by {@link #freePort()} are remembered, so none is handed out twice. */
  static final int REMEMBERED = 1024;

  /** Ports handed out, oldest first. */
  private static final Set<Integer> handedOut = new LinkedHashSet<>();

  /**
   * A port that was free on 127.0.0.1 a moment ago (the usual bind-and-release race applies with
   * other processes) and that this JVM has not handed out lately: servers that start at once, or a
   * broker's two listeners, must not be given the same port, which the system does hand out again
   * once the probing socket is closed.
   */
  public static synchronized int freePort() {
    for (int attempt = 0; attempt < 100; attempt++) {
      int port = probe();
      if (handedOut.add(port)) {
        if (handedOut.size() > REMEMBERED) {
          handedOut.remove(handedOut.iterator().next());
        }
        return port;
      }
    }
    throw new IllegalStateException("No loopback port that was not handed out already after 100 tries");
  }

  private static int probe() {
    try (ServerSocket s = new ServerSocket()) {
      s.setReuseAddress(true);
      s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("No free loopback port: " + e.getMessage(), e);
    }
  }

  /** True when a TCP connection to 127.0.0.1:{@code port} is accepted. */
  public static boolean listening(int port) {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 300);
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
