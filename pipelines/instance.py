"""Which Dagster instance the CLI records its runs in: the project's `.dagster_home` by default,
the one `make ui` shows, so the UI lists what `make run` did."""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import TYPE_CHECKING

from pipelines.settings import PROJECT_DIR

if TYPE_CHECKING:
    import dagster as dg

PROJECT_DAGSTER_HOME = PROJECT_DIR / ".dagster_home"
INSTANCE_SETTINGS = PROJECT_DIR / "dagster.yaml"


def dagster_home(environ: dict[str, str] | os._Environ[str] = os.environ) -> Path:
    """`$DAGSTER_HOME` when set, else the project's `.dagster_home`."""
    return Path(environ.get("DAGSTER_HOME") or PROJECT_DAGSTER_HOME)


def prepare_home(home: Path) -> Path:
    """Create `home` with the project's dagster.yaml (as `make ui` does) unless it has one."""
    home.mkdir(parents=True, exist_ok=True)
    settings_file = home / "dagster.yaml"
    if not settings_file.exists():
        shutil.copyfile(INSTANCE_SETTINGS, settings_file)
    return home


def open_instance(*, ephemeral: bool) -> tuple[dg.DagsterInstance, str]:
    """The instance to run in and a few words saying which, for the run's first line."""
    import dagster as dg

    if ephemeral:
        return dg.DagsterInstance.ephemeral(), "an ephemeral Dagster instance (not recorded)"
    home = prepare_home(dagster_home())
    return dg.DagsterInstance.from_config(str(home)), f"Dagster instance {home}"
