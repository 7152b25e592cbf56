package dev.baton.server.incident;

/**
 * Who holds an incident's baton.
 *
 * @param holder   a team queue ({@code #l1}) or a person ({@code @alice}); never null
 * @param assignee the person who took it (without {@code @}), or null while a queue or a
 *                 handed-over person has not taken it
 * @param takenAt  when it was taken (epoch ms), 0 when not taken
 */
public record Holding(String holder, String assignee, long takenAt) {

  /** Who holds new incidents unless their project names another: the L1 queue. */
  public static final String DEFAULT_HOLDER = "#l1";
  private static final java.util.regex.Pattern NAME = java.util.regex.Pattern.compile("[@#][A-Za-z0-9][A-Za-z0-9._-]{0,99}");

  /** {@code @person} or {@code #team}: a sigil, then letters, digits, dots, dashes, underscores (at most 100). */
  public static boolean validHolder(String text) {
    return text != null && NAME.matcher(text).matches();
  }

  /** Held by {@code holder}, not taken by anybody. */
  public static Holding queued(String holder) {
    return new Holding(holder, null, 0);
  }

  /** The person holder this actor becomes when taking: {@code @name}. */
  public static String person(String actor) {
    return "@" + actor;
  }

  /** True when {@code actor} took it and still holds it. */
  public boolean takenBy(String actor) {
    return assignee != null && assignee.equals(actor) && holder.equals(person(actor));
  }

  /** True when a person took it and still holds it. */
  public boolean taken() {
    return assignee != null && holder.equals(person(assignee));
  }
}
