// Evaluates IAM condition cases with @cloud-copilot/iam-simulate, an independent
// implementation, for tests/e2e/iam_differential_test.cpp. Input (argv[2]): a JSON array of
// {"op", "key", "values", "context"}; output: a JSON array of true/false/"error: ...".
// Each case is one identity policy allowing sts:AssumeRoleWithSAML under one condition.
'use strict';
const fs = require('fs');
const { runSimulation } = require('@cloud-copilot/iam-simulate');

async function evaluate(c) {
  const simulation = {
    identityPolicies: [{
      name: 'case',
      policy: {
        Version: '2012-10-17',
        Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRoleWithSAML', Resource: '*',
                      Condition: { [c.op]: { [c.key]: c.values } } }],
      },
    }],
    serviceControlPolicies: [],
    resourceControlPolicies: [],
    request: {
      action: 'sts:AssumeRoleWithSAML',
      principal: 'arn:aws:iam::123456789012:user/differential',
      resource: { accountId: '123456789012', resource: 'arn:aws:iam::123456789012:role/Admin' },
      contextVariables: c.context,
    },
  };
  const response = await runSimulation(simulation, {});
  if (response.resultType === 'error') return 'error: ' + JSON.stringify(response.errors).slice(0, 400);
  return response.overallResult === 'Allowed';
}

(async () => {
  const cases = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
  const results = [];
  for (const c of cases) results.push(await evaluate(c));
  process.stdout.write(JSON.stringify(results) + '\n');
})().catch((error) => {
  process.stderr.write(String(error && error.stack || error) + '\n');
  process.exit(2);
});
