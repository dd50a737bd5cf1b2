"""The Dagster UI as a user meets it: the asset graph loads, one dump partition materializes."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from tests.conftest import SAMPLES_DIR
from tests.publish.browser import chromium
from tests.ui_server import dagster_dev, materialize_partition, wait_for_run

PARTITION = "newsplease/2025-04-28.jsonl"  # 14 records
GROUPS = {"ingest", "validate", "clean", "load", "dedup", "enrich", "marts", "publish"}


def visible_lines(driver: Any) -> set[str]:
    from selenium.webdriver.common.by import By

    return {line.strip() for line in driver.find_element(By.TAG_NAME, "body").text.splitlines()}


def test_asset_graph_loads_and_a_partition_materializes_in_seconds(tmp_path: Path) -> None:
    with chromium(tmp_path) as driver:  # skips without Debian's chromium
        from selenium.webdriver.support.ui import WebDriverWait

        with dagster_dev(tmp_path / "home", SAMPLES_DIR, tmp_path / "news.duckdb") as server:
            driver.get(f"{server.url}/asset-groups")  # "Lineage": the graph, one node per group
            WebDriverWait(driver, 60).until(lambda d: visible_lines(d) >= GROUPS)
            began = time.monotonic()
            run_id = materialize_partition(server, PARTITION)
            run = wait_for_run(server, run_id)
            seconds = time.monotonic() - began
            assert run["status"] == "SUCCESS", server.log.read_text(errors="replace")[-3000:]
            print(
                f"UI run of {PARTITION}: {seconds:.1f}s from launch to success, "
                f"{run['endTime'] - run['startTime']:.1f}s from start to end"
            )
            driver.get(f"{server.url}/runs/{run_id}")
            WebDriverWait(driver, 30).until(lambda d: "Success" in visible_lines(d))
