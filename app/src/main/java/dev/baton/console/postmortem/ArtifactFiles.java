package dev.baton.console.postmortem;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Which files can be attached to a post-mortem, by name, as the receiver accepts them. */
public final class ArtifactFiles {

  /** What to say when a file is none of them. */
  public static final String ACCEPTED = "only images (PNG, JPEG, GIF, WebP) and text files (.txt, .log, .md, .csv,"
      + " .json) can be attached";

  private static final Map<String, String> TYPES = Map.ofEntries(
      Map.entry("png", "image/png"), Map.entry("jpg", "image/jpeg"), Map.entry("jpeg", "image/jpeg"),
      Map.entry("gif", "image/gif"), Map.entry("webp", "image/webp"), Map.entry("txt", "text/plain"),
      Map.entry("log", "text/plain"), Map.entry("md", "text/markdown"), Map.entry("csv", "text/csv"),
      Map.entry("json", "application/json"));

  private ArtifactFiles() {
  }

  /** The content type the receiver stores a file of this name as, or empty when it takes none. */
  public static Optional<String> contentType(String fileName) {
    int dot = fileName.lastIndexOf('.');
    return dot < 0 ? Optional.empty()
        : Optional.ofNullable(TYPES.get(fileName.substring(dot + 1).toLowerCase(Locale.ROOT)));
  }

  public static boolean isImage(String contentType) {
    return contentType != null && contentType.startsWith("image/");
  }

  /** {@code 5 MiB}, {@code 730 KiB}, {@code 12 bytes}. */
  public static String size(long bytes) {
    if (bytes >= 1024 * 1024) {
      double mib = bytes / (1024.0 * 1024);
      return (mib == Math.rint(mib) ? String.format(Locale.ROOT, "%.0f", mib)
          : String.format(Locale.ROOT, "%.1f", mib)) + " MiB";
    }
    return bytes >= 1024 ? (bytes + 512) / 1024 + " KiB" : bytes + " bytes";
  }
}
