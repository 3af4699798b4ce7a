#!/usr/bin/env python3
"""Runs the steps of the composite GitHub Action in action.yml on this machine, as the
runner would, up to the SARIF upload (which needs GitHub): each `run:` step with bash
(`bash --noprofile --norc -eo pipefail`, GitHub's bash), its `env:` and `if:` evaluated,
GITHUB_OUTPUT collected into steps.<id>.outputs. `uses: actions/cache` is played locally:
a directory per key under --cache-dir (restored before, saved after the run, as the real
post step does), or a hit restored from --seed-cache (a prefix holding bin/saml-lint).

    scripts/run_action_locally.py --workspace DIR --input paths=captures \\
        --input metadata=idp/okta-metadata.xml [--cache-dir DIR | --seed-cache PREFIX]

Prints the action's outputs as JSON on the last line. Exit status: the failing step's, or 0.
Only the expressions the action uses are understood (contexts inputs, steps, github,
runner; string literals; ==, !=, &&); anything else is an error, never a guess.
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

import yaml

ROOT = pathlib.Path(__file__).resolve().parent.parent
EXPRESSION = re.compile(r"\$\{\{\s*(.*?)\s*\}\}")
TOKEN = re.compile(r"\s*(?:(?P<string>'(?:[^']|'')*')|(?P<op>==|!=|&&)|(?P<ref>[A-Za-z_][\w.-]*))")


class ActionError(Exception):
    pass


class Context:
    def __init__(self, inputs, workspace, runner_temp):
        self.inputs = inputs
        self.steps = {}
        self.github = {"action_path": str(ROOT), "workspace": str(workspace)}
        self.runner = {"temp": str(runner_temp), "os": "Linux"}

    def lookup(self, ref):
        parts = ref.split(".")
        if parts[0] == "inputs" and len(parts) == 2:
            if parts[1] not in self.inputs:
                raise ActionError(f"unknown input '{parts[1]}'")
            return self.inputs[parts[1]]
        if parts[0] == "steps" and len(parts) == 4 and parts[2] == "outputs":
            return self.steps.get(parts[1], {}).get(parts[3], "")
        if parts[0] in ("github", "runner") and len(parts) == 2:
            values = getattr(self, parts[0])
            if parts[1] in values:
                return values[parts[1]]
        if ref in ("true", "false"):
            return ref == "true"
        raise ActionError(f"expression context '{ref}' is not supported here")

    def evaluate(self, expression):
        """Operands (string literals, context values) compared with == or !=, clauses
        joined by &&; strings compare as GitHub compares them, case-insensitively."""
        tokens, at = [], 0
        while at < len(expression):
            match = TOKEN.match(expression, at)
            if not match:
                raise ActionError(f"cannot read expression '{expression}'")
            tokens.append(match)
            at = match.end()
            while at < len(expression) and expression[at].isspace():
                at += 1
        values = [self.clause(tokens, expression) for tokens in split_tokens(tokens, "&&")]
        return values[0] if len(values) == 1 else all(truthy(value) for value in values)

    def clause(self, tokens, expression):
        ops = [t.group("op") for t in tokens if t.group("op")]
        operands = []
        for token in tokens:
            if token.group("string"):
                operands.append(token.group("string")[1:-1].replace("''", "'"))
            elif token.group("ref"):
                operands.append(self.lookup(token.group("ref")))
        if len(operands) == 1 and not ops:
            return operands[0]
        if len(operands) == 2 and ops in (["=="], ["!="]):
            equal = str(operands[0]).lower() == str(operands[1]).lower()
            return equal if ops[0] == "==" else not equal
        raise ActionError(f"cannot evaluate '{expression}'")

    def substitute(self, text):
        return EXPRESSION.sub(lambda m: render(self.evaluate(m.group(1))), str(text))

    def condition(self, step):
        if "if" not in step:
            return True
        text = str(step["if"])
        match = EXPRESSION.fullmatch(text.strip())
        return truthy(self.evaluate(match.group(1) if match else text))


def truthy(value):
    return value not in (False, "")


def render(value):
    return ("true" if value else "false") if isinstance(value, bool) else str(value)


def split_tokens(tokens, op):
    groups, current = [], []
    for token in tokens:
        if token.group("op") == op:
            groups.append(current)
            current = []
        else:
            current.append(token)
    groups.append(current)
    return groups


def read_outputs(path):
    """GITHUB_OUTPUT: name=value lines and name<<DELIMITER blocks."""
    outputs, lines = {}, pathlib.Path(path).read_text(encoding="utf-8").splitlines()
    index = 0
    while index < len(lines):
        line = lines[index]
        if "<<" in line and ("=" not in line or line.index("<<") < line.index("=")):
            name, delimiter = line.split("<<", 1)
            end = lines.index(delimiter, index + 1)
            outputs[name] = "\n".join(lines[index + 1:end])
            index = end + 1
            continue
        if "=" in line:
            name, value = line.split("=", 1)
            outputs[name] = value
        index += 1
    return outputs


def copy_tree(source, target):
    shutil.rmtree(target, ignore_errors=True)
    shutil.copytree(source, target, symlinks=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--workspace", required=True, help="GITHUB_WORKSPACE: where the lint runs")
    parser.add_argument("--input", action="append", default=[], metavar="NAME=VALUE")
    cache = parser.add_mutually_exclusive_group()
    cache.add_argument("--cache-dir", help="keep actions/cache entries here (one folder per key)")
    cache.add_argument("--seed-cache", help="restore this prefix as a cache hit (bin/saml-lint)")
    parser.add_argument("--runner-temp", help="RUNNER_TEMP (default: a new temporary folder)")
    args = parser.parse_args()

    action = yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))
    if action["runs"]["using"] != "composite":
        raise ActionError("action.yml is not a composite action")
    given = dict(item.split("=", 1) for item in args.input)
    declared = action.get("inputs", {})
    unknown = sorted(set(given) - set(declared))
    if unknown:
        raise ActionError(f"action.yml has no input {', '.join(unknown)}")
    inputs = {}
    for name, spec in declared.items():
        if name in given:
            inputs[name] = given[name]
        elif spec.get("required"):
            raise ActionError(f"input '{name}' is required")
        else:
            inputs[name] = str(spec.get("default", ""))

    workspace = pathlib.Path(args.workspace).resolve()
    temp = pathlib.Path(args.runner_temp or tempfile.mkdtemp(prefix="runner-temp-")).resolve()
    temp.mkdir(parents=True, exist_ok=True)
    context = Context(inputs, workspace, temp)
    base_env = dict(os.environ, GITHUB_ACTION_PATH=str(ROOT), GITHUB_WORKSPACE=str(workspace),
                    RUNNER_TEMP=str(temp), RUNNER_OS="Linux", GITHUB_ACTIONS="true")
    to_save = []  # (cache path, key) of the misses, saved after the run like the post step

    for number, step in enumerate(action["runs"]["steps"], 1):
        name = step.get("name", f"step {number}")
        if not context.condition(step):
            print(f"run_action_locally: skipped: {name}", file=sys.stderr)
            continue
        outputs = {}
        if "uses" in step:
            uses = step["uses"]
            settings = {k: context.substitute(v) for k, v in step.get("with", {}).items()}
            if uses.startswith("github/codeql-action/upload-sarif@"):
                sarif = workspace / settings["sarif_file"]
                if not sarif.is_file():
                    raise ActionError(f"{name}: the SARIF file {sarif} was not written")
                print(f"run_action_locally: stopped before '{name}' (needs GitHub): would upload "
                      f"{sarif} as category {settings.get('category', '')}", file=sys.stderr)
                break
            if not uses.startswith("actions/cache@"):
                raise ActionError(f"{name}: 'uses: {uses}' cannot run locally")
            path, key = pathlib.Path(settings["path"]), settings["key"]
            hit = False
            if args.seed_cache:
                copy_tree(args.seed_cache, path)
                hit = True
            elif args.cache_dir and (pathlib.Path(args.cache_dir) / key).is_dir():
                copy_tree(pathlib.Path(args.cache_dir) / key, path)
                hit = True
            elif args.cache_dir:
                to_save.append((path, key))
            outputs["cache-hit"] = "true" if hit else "false"
            print(f"run_action_locally: {name}: cache {'hit' if hit else 'miss'} for {key}",
                  file=sys.stderr)
        else:
            if step.get("shell") != "bash":
                raise ActionError(f"{name}: only 'shell: bash' steps can run here")
            env = dict(base_env, **{k: context.substitute(v) for k, v in step.get("env", {}).items()})
            with tempfile.TemporaryDirectory() as scratch:
                output_file = pathlib.Path(scratch, "output")
                output_file.touch()
                script = pathlib.Path(scratch, "step.sh")
                script.write_text(context.substitute(step["run"]), encoding="utf-8")
                env["GITHUB_OUTPUT"] = str(output_file)
                print(f"run_action_locally: running: {name}", file=sys.stderr)
                result = subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", str(script)],
                                        cwd=workspace, env=env, check=False)
                outputs = read_outputs(output_file)
            if result.returncode != 0:
                print(f"run_action_locally: '{name}' failed with exit {result.returncode}", file=sys.stderr)
                return result.returncode
        if "id" in step:
            context.steps[step["id"]] = outputs

    for path, key in to_save:
        if path.is_dir():
            copy_tree(path, pathlib.Path(args.cache_dir) / key)
            print(f"run_action_locally: saved {path} to the cache as {key}", file=sys.stderr)
    outputs = {name: context.substitute(spec["value"]) for name, spec in action.get("outputs", {}).items()}
    print(json.dumps(outputs))
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except (ActionError, KeyError, ValueError, OSError) as error:
        sys.exit(f"run_action_locally: {error}")
