#!/usr/bin/env bash
# Installs everything the tests need, then runs all of them: ruff on the Python, node --check and
# web-ext lint on the extension, the extension's JavaScript tests, and Python (incl. the browser
# tests in a real Chromium and a real Firefox). Extra arguments go to pytest.
set -euo pipefail
cd "$(dirname "$0")/.."

python3 -m pip install --quiet --disable-pip-version-check -e ".[test]"

# The linter's rules are in pyproject.toml ([tool.ruff]); any finding fails the run.
python3 -m ruff check .

sudo_if_needed() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

# The browser tests drive Debian's Chromium (Playwright's own browser download has no internet here)
# and Debian's firefox-esr (over Marionette, with marionette-driver from the test extra). The
# storage, API and retrain tests also run on a real PostgreSQL that the tests start themselves
# (initdb in a temporary folder, as an unprivileged user); the deployment test runs Debian's nginx.
missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v firefox-esr >/dev/null 2>&1 || command -v firefox >/dev/null 2>&1 || missing+=(firefox-esr)
compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null || missing+=(postgresql)
command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] || missing+=(nginx)
command -v openssl >/dev/null 2>&1 || missing+=(openssl)
if [ "${#missing[@]}" -gt 0 ]; then
    echo "tests/run.sh: installing Debian's ${missing[*]} for the browser, database and deployment tests" >&2
    sudo_if_needed apt-get update -q
    sudo_if_needed apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

# Every script of the extension must at least parse (web-ext lint does not run them all).
find extension -name '*.js' -print0 | sort -z | xargs -0 -n1 node --check

if [ -f package-lock.json ]; then
    npm ci --no-audit --no-fund --loglevel=error
    npx --no-install web-ext lint --source-dir extension --self-hosted --warnings-as-errors
fi
if compgen -G "tests/js/*.test.mjs" >/dev/null; then
    node --test tests/js/
fi

python3 -m pytest "$@"
