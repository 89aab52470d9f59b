package dev.pipewright.app.trial;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;

/** Whether something still listens on a loopback port: the check that a stopped trial left nothing behind. */
final class TrialPorts {
  private TrialPorts() {}

  static boolean listening(int port) {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress("127.0.0.1", port), 1_000);
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
