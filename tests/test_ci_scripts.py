""".ci/postgres.sh: the throw-away PostgreSQL server of the test command is stopped and its
folder removed when the shell that started it exits: after passing tests, after failing ones,
and when it is terminated."""

from __future__ import annotations

import glob
import os
import signal
import socket
import subprocess
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
HAVE_POSTGRES = bool(glob.glob("/usr/lib/postgresql/*/bin/pg_ctl"))

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(not HAVE_POSTGRES, reason="no PostgreSQL server binaries here "
                       "(.ci/postgres.sh would install them)"),
]


def start(tmp_path: Path, then: str) -> subprocess.Popen[bytes]:
    """A strict shell (as scripts/test.sh is) that sources .ci/postgres.sh, notes the server's
    folder and URL, then runs ``then``."""
    state = tmp_path / "state"
    script = (f"set -euo pipefail\nsource .ci/postgres.sh\n"
              f"echo \"$NEWSEVENTS_PG_DIR $NEWSEVENTS_TEST_PG_URL\" > '{state}'\n{then}\n")
    env = {k: v for k, v in os.environ.items() if not k.startswith("NEWSEVENTS_")}
    return subprocess.Popen(["bash", "-c", script], cwd=ROOT, env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def server_of(tmp_path: Path) -> tuple[Path, int]:
    folder, url = (tmp_path / "state").read_text().split()
    return Path(folder), int(url.rsplit(":", 1)[1].split("/", 1)[0])


def listening(port: int) -> bool:
    with socket.socket() as sock:
        return sock.connect_ex(("127.0.0.1", port)) == 0


@pytest.mark.parametrize(("then", "status"), [("true", 0), ("false", 1)])
def test_the_server_is_gone_when_the_tests_end(tmp_path: Path, then: str, status: int) -> None:
    shell = start(tmp_path, then)
    _out, err = shell.communicate(timeout=120)
    assert shell.returncode == status, err.decode()
    folder, port = server_of(tmp_path)
    assert not folder.exists() and not listening(port)


def test_the_server_is_gone_when_the_test_command_is_terminated(tmp_path: Path) -> None:
    shell = start(tmp_path, "sleep 60 & wait $!")
    deadline = time.monotonic() + 60
    while not (tmp_path / "state").exists():
        assert shell.poll() is None and time.monotonic() < deadline, shell.stderr
        time.sleep(0.1)
    folder, port = server_of(tmp_path)
    assert folder.exists() and listening(port)
    shell.send_signal(signal.SIGTERM)
    shell.wait(timeout=60)
    assert not folder.exists() and not listening(port)
