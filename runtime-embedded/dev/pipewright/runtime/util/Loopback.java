package dev.pipewright.runtime.util;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;

/** Loopback-only networking helpers: picking a free port and asking whether anything listens on one. */
public final class Loopback {
  private Loopback() {}

  /** A port that was free on 127.0.0.1 a moment ago (the usual bind-and-release race applies). */
  public static int freePort() {
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
