#!/usr/bin/env python3
"""Checks the CI examples as far as this machine allows.

Always: the GitHub workflow, the GitLab job and the pre-commit hook parse as YAML and are
wired consistently (the report the lint step writes is the one uploaded or published).
With --saml-lint: the lint commands of both CI files run, exactly as written, on captured
responses; the SARIF they write is SARIF 2.1.0 from saml-lint, the JUnit XML parses.
"""
import argparse
import json
import os
import pathlib
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

import yaml


def fail(message):
    sys.exit(f"check_ci_examples: {message}")


def load(path):
    with open(path, encoding="utf-8") as f:
        return yaml.safe_load(f)


def redirect_target(command, what):
    match = re.search(r">\s*(\S+)\s*(\|\||$)", command)
    if not match:
        fail(f"{what}: the lint command does not write a report file: {command!r}")
    return match.group(1)


def check_github(path):
    workflow = load(path)
    if workflow.get("permissions", {}).get("security-events") != "write":
        fail(f"{path}: upload-sarif needs permissions: security-events: write")
    steps = workflow["jobs"]["saml-lint"]["steps"]
    lint = next((s for s in steps if s.get("id") == "lint"), None)
    upload = next((s for s in steps if "upload-sarif" in s.get("uses", "")), None)
    if lint is None or upload is None:
        fail(f"{path}: needs a step with id 'lint' and an upload-sarif step")
    report = redirect_target(lint["run"], path)
    if upload["with"]["sarif_file"] != report:
        fail(f"{path}: uploads {upload['with']['sarif_file']} but the lint step writes {report}")
    if "--format sarif" not in lint["run"]:
        fail(f"{path}: the lint step does not ask for SARIF")
    return workflow["env"], lint["run"], report


def check_gitlab(path):
    job = load(path)["saml-lint"]
    command = job["script"][-1]
    report = redirect_target(command, path)
    if job["artifacts"]["reports"]["junit"] != report or job["artifacts"]["when"] != "always":
        fail(f"{path}: must publish {report} as a JUnit report, when: always")
    if "--format junit" not in command:
        fail(f"{path}: the lint command does not ask for JUnit")
    return job["variables"], command, report


def check_pre_commit(path):
    hooks = load(path)
    if not isinstance(hooks, list) or len(hooks) != 1:
        fail(f"{path}: expected a list with the saml-lint hook")
    hook = hooks[0]
    for key in ("id", "name", "entry", "language"):
        if key not in hook:
            fail(f"{path}: the hook has no {key}")
    pattern = re.compile(hook["files"])
    for name, wanted in (("c/okta.saml.b64", True), ("c/okta.saml", True), ("a.har", True),
                         ("pom.xml", False), ("c/okta.saml.xml", True), ("x.b64", False)):
        if bool(pattern.search(name)) != wanted:
            fail(f"{path}: files pattern {hook['files']!r} {'misses' if wanted else 'takes'} {name}")


def run_lint(command, env, workdir, what):
    result = subprocess.run(["bash", "-c", command], cwd=workdir, env=env,
                            capture_output=True, text=True, check=False)
    if result.returncode not in (0, 1):
        fail(f"{what}: exit {result.returncode}: {result.stderr}")


def check_sarif(path):
    with open(path, encoding="utf-8") as f:
        sarif = json.load(f)
    if sarif.get("version") != "2.1.0":
        fail(f"{path}: SARIF version is {sarif.get('version')!r}, expected 2.1.0")
    driver = sarif["runs"][0]["tool"]["driver"]
    if driver.get("name") != "saml-lint" or not driver.get("rules"):
        fail(f"{path}: the tool driver is not saml-lint with its rules")
    for result in sarif["runs"][0].get("results", []):
        uri = result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        if not uri:
            fail(f"{path}: a result has no file location")


def check_junit(path):
    root = ET.parse(path).getroot()
    if root.tag not in ("testsuites", "testsuite") or not list(root.iter("testcase")):
        fail(f"{path}: not a JUnit report with test cases (root {root.tag})")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--root", required=True, help="repository root")
    parser.add_argument("--fixtures", required=True)
    parser.add_argument("--saml-lint", help="a built saml-lint to run the CI commands with")
    args = parser.parse_args()
    root = pathlib.Path(args.root)
    github_env, github_command, sarif = check_github(root / "examples/ci/github-actions.yml")
    gitlab_env, gitlab_command, junit = check_gitlab(root / "examples/ci/gitlab-ci.yml")
    check_pre_commit(root / ".pre-commit-hooks.yaml")
    print("CI example files parse and are wired consistently")
    if not args.saml_lint:
        return
    fixtures = pathlib.Path(args.fixtures)
    with tempfile.TemporaryDirectory() as work:
        captures = pathlib.Path(work, "saml-captures")
        captures.mkdir()
        for name in ("okta-aws-signed-assertion.xml", "tampered-role.xml"):
            shutil.copy(fixtures / "responses" / name, captures / name)
        idp = pathlib.Path(work, "idp")
        idp.mkdir()
        shutil.copy(fixtures / "keys/okta-metadata.xml", idp / "okta-metadata.xml")
        path = f"{pathlib.Path(args.saml_lint).parent}{os.pathsep}{os.environ['PATH']}"
        env = dict(os.environ, PATH=path, GITHUB_OUTPUT=str(pathlib.Path(work, "output")),
                   **{k: str(v) for k, v in github_env.items()})
        run_lint(github_command, env, work, "the GitHub lint step")
        check_sarif(pathlib.Path(work, sarif))
        env.update({k: str(v) for k, v in gitlab_env.items()})
        run_lint(gitlab_command, env, work, "the GitLab lint command")
        check_junit(pathlib.Path(work, junit))
    print("the CI lint commands ran; SARIF 2.1.0 and JUnit reports checked")


if __name__ == "__main__":
    main()
