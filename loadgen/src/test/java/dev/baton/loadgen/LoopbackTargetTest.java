package dev.baton.loadgen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import org.junit.jupiter.api.Test;

class LoopbackTargetTest {

  @Test
  void loopbackAddressesAreAccepted() {
    assertEquals(9393, LoopbackTarget.resolve(URI.create("http://127.0.0.1:9393/api/v2/alerts")).getPort());
    assertTrue(LoopbackTarget.resolve(URI.create("http://localhost:9393/")).getAddress().isLoopbackAddress());
    assertTrue(LoopbackTarget.resolve(URI.create("http://[::1]:9393/")).getAddress().isLoopbackAddress());
  }

  @Test
  void otherHostsAreRefusedWithTheReason() {
    var e = assertThrows(IllegalArgumentException.class,
        () -> LoopbackTarget.resolve(URI.create("http://192.0.2.10:9093/api/v2/alerts")));
    assertTrue(e.getMessage().contains("refusing non-loopback target 192.0.2.10"), e.getMessage());
  }

  @Test
  void onlyPlainHttpIsAccepted() {
    var e = assertThrows(IllegalArgumentException.class,
        () -> LoopbackTarget.resolve(URI.create("https://127.0.0.1:9093/")));
    assertTrue(e.getMessage().contains("only http://"), e.getMessage());
  }
}
