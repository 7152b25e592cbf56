package dev.baton.server.postmortem;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * The content types an artifact may have: images a browser or wiki shows without running anything
 * (no SVG, no HTML) and plain text. The bytes must be what the type says: image signatures are
 * checked, text must be UTF-8 without NUL.
 */
final class ArtifactTypes {

  static final List<String> ALLOWED = List.of("image/png", "image/jpeg", "image/gif", "image/webp", "text/plain",
      "text/markdown", "text/csv", "application/json");

  private ArtifactTypes() {}

  /** The media type without parameters, lower case; a located problem when it is not allowed. */
  static String check(String header, byte[] data) {
    if (header == null || header.isBlank()) {
      throw InvalidPostmortem.of("Content-Type", "required; one of " + String.join(", ", ALLOWED));
    }
    String[] parts = header.split(";");
    String type = parts[0].trim().toLowerCase(Locale.ROOT);
    if (!ALLOWED.contains(type)) {
      throw InvalidPostmortem.of("Content-Type", "'" + type + "' is not accepted for artifacts; one of "
          + String.join(", ", ALLOWED));
    }
    if (type.startsWith("image/")) {
      if (!signature(type, data)) {
        throw InvalidPostmortem.of("body", "the bytes are not a " + type.substring(6).toUpperCase(Locale.ROOT)
            + " image (its signature is missing)");
      }
      return type;
    }
    for (int i = 1; i < parts.length; i++) {
      String p = parts[i].trim().toLowerCase(Locale.ROOT);
      if (p.startsWith("charset=") && !p.equals("charset=utf-8") && !p.equals("charset=us-ascii")) {
        throw InvalidPostmortem.of("Content-Type", "text artifacts must be UTF-8, got " + p);
      }
    }
    if (!utf8(data)) {
      throw InvalidPostmortem.of("body", "a " + type + " artifact must be UTF-8 text without NUL bytes");
    }
    return type;
  }

  private static boolean signature(String type, byte[] d) {
    switch (type) {
      case "image/png":
        return starts(d, 0, new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
      case "image/jpeg":
        return starts(d, 0, new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff});
      case "image/gif":
        return starts(d, 0, "GIF87a".getBytes(StandardCharsets.US_ASCII))
            || starts(d, 0, "GIF89a".getBytes(StandardCharsets.US_ASCII));
      default: // image/webp
        return starts(d, 0, "RIFF".getBytes(StandardCharsets.US_ASCII))
            && starts(d, 8, "WEBP".getBytes(StandardCharsets.US_ASCII));
    }
  }

  private static boolean starts(byte[] data, int at, byte[] prefix) {
    if (data.length < at + prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if (data[at + i] != prefix[i]) {
        return false;
      }
    }
    return true;
  }

  private static boolean utf8(byte[] data) {
    for (byte b : data) {
      if (b == 0) {
        return false;
      }
    }
    try {
      StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(data));
      return true;
    } catch (CharacterCodingException e) {
      return false;
    }
  }

  /** An artifact's name: 1..200 characters, no folders, no control characters. */
  static String name(String name) {
    if (name == null || name.isBlank()) {
      throw InvalidPostmortem.of("name", "required: the file name, e.g. ?name=grafana-errors.png");
    }
    String n = name.strip();
    if (n.length() > 200) {
      throw InvalidPostmortem.of("name", "at most 200 characters, got " + n.length());
    }
    if (n.contains("/") || n.contains("\\") || n.equals(".") || n.equals("..")) {
      throw InvalidPostmortem.of("name", "a file name without folders, got '" + n + "'");
    }
    if (n.chars().anyMatch(Character::isISOControl)) {
      throw InvalidPostmortem.of("name", "contains control characters");
    }
    return n;
  }
}
