package dev.baton.console.notify;

/**
 * Shows a desktop notification (the wall's "new S1–S3" and "overdue" alongside its chime). Never
 * blocks the caller and never throws: a desktop without notifications stays quiet.
 */
public interface DesktopNotifier {

  /** Shows {@code title} with {@code body}; returns at once. */
  void show(String title, String body);

  /** How notifications reach the desktop here, in words for the settings dialog. */
  String how();

  /** Notifications are not available here; {@link #how()} says why. */
  static DesktopNotifier none(String why) {
    return new DesktopNotifier() {
      @Override
      public void show(String title, String body) {
      }

      @Override
      public String how() {
        return "not available here: " + why;
      }
    };
  }
}
