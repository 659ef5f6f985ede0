"""`reageerwijzer serve` on a free port answers /health, on the production WSGI server."""
import os
import subprocess
import sys
import urllib.request

from .conftest import FIXTURES
from .serving import serve_process


def test_serve_starts_and_answers_health(tmp_path):
    with serve_process(tmp_path / "data") as (_proc, base), \
            urllib.request.urlopen(base + "/health", timeout=10) as resp:
        assert resp.status == 200
        assert resp.headers["Server"] == "reageerwijzer"  # waitress, not werkzeug
        assert b'"status":"ok"' in resp.read().replace(b" ", b"")


def test_serve_reports_a_port_in_use(tmp_path):
    import socket
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        env = {**os.environ, "REAGEERWIJZER_DATA_DIR": str(tmp_path / "data"),
               "REAGEERWIJZER_TRAINING_DATA_DIR": str(FIXTURES / "training_small")}
        result = subprocess.run([sys.executable, "-m", "server", "serve", "--port", str(port)],
                                capture_output=True, text=True, env=env, timeout=120)
    assert result.returncode == 2
    assert f"cannot listen on 127.0.0.1:{port}" in result.stderr
    assert "Traceback" not in result.stderr


def test_help_everywhere():
    for args in (["--help"], ["serve", "--help"]):
        result = subprocess.run([sys.executable, "-m", "server", *args], capture_output=True, text=True)
        assert result.returncode == 0
        assert "usage: reageerwijzer" in result.stdout
