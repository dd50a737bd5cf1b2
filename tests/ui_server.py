"""`dagster dev` on a free port, and the GraphQL calls the UI makes to materialize a partition."""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path
from typing import Any

PROJECT_DIR = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
LOCATION = "pipelines.definitions"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@dataclass
class Server:
    url: str
    log: Path

    def graphql(self, query: str, **variables: Any) -> dict[str, Any]:
        body = json.dumps({"query": query, "variables": variables}).encode()
        request = urllib.request.Request(
            f"{self.url}/graphql", body, {"Content-Type": "application/json"}
        )
        with urllib.request.urlopen(request, timeout=30) as response:
            answer = json.load(response)
        assert "errors" not in answer, answer["errors"]
        return dict(answer["data"])


@contextmanager
def dagster_dev(
    home: Path, landing: Path, warehouse: Path, cwd: Path = PROJECT_DIR
) -> Iterator[Server]:
    """`dagster dev` in its own process group (stopped with it, runs included), with the
    landing sensor and automation stopped first (as a user would) so only our run executes."""
    home.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(PROJECT_DIR / "dagster.yaml", home / "dagster.yaml")
    env = {
        **os.environ,
        "DAGSTER_HOME": str(home),
        "NEWS_LANDING_DIR": str(landing),
        "NEWS_WAREHOUSE": str(warehouse),
        "NEWS_PUBLISH_DIR": str(warehouse.parent / "published"),
    }
    for sensor in ("landing_sensor", "marts_automation"):
        subprocess.run(
            [BIN / "dagster", "sensor", "stop", sensor, "-m", LOCATION],
            cwd=cwd, env=env, check=True, capture_output=True,
        )  # fmt: skip
    port = free_port()
    log = home / "dagster_dev.log"
    with log.open("wb") as out:
        server = subprocess.Popen(
            [BIN / "dagster", "dev", "-h", "127.0.0.1", "-p", str(port), "-m", LOCATION],
            cwd=cwd, env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True,
        )  # fmt: skip
    try:
        url = f"http://127.0.0.1:{port}"
        wait_until_up(url, server, log)
        yield Server(url, log)
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        with suppress(subprocess.TimeoutExpired):
            server.wait(timeout=20)
        # Whatever of the group outlived dagster dev (a code server, a run worker).
        with suppress(ProcessLookupError):
            os.killpg(server.pid, signal.SIGKILL)
        server.wait()


def wait_until_up(
    url: str, server: subprocess.Popen[bytes], log: Path, timeout: float = 90
) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise AssertionError(f"dagster dev exited: {log.read_text(errors='replace')[-3000:]}")
        try:
            with urllib.request.urlopen(f"{url}/server_info", timeout=2):
                return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            time.sleep(0.5)
    raise AssertionError(
        f"dagster dev not up in {timeout}s: {log.read_text(errors='replace')[-3000:]}"
    )


ADD_PARTITION = """
mutation ($repo: RepositorySelector!, $key: String!) {
  addDynamicPartition(repositorySelector: $repo, partitionsDefName: "dumps", partitionKey: $key) {
    __typename
  }
}"""
LAUNCH = """
mutation ($params: ExecutionParams!) {
  launchPipelineExecution(executionParams: $params) {
    __typename
    ... on LaunchRunSuccess { run { runId } }
    ... on PythonError { message }
    ... on RunConfigValidationInvalid { errors { message } }
  }
}"""
RUN = """
query ($id: ID!) {
  runOrError(runId: $id) {
    ... on Run { status creationTime startTime endTime }
  }
}"""
REPO = {"repositoryLocationName": LOCATION, "repositoryName": "__repository__"}
DUMP_ASSETS = (
    "raw_records", "validated_records", "cleaned_records", "articles", "article_clusters",
    "entity_mentions", "date_mentions",
)  # fmt: skip


def materialize_partition(server: Server, key: str) -> str:
    """What the UI's "Materialize" on one partition of the dump assets sends; the run id."""
    added = server.graphql(ADD_PARTITION, repo=REPO, key=key)
    assert added["addDynamicPartition"]["__typename"] == "AddDynamicPartitionSuccess", added
    params = {
        "selector": {**REPO, "pipelineName": "__ASSET_JOB", "assetSelection": [
            {"path": [name]} for name in DUMP_ASSETS
        ]},
        "mode": "default",
        "executionMetadata": {"tags": [{"key": "dagster/partition", "value": key}]},
    }  # fmt: skip
    launched = server.graphql(LAUNCH, params=params)["launchPipelineExecution"]
    assert launched["__typename"] == "LaunchRunSuccess", launched
    return str(launched["run"]["runId"])


def wait_for_run(server: Server, run_id: str, timeout: float = 120) -> dict[str, Any]:
    """The run's status and times once it ends (SUCCESS, FAILURE or CANCELED)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        run = server.graphql(RUN, id=run_id)["runOrError"]
        if run["status"] in ("SUCCESS", "FAILURE", "CANCELED"):
            return dict(run)
        time.sleep(0.5)
    raise AssertionError(f"run {run_id} still {run['status']} after {timeout}s")
