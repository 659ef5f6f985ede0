"""The production set-up of the README's "Deployment" section, exercised as shipped in deploy/:
two server processes started from the systemd unit's own command lines (after its
``db upgrade``), with the settings of the example environment file, on one PostgreSQL and one
shared model folder, behind Debian's nginx with the shipped configuration (TLS with a
self-signed certificate made here, upstream to both, a per-client connection limit).

nginx runs on loopback from a temporary prefix, so the test needs no root (as root, its
workers run as root too, for the temporary folder).
"""
from __future__ import annotations

import contextlib
import http.client
import os
import re
import secrets
import shlex
import shutil
import socket
import ssl
import subprocess
import sys
import time
from pathlib import Path

import pytest
import requests

from server.config import DEFAULTS, ENV_PREFIX

from .conftest import FIXTURES
from .postgres_cluster import free_port

DEPLOY = Path(__file__).resolve().parent.parent / "deploy"
UNIT = DEPLOY / "systemd" / "reageerwijzer@.service"
NGINX_CONF = DEPLOY / "nginx" / "reageerwijzer.conf"
ENV_EXAMPLE = DEPLOY / "reageerwijzer.env.example"
INSTALLED = "/opt/reageerwijzer/venv/bin/reageerwijzer"
PER_CLIENT_LIMIT = 32


def unit_lines(key: str) -> list[str]:
    return [line.split("=", 1)[1] for line in UNIT.read_text().splitlines()
            if line.startswith(key + "=")]


def env_file() -> dict[str, str]:
    pairs = [line.split("=", 1) for line in ENV_EXAMPLE.read_text().splitlines()
             if line.strip() and not line.startswith("#")]
    return {key: value for key, value in pairs}


def command(line: str, port: int) -> list[str]:
    """A unit command line as this checkout runs it: the installed entry point is `python -m server`."""
    argv = shlex.split(line.replace("%i", str(port)))
    assert argv[0] == INSTALLED
    return [sys.executable, "-m", "server", *argv[1:]]


def test_the_env_file_names_only_real_settings():
    for key in env_file():
        # SECRET_KEY is Flask's own setting (read by the signing key), not one of DEFAULTS.
        known = set(DEFAULTS) | {"SECRET_KEY"}
        assert key.startswith(ENV_PREFIX + "_") and key[len(ENV_PREFIX) + 1:] in known, key


def test_the_unit_passes_systemd_analyze():
    if not shutil.which("systemd-analyze"):
        pytest.skip("systemd-analyze is not installed")
    result = subprocess.run(["systemd-analyze", "verify", "--man=no", str(UNIT)],
                            capture_output=True, text=True, timeout=60)
    # It cannot know this machine lacks /opt/reageerwijzer and the user: only syntax counts.
    problems = [line for line in result.stderr.splitlines()
                if line.strip() and "/opt/reageerwijzer" not in line
                and "reageerwijzer@.service: Command" not in line
                and "Failed to" not in line and "template" not in line.lower()]
    assert problems == [], result.stderr


@pytest.fixture
def certificate(tmp_path) -> tuple[Path, Path]:
    cert, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
                    "-subj", "/CN=localhost", "-addext", "subjectAltName=DNS:localhost",
                    "-keyout", str(key), "-out", str(cert)], check=True, capture_output=True)
    return cert, key


def nginx_config(tmp_path: Path, *, port: int, upstreams: list[int], cert: Path, key: Path) -> Path:
    """The shipped configuration with this test's ports, certificate and log folder."""
    text = NGINX_CONF.read_text()
    replacements = {
        "server 127.0.0.1:8081": f"server 127.0.0.1:{upstreams[0]}",
        "server 127.0.0.1:8082": f"server 127.0.0.1:{upstreams[1]}",
        "listen 443 ssl;": f"listen 127.0.0.1:{port} ssl;",
        "server_name reageerwijzer.example.org;": "server_name localhost;",
        "/etc/ssl/reageerwijzer/fullchain.pem": str(cert),
        "/etc/ssl/reageerwijzer/privkey.pem": str(key),
        "/var/log/nginx/": f"{tmp_path}/",
    }
    for old, new in replacements.items():
        assert old in text, f"deploy/nginx/reageerwijzer.conf no longer has {old!r}"
        text = text.replace(old, new)
    site = tmp_path / "reageerwijzer.conf"
    site.write_text(text)
    main = tmp_path / "nginx.conf"
    main.write_text(f"""
{"user root;" if os.geteuid() == 0 else ""}
worker_processes 1;
pid {tmp_path}/nginx.pid;
error_log {tmp_path}/error.log warn;
events {{ worker_connections 1024; }}
http {{
    client_body_temp_path {tmp_path}/body;
    proxy_temp_path {tmp_path}/proxy;
    fastcgi_temp_path {tmp_path}/fastcgi;
    uwsgi_temp_path {tmp_path}/uwsgi;
    scgi_temp_path {tmp_path}/scgi;
    access_log off;
    include {site};
}}
""")
    return main


@contextlib.contextmanager
def running(argv: list[str], env: dict, **kwargs):
    proc = subprocess.Popen(argv, env=env, text=True, **kwargs)
    try:
        yield proc
    finally:
        if proc.poll() is None:
            proc.terminate()
        proc.wait(timeout=15)
        for stream in (proc.stdout, proc.stderr):
            if stream is not None:
                stream.close()


def wait_for_port(port: int, *, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while True:
        with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), timeout=1):
            return
        assert time.monotonic() < deadline, f"nothing listens on {port}"
        time.sleep(0.05)


