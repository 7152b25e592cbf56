package dev.baton.loadgen;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;

/** Checks that a target URL is plain HTTP on this machine's loopback, and resolves it. */
final class LoopbackTarget {

  private LoopbackTarget() {}

  /**
   * The socket address to connect to.
   *
   * @throws IllegalArgumentException when the URL is not http://, has no host, or any address the
   *                                  host resolves to is not loopback: a load generator must not be
   *                                  pointed at somebody else's server by accident
   */
  static InetSocketAddress resolve(URI url) {
    if (!"http".equalsIgnoreCase(url.getScheme())) {
      throw new IllegalArgumentException("--url " + url + ": only http:// is supported (loopback targets need no TLS)");
    }
    String host = url.getHost();
    if (host == null) {
      throw new IllegalArgumentException("--url " + url + ": no host; use e.g. http://127.0.0.1:9393/api/v2/alerts");
    }
    InetAddress[] addresses;
    try {
      addresses = InetAddress.getAllByName(host);
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("--url " + url + ": cannot resolve host '" + host + "'");
    }
    for (InetAddress a : addresses) {
      if (!a.isLoopbackAddress()) {
        throw new IllegalArgumentException("--url " + url + ": refusing non-loopback target " + a.getHostAddress()
            + "; the load generator only posts to 127.0.0.1, ::1 or localhost");
      }
    }
    int port = url.getPort() < 0 ? 80 : url.getPort();
    return new InetSocketAddress(addresses[0], port);
  }
}
