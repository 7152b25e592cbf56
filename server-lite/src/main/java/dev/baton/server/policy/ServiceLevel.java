package dev.baton.server.policy;

/** A project's service level; with severity it decides the required response time. */
public enum ServiceLevel {
  PLATINUM("Platinum"), GOLD("Gold"), SILVER("Silver"), NONE("None");

  private final String display;

  ServiceLevel(String display) {
    this.display = display;
  }

  public String display() {
    return display;
  }

  /** Case-insensitive lookup; null when unknown. */
  public static ServiceLevel parse(String text) {
    for (ServiceLevel level : values()) {
      if (level.display.equalsIgnoreCase(text)) {
        return level;
      }
    }
    return null;
  }
}
