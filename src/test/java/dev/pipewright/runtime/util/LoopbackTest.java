package dev.pipewright.runtime.util;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LoopbackTest {
  @Test
  void neverHandsOutTheSamePortTwiceSoServersStartingAtOnceDoNotCollide() {
    // the system gives a released port out again: a broker once got the same port for both listeners
    Set<Integer> ports = new HashSet<>();
    for (int i = 0; i < Loopback.REMEMBERED; i++) {
      assertThat(ports.add(Loopback.freePort())).as("call %d", i).isTrue();
    }
  }

  @Test
  void aHandedOutPortCanBeBoundAndIsThenSeenListening() throws Exception {
    int port = Loopback.freePort();
    assertThat(Loopback.listening(port)).isFalse();
    try (ServerSocket s = new ServerSocket()) {
      s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
      assertThat(Loopback.listening(port)).isTrue();
    }
  }
}
