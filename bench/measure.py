"""Run one command and report its wall time, CPU time and peak memory as JSON: ``python -m bench.measure -- CMD ...``.

Each measurement runs in a fresh process of its own, so ``getrusage(RUSAGE_CHILDREN)`` sees only that
command and the processes it waited for (invoke -> pelican -> pagefind): ``ru_maxrss`` is the peak
resident set of the largest of them.
"""

from __future__ import annotations

import json
import resource
import subprocess
import sys
import time


def main(argv: list[str]) -> int:
    if argv[:1] == ["--"]:
        argv = argv[1:]
    start = time.perf_counter()
    completed = subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    wall = time.perf_counter() - start
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    print(json.dumps({
        "wall": wall,
        "maxrss_mb": usage.ru_maxrss / 1024,  # Linux reports kilobytes
        "cpu": usage.ru_utime + usage.ru_stime,
        "system": usage.ru_stime,  # the kernel's share: file creation and page faults, the noisiest part here
        "returncode": completed.returncode,
        "stderr": completed.stderr[-4000:],
    }))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
