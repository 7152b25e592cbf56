package dev.baton.api.model;

import java.util.List;

/**
 * What {@code GET|POST /api/v1/config/check} and {@code POST /api/v1/admin/reload} found.
 *
 * @param code            the HTTP status it came with (200, or 400 for a rejected reload)
 * @param message         one line for a person
 * @param file            the configuration file the receiver reads, or null when it runs on defaults
 * @param valid           the configuration has no problems
 * @param applied         it is now the running configuration (reload only)
 * @param problems        each as {@code path.in.file: what is wrong}; MQL problems add the rule and a caret
 * @param restartRequired sections that differ from the running configuration and apply only at the next start
 */
public record ConfigReport(int code, String message, String file, boolean valid, boolean applied,
    List<String> problems, List<String> restartRequired) {
}
