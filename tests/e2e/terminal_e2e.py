#!/usr/bin/env python3
"""terminal_e2e.py VERIFY DECODE LINT FIXTURES: what the tools do on a terminal. Each tool
runs with stdout on a pseudo-terminal: colour by default, none with NO_COLOR or TERM=dumb.
With stdin on a terminal, a one-line hint goes to stderr before the tool waits for input."""
import os
import pty
import subprocess
import sys


def run_on_terminal(args, env_changes, stdin_terminal=False):
    """Runs args with stdout (and, if asked, stdin) on a pseudo-terminal; returns (stdout, stderr)."""
    env = dict(os.environ)
    env.pop("NO_COLOR", None)
    env["TERM"] = "xterm"
    env.update(env_changes)
    controller, terminal = pty.openpty()
    stdin = terminal if stdin_terminal else subprocess.DEVNULL
    process = subprocess.Popen(args, stdin=stdin, stdout=terminal, stderr=subprocess.PIPE, env=env)
    os.close(terminal)
    if stdin_terminal:
        os.write(controller, b"\x04")  # Ctrl-D: end of input
    output = b""
    while True:
        try:
            chunk = os.read(controller, 65536)
        except OSError:  # the terminal closed: the tool is done
            break
        if not chunk:
            break
        output += chunk
    _, errors = process.communicate(timeout=60)
    os.close(controller)
    return output.decode("utf-8", "replace"), errors.decode("utf-8", "replace")


# ctest's SKIP_RETURN_CODE for this test: the machine has no pseudo-terminal to run on.
NO_TERMINAL = 77


def main():
    verify, decode, lint, fixtures = sys.argv[1:5]
    try:
        for fd in pty.openpty():
            os.close(fd)
    except OSError as error:
        # A chroot with /dev bound but no devpts (/dev/pts) has no terminal to offer: say so
        # and let ctest show the test as not run, rather than as passed or failed.
        print(f"not run: no pseudo-terminal can be opened here ({error})", file=sys.stderr)
        sys.exit(NO_TERMINAL)
    response = os.path.join(fixtures, "responses", "okta-aws-signed-both.xml")
    common = ["--cert", os.path.join(fixtures, "keys", "idp-rsa.crt"), "--now", "2024-05-01T12:01:00Z"]
    failures = []
    for tool in (verify, decode, lint):
        name = os.path.basename(tool)
        colored, _ = run_on_terminal([tool] + common + [response], {})
        if "\x1b[" not in colored:
            failures.append(f"{name}: no colour on a terminal")
        for change in ({"NO_COLOR": "1"}, {"TERM": "dumb"}):
            plain, _ = run_on_terminal([tool] + common + [response], change)
            if "\x1b[" in plain:
                failures.append(f"{name}: colour with {change}")
        _, hint = run_on_terminal([tool] + common, {}, stdin_terminal=True)
        if "reading a capture from the terminal" not in hint or hint.count("\n") < 1:
            failures.append(f"{name}: no hint for a terminal on stdin: {hint!r}")
    _, quiet = subprocess.Popen([verify] + common, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE).communicate(timeout=60)
    if b"reading a capture from the terminal" in quiet:
        failures.append("saml-verify: the hint also when stdin is not a terminal")
    for failure in failures:
        print(failure, file=sys.stderr)
    if failures:
        sys.exit(1)
    print("colour follows the terminal, NO_COLOR and TERM; stdin on a terminal gets a hint")


if __name__ == "__main__":
    main()
