"""The first `reageerwijzer serve` on an empty data folder prints an admin token, once."""
import json
import re
import sqlite3
import urllib.request
from contextlib import closing

from .serving import serve_process as serving


def test_first_serve_prints_a_working_admin_token_after_the_listening_line(tmp_path):
    data_dir = tmp_path / "data"
    with serving(data_dir) as (proc, _base):
        notice, token = proc.stdout.readline(), proc.stdout.readline().strip()
    assert "admin token named 'admin' was created" in notice
    assert re.fullmatch(r"rw_[A-Za-z0-9_-]{43}", token)

    with serving(data_dir) as (_proc, base):  # the second start creates no token
        request = urllib.request.Request(base + "/examples?state=new",
                                         headers={"Authorization": f"Bearer {token}"})
        with urllib.request.urlopen(request, timeout=10) as resp:
            assert json.load(resp)["total"] == 0  # an admin endpoint accepts the token
    with closing(sqlite3.connect(data_dir / "reageerwijzer.sqlite3")) as conn:
        assert conn.execute("SELECT name, role FROM tokens").fetchall() == [("admin", "admin")]
