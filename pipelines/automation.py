"""When the unpartitioned assets (core.sources, marts, gate, snapshot, dashboard) follow loads."""

import dagster as dg


def after_loads() -> dg.AutomationCondition:
    """Requested once after any upstream asset is updated (a dump range loaded, or the asset
    before it rebuilt), when no upstream run and no run of its own is in progress.

    Unlike `eager()` it does not wait for every upstream partition to exist: a dump that was
    never loaded, or whose run failed, holds no mart back (the marts cover what loaded); nor does
    it build anything before the first load (no `newly_missing`).
    """
    return (
        dg.AutomationCondition.any_deps_updated().since_last_handled()
        & ~dg.AutomationCondition.any_deps_in_progress()
        & ~dg.AutomationCondition.in_progress()
    ).with_label("after_loads")
