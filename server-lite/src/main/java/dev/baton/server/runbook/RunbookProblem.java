package dev.baton.server.runbook;

/**
 * Why a runbook file was skipped, and where.
 *
 * @param path    the file relative to the runbooks folder (or the folder itself)
 * @param line    1-based line in the file, 0 when the problem is not on a line (unreadable file)
 * @param message what is wrong, for a person to fix
 */
public record RunbookProblem(String path, int line, String message) {

  @Override
  public String toString() {
    return line > 0 ? path + ":" + line + ": " + message : path + ": " + message;
  }
}
