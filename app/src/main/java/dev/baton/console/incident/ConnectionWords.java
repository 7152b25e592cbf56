package dev.baton.console.incident;

import dev.baton.client.BatonApiException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;

/** Why the receiver cannot be read, in words for the banner. */
public final class ConnectionWords {

  private ConnectionWords() {
  }

  /** What went wrong with a request, in words: the receiver's own message when it refused, else as {@link #of}. */
  public static String problem(Throwable failure) {
    if (failure instanceof BatonApiException api) {
      return api.getMessage().replaceFirst("^\\d{3}: ", "");
    }
    if (failure instanceof IOException io) {
      return of(io);
    }
    return failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
  }

  public static String of(IOException e) {
    if (e instanceof BatonApiException api) {
      return api.status() == 401 || api.status() == 403
          ? "the receiver refuses the token (" + api.status() + ")" : "the receiver answers " + api.getMessage();
    }
    if (e instanceof ConnectException || e.getCause() instanceof ConnectException) {
      return "nothing answers (connection refused)";
    }
    if (e instanceof UnknownHostException) {
      return "its host is unknown (DNS)";
    }
    if (e instanceof SocketTimeoutException || e instanceof java.io.InterruptedIOException) {
      return "it does not answer in time";
    }
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }
}
