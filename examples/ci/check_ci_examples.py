#!/usr/bin/env python3
"""Checks the CI examples as far as this machine allows.

Always: the GitHub workflow, the GitLab job and the pre-commit hook parse as YAML and are
wired consistently: the GitHub workflow uses samlkit's action (action.yml) at this version,
with inputs the action declares; the GitLab job builds this version from the project's home
with the README's set-up command and publishes the report its lint command writes.
With --saml-lint: the action's steps run locally with the workflow's inputs
(scripts/run_action_locally.py, its build cache seeded with this saml-lint) up to the
SARIF upload, and the GitLab lint command runs as written; the SARIF must be SARIF 2.1.0
from saml-lint, the JUnit XML must parse.
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


def project_facts(root):
    """The version and the home (https://github.com/OWNER/NAME) from project()."""
    text = (root / "CMakeLists.txt").read_text(encoding="utf-8")
    version = re.search(r"project\(samlkit VERSION ([0-9.]+)", text)
    home = re.search(r'HOMEPAGE_URL "https://github\.com/([^"]+)"', text)
    if not version or not home:
        fail("CMakeLists.txt: project() has no VERSION or no GitHub HOMEPAGE_URL")
    return version.group(1), home.group(1)


def redirect_target(command, what):
    match = re.search(r">\s*(\S+)\s*(\|\||$)", command)
    if not match:
        fail(f"{what}: the lint command does not write a report file: {command!r}")
    return match.group(1)


def check_github(path, version, repository):
    workflow = load(path)
    if workflow.get("permissions", {}).get("security-events") != "write":
        fail(f"{path}: the SARIF upload needs permissions: security-events: write")
    steps = workflow["jobs"]["saml-lint"]["steps"]
    wanted = f"{repository}@v{version}"
    lint = next((s for s in steps if s.get("uses") == wanted), None)
    if lint is None:
        fail(f"{path}: no step uses samlkit's action as '{wanted}'")
    inputs = lint.get("with", {})
    if "paths" not in inputs:
        fail(f"{path}: the action step gives no paths")
    return {name: str(value) for name, value in inputs.items()}


def check_gitlab(path, version, repository):
    job = load(path)["saml-lint"]
    variables = job["variables"]
    if variables.get("SAMLKIT_VERSION") != f"v{version}":
        fail(f"{path}: SAMLKIT_VERSION is {variables.get('SAMLKIT_VERSION')}, expected v{version}")
    setup = "\n".join(job["before_script"])
    for needed in (f"https://github.com/{repository}.git", "scripts/bootstrap.sh demo",
                   "cmake --install /opt/samlkit/build/release"):
        if needed not in setup:
            fail(f"{path}: before_script lacks '{needed}' (the README's build from source)")
    command = job["script"][-1]
    report = redirect_target(command, path)
    if job["artifacts"]["reports"]["junit"] != report or job["artifacts"]["when"] != "always":
        fail(f"{path}: must publish {report} as a JUnit report, when: always")
    if "--format junit" not in command:
        fail(f"{path}: the lint command does not ask for JUnit")
    return variables, command, report


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


def run_action(root, inputs, saml_lint, workdir):
    """The action's steps, run locally with the workflow's inputs; its build cache is a hit
    holding this saml-lint. Returns the action's outputs."""
    prefix = pathlib.Path(workdir, "seed-prefix", "bin")
    prefix.mkdir(parents=True)
    (prefix / "saml-lint").symlink_to(pathlib.Path(saml_lint).resolve())
    command = [sys.executable, str(root / "scripts/run_action_locally.py"), "--workspace", workdir,
               "--seed-cache", str(prefix.parent), "--runner-temp", str(pathlib.Path(workdir, "tmp"))]
    for name, value in inputs.items():
        command += ["--input", f"{name}={value}"]
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        fail(f"the action's steps failed (exit {result.returncode}):\n{result.stdout}{result.stderr}")
    outputs = json.loads(result.stdout.strip().splitlines()[-1])
    if outputs.get("exit-code") not in ("0", "1"):
        fail(f"the action's lint step reported {outputs}")
    return outputs


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
    parser.add_argument("--saml-lint", help="a built saml-lint to run the CI examples with")
    args = parser.parse_args()
    root = pathlib.Path(args.root)
    version, repository = project_facts(root)
    github_inputs = check_github(root / "examples/ci/github-actions.yml", version, repository)
    gitlab_env, gitlab_command, junit = check_gitlab(root / "examples/ci/gitlab-ci.yml", version,
                                                     repository)
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
        outputs = run_action(root, github_inputs, args.saml_lint, work)
        check_sarif(pathlib.Path(work, outputs["sarif-file"]))
        if outputs["exit-code"] != "1":
            fail(f"the tampered capture should make the action's lint report findings: {outputs}")
        path = f"{pathlib.Path(args.saml_lint).resolve().parent}{os.pathsep}{os.environ['PATH']}"
        env = dict(os.environ, PATH=path, **{k: str(v) for k, v in gitlab_env.items()})
        run_lint(gitlab_command, env, work, "the GitLab lint command")
        check_junit(pathlib.Path(work, junit))
    print("the action's steps ran up to the SARIF upload and the GitLab lint command ran; "
          "SARIF 2.1.0 and JUnit reports checked")


if __name__ == "__main__":
    main()