def test_two_servers_behind_nginx(tmp_path, certificate, small_models_dir, postgres_cluster):
    if not shutil.which("nginx") and not Path("/usr/sbin/nginx").exists():
        if os.environ.get("CI"):
            pytest.fail("CI needs Debian's nginx for the deployment test")
        pytest.skip("nginx is not installed")
    nginx = shutil.which("nginx") or "/usr/sbin/nginx"
    cert, key = certificate
    models = tmp_path / "models"
    shutil.copytree(small_models_dir, models)
    url = postgres_cluster.create_database()
    settings = {**env_file(),
                "REAGEERWIJZER_DATABASE": url,
                "REAGEERWIJZER_MODEL_STORE_DIR": str(models),
                "REAGEERWIJZER_SECRET_KEY": secrets.token_urlsafe(32),
                "REAGEERWIJZER_ALLOWED_HOSTS": "localhost",
                "REAGEERWIJZER_TRAINING_DATA_DIR": str(FIXTURES / "training_small")}
    assert set(settings) >= set(env_file())
    data_dir = unit_lines("Environment")[0].split("=", 1)
    assert data_dir[0] == "REAGEERWIJZER_DATA_DIR"

    def env_for(port: int) -> dict:
        folder = data_dir[1].replace("/var/lib/reageerwijzer", str(tmp_path / "var")).replace("%i", str(port))
        return {**os.environ, **settings, "REAGEERWIJZER_DATA_DIR": folder}

    ports = [free_port(), free_port()]
    (pre,), (start,) = unit_lines("ExecStartPre"), unit_lines("ExecStart")
    upgrade = subprocess.run(command(pre, ports[0]), env=env_for(ports[0]), capture_output=True,
                             text=True, timeout=120)
    assert upgrade.returncode == 0, upgrade.stderr
    assert "schema upgraded from version 0" in upgrade.stdout

    with running(command(start, ports[0]), env_for(ports[0]), stdout=subprocess.PIPE,
                 stderr=subprocess.DEVNULL) as first:
        assert "listening on" in first.stdout.readline()
        token = next(line.strip() for line in iter(first.stdout.readline, "")
                     if line.startswith("rw_"))
        with running(command(start, ports[1]), env_for(ports[1]), stdout=subprocess.DEVNULL,
                     stderr=subprocess.DEVNULL) as second:
            wait_for_port(ports[1], timeout=120)
            proxy_port = free_port()
            conf = nginx_config(tmp_path, port=proxy_port, upstreams=ports, cert=cert, key=key)
            with running([nginx, "-p", str(tmp_path), "-c", str(conf), "-g", "daemon off;"],
                         dict(os.environ), stderr=subprocess.PIPE):
                wait_for_port(proxy_port)
                base = f"https://localhost:{proxy_port}/api/v1"
                _check_tls_and_balancing(base, cert, token, tmp_path / "reageerwijzer.access.log",
                                         ports)
                _check_per_client_limit(proxy_port, cert, token)
                second.terminate()
                second.wait(timeout=15)
                _check_failover(base, cert, token)
    postgres_cluster.drop_database(url)


def _check_tls_and_balancing(base: str, cert: Path, token: str, access_log: Path, ports) -> None:
    with requests.Session() as s:
        s.trust_env = False  # a REQUESTS_CA_BUNDLE in the environment would win over verify
        s.verify = str(cert)
        s.headers["Authorization"] = f"Bearer {token}"
        assert s.get(base + "/health", timeout=10).json()["status"] == "ok"
        for _ in range(20):
            resp = s.post(base + "/classify", json={"text": "Geheimwoord Plorkvis hier"}, timeout=10)
            assert resp.status_code == 200
    with pytest.raises(requests.exceptions.SSLError):
        requests.get(base + "/health", timeout=10)  # not a publicly trusted certificate
    log = access_log.read_text()
    used = set(re.findall(r"upstream=127\.0\.0\.1:(\d+)", log))
    assert used == {str(p) for p in ports}, log[-500:]
    assert "Plorkvis" not in log and token not in log


def _tls_socket(port: int, cert: Path, *, source: str = "127.0.0.1") -> ssl.SSLSocket:
    context = ssl.create_default_context(cafile=str(cert))
    raw = socket.create_connection(("127.0.0.1", port), timeout=10, source_address=(source, 0))
    return context.wrap_socket(raw, server_hostname="localhost")


def _check_per_client_limit(port: int, cert: Path, token: str) -> None:
    # Requests in progress: headers sent, the body still to come.
    held = []
    try:
        for _ in range(PER_CLIENT_LIMIT):
            sock = _tls_socket(port, cert)
            sock.sendall(b"POST /api/v1/classify HTTP/1.1\r\nHost: localhost\r\n"
                         b"Content-Type: application/json\r\nContent-Length: 100\r\n"
                         b"Authorization: Bearer " + token.encode() + b"\r\n\r\n{")
            held.append(sock)
        time.sleep(0.5)

        def status_from(source: str) -> int:
            context = ssl.create_default_context(cafile=str(cert))
            conn = http.client.HTTPSConnection("localhost", port, timeout=10, context=context,
                                               source_address=(source, 0))
            try:
                conn.request("GET", "/api/v1/health")
                return conn.getresponse().status
            finally:
                conn.close()
        assert status_from("127.0.0.1") == 429  # this client is at its limit
        assert status_from("127.0.0.2") == 200  # another client is served
    finally:
        for sock in held:
            sock.close()


def _check_failover(base: str, cert: Path, token: str) -> None:
    with requests.Session() as s:
        s.trust_env = False
        s.verify = str(cert)
        s.headers["Authorization"] = f"Bearer {token}"
        statuses = [s.post(base + "/classify", json={"text": "hallo"}, timeout=10).status_code
                    for _ in range(10)]
    assert statuses == [200] * 10
