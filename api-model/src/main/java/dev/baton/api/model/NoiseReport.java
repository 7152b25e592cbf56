package dev.baton.api.model;

import java.util.List;

/**
 * What reached Baton and needed nobody: the basis of each trigger's late-or-excess decision.
 *
 * @param resolvedWhilePending alerts resolved while still pending (they opened no incident), in
 *                             {@code [from, to)}; null when {@code q} names a field alerts do not
 *                             have (status, holder, assignee, class, summary, service_level)
 * @param closedAsNoise        incidents closed without anybody having taken them
 * @param closedByTriage       of those, closed by a {@code close_if_ok_before_taken} triage rule
 * @param perTrigger           per trigger, most noise first
 */
public record NoiseReport(Long resolvedWhilePending, long closedAsNoise, long closedByTriage,
    List<TriggerNoise> perTrigger) {
}
