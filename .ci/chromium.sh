# Install Debian's Chromium for the explorer's browser tests (tests/server/test_explorer_browser.py
# drive it through Playwright with executable_path; no browser is ever downloaded).
# Sourced by scripts/test.sh; also usable by hand. Does nothing when chromium is installed.

_newsevents_chromium() {
    if command -v chromium >/dev/null 2>&1; then
        return 0
    fi
    echo "chromium.sh: installing Chromium from Debian packages" >&2
    apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >&2 \
        || { echo "chromium.sh: could not install chromium" >&2; return 1; }
}

_newsevents_chromium
