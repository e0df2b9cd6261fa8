"""Run a few commands as one, for `make run` and `make serve`: the web server and the
background-jobs worker side by side.

    python devtools/together.py "manage.py runserver" "manage.py db_worker"

Ctrl-C (or SIGTERM) stops them all; when one stops by itself, the others are stopped too, and
the exit code is the first one's to stop. Standard library only.
"""

import shlex
import signal
import subprocess
import sys
import time

#: How long the commands get to finish what they are doing (a worker its current job) before
#: they are terminated, then killed.
GRACE_SECONDS = 10


def _stop(processes: list[subprocess.Popen], *, ask: bool) -> None:
    """Ask each command still running to stop (unless Ctrl-C already did), give them
    ``GRACE_SECONDS`` together, then kill what is left."""
    if ask:
        for process in processes:
            if process.poll() is None:
                process.terminate()
    deadline = time.monotonic() + GRACE_SECONDS
    for process in processes:
        try:
            process.wait(max(0.0, deadline - time.monotonic()))
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


class Stopped(Exception):
    def __init__(self, signum: int) -> None:
        self.signum = signum


def run(commands: list[str]) -> int:
    def stopped(signum, frame):
        raise Stopped(signum)

    signal.signal(signal.SIGINT, stopped)
    signal.signal(signal.SIGTERM, stopped)
    processes = [subprocess.Popen(shlex.split(command)) for command in commands]
    try:
        while True:
            for process in processes:
                if process.poll() is not None:
                    _stop(processes, ask=True)
                    return process.returncode
            time.sleep(0.2)
    except Stopped as stop:
        # Ctrl-C reached the whole terminal's group already (a second one would cut a job
        # short); a SIGTERM came to this process only and is passed on.
        _stop(processes, ask=stop.signum != signal.SIGINT)
        return 0


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit(f"usage: {sys.argv[0]} COMMAND [COMMAND ...]")
    sys.exit(run(sys.argv[1:]))
