package dev.baton.server.ingest;

/**
 * Bounds every decoder enforces on what one request may carry. A request over a bound gets a
 * located problem (the HTTP layer answers 400), never a crash or an unbounded allocation. Lengths
 * are counted in Java characters (UTF-16 code units). The body size itself is bounded by the HTTP
 * layer before decoding.
 *
 * @param maxLabelsPerAlert         labels one alert may carry
 * @param maxLabelNameLength        characters in a label or annotation name
 * @param maxLabelValueLength       characters in a label value
 * @param maxAnnotationValueLength  characters in an annotation value (also bounds URLs and details)
 * @param maxAlertsPerRequest       alerts or events one request may carry; more rejects the whole body
 */
public record IngestLimits(
    int maxLabelsPerAlert,
    int maxLabelNameLength,
    int maxLabelValueLength,
    int maxAnnotationValueLength,
    int maxAlertsPerRequest) {

  public IngestLimits {
    requirePositive(maxLabelsPerAlert, "maxLabelsPerAlert");
    requirePositive(maxLabelNameLength, "maxLabelNameLength");
    requirePositive(maxLabelValueLength, "maxLabelValueLength");
    requirePositive(maxAnnotationValueLength, "maxAnnotationValueLength");
    requirePositive(maxAlertsPerRequest, "maxAlertsPerRequest");
  }

  /** 128 labels, 256-character names, 4096-character label values, 64 KiB annotation values, 10000 alerts. */
  public static IngestLimits defaults() {
    return new IngestLimits(128, 256, 4096, 64 * 1024, 10_000);
  }

  private static void requirePositive(int value, String name) {
    if (value <= 0) {
      throw new IllegalArgumentException(name + " must be positive, got " + value);
    }
  }
}
