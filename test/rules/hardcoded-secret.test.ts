// Tests of hardcoded-secret: credentials in code, notebook outputs, configs, scripts and tracked .env files.
// Provider-shaped tokens are assembled at run time, so this file holds nothing a secret scanner would block.
import assert from 'node:assert/strict';
import { it } from 'node:test';
import rule from '../../src/engine/rules/secrets/hardcoded-secret';
import { fixtureTest } from '../helpers/fixtures';
import { ruleTester, runRule } from '../helpers/rule-tester';

const HF = ['hf', 'QwErTyUiOpAsDfGhJkLzXcVbNmQaZwSxEd'].join('_');
const HEX40 = '9f3b1c7e2d8a4f6b0c5e9d1a7b3f2e8c4d6a0b9e';
const KAGGLE32 = '7c1e9a3f5b2d8e4c6a0f1b9d3e7c5a2f';
const RANDOM = 'Xk29fLq83nZq2wE7rTy4Pm6V';
const notebook = (cells: readonly { source: string; outputs?: readonly unknown[] }[]): string =>
  JSON.stringify({ cells: cells.map((c) => ({ cell_type: 'code', metadata: {}, execution_count: 1, outputs: c.outputs ?? [], source: c.source })), metadata: {}, nbformat: 4, nbformat_minor: 5 });

ruleTester(rule, {
  valid: [
    { name: 'read from the environment', code: 'import os\napi_key = os.environ["OPENAI_API_KEY"]\ntoken = os.getenv("HF_TOKEN")\n' },
    { name: 'placeholders and documented fakes', code: 'OPENAI_API_KEY = "sk-..."\nHF_TOKEN = "<your-token>"\nAWS_ACCESS_KEY_ID = "AKIAIOSFODNN7EXAMPLE"\nAWS_SECRET_ACCESS_KEY = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"\nAPI_KEY = "your_api_key_here"\nPASSWORD = "changeme"\nSECRET = "********************"\n' },
    { name: 'tokenizers and special tokens are not credentials', code: 'pad_token = "<|endoftext|>"\ntokenizer_name = "bert-base-multilingual-uncased-v2"\nmax_new_tokens = 256\n' },
    { name: 'a commit sha pinned as a revision', code: 'from transformers import AutoModel\nm = AutoModel.from_pretrained("org/model", revision="3f2a9c1b7e6d5f4a3c2b1a0f9e8d7c6b5a4f3e2d")\n' },
    { name: 'test files: named fakes are not reported', filename: 'tests/test_client.py', code: `client = Client(password="${RANDOM}")\nDB = "postgresql://app:${RANDOM}@db.test.internal/app"\n` },
    { name: 'a local development database', code: `engine = create_engine("postgresql://postgres:${RANDOM}@localhost:5432/dev")\n` },
    { name: 'a docstring shows how a connection URL is written', code: `def connect(url):\n    """Opens e.g. postgresql://etl:${RANDOM}@db.prod.net/app."""\n    return url\n` },
    { name: 'a private key header in parsing code', code: 'if text.startswith("-----BEGIN RSA PRIVATE KEY-----"):\n    kind = "rsa"\n' },
    { name: 'config values from the environment', filename: 'configs/logger/wandb.yaml', code: 'wandb:\n  api_key: ${oc.env:WANDB_API_KEY}\n  project: churn\n' },
    { name: 'CI secrets', filename: '.github/workflows/train.yml', code: 'jobs:\n  train:\n    runs-on: ubuntu-latest\n    env:\n      HF_TOKEN: ${{ secrets.HF_TOKEN }}\n    steps:\n      - run: python train.py\n' },
    { name: 'a .env file Git does not track (no Git information: quiet)', filename: '.env', code: `HF_TOKEN=${HF}\n` },
    { name: 'W&B keys are 40 hex digits; a 40-character word is not one', code: 'wandb.login(key="thisisnotarealkeybutalongpassphrasehere")\n' },
  ],
  invalid: [
    {
      name: 'a Hugging Face token in code, reported on the token',
      code: `from huggingface_hub import login\nlogin(token="${HF}")\n`,
      errors: [{ messageId: 'token', line: 2, column: 14 }],
    },
    {
      name: 'a random value under a secret-like name',
      code: `MISTRAL_API_KEY = "${RANDOM}"\nheaders = {"X-Api-Key": "${RANDOM}abc"}\n`,
      errors: [
        { messageId: 'named', line: 1, column: 19 },
        { messageId: 'named', line: 2, column: 25 },
      ],
    },
    {
      name: 'a W&B key passed to wandb.login',
      code: `import wandb\nwandb.login(key="${HEX40}")\n`,
      errors: [{ messageId: 'named', line: 2 }],
    },
    {
      name: 'a password in a connection URL',
      code: `from sqlalchemy import create_engine\nengine = create_engine("postgresql://etl:${RANDOM}@warehouse.prod.internal:5432/features")\n`,
      errors: [{ messageId: 'urlPassword', line: 2, column: 42 }],
    },
    {
      name: 'a token commented out is still in the repository',
      code: `# HF_TOKEN = "${HF}"\nHF_TOKEN = None\n`,
      errors: [{ messageId: 'token', line: 1, column: 15 }],
    },
    {
      name: 'a token printed in a notebook output',
      filename: 'explore.ipynb',
      code: notebook([
        { source: 'import os\n' },
        { source: '!cat ~/.huggingface/token\nprint("done")', outputs: [{ output_type: 'stream', name: 'stdout', text: [`${HF}\n`] }] },
      ]),
      errors: [{ messageId: 'output', line: 1, cell: 1 }],
    },
    {
      name: 'a secret-named config value',
      filename: 'configs/tracking.yaml',
      code: `mlflow:\n  uri: https://mlflow.internal\n  password: ${RANDOM}\n`,
      errors: [{ messageId: 'named', line: 3, column: 13 }],
    },
    {
      name: 'a kaggle.json',
      filename: 'kaggle.json',
      code: `{"username": "alice", "key": "${KAGGLE32}"}\n`,
      errors: [{ messageId: 'named', line: 1 }],
    },
    {
      name: 'a token on a shell command line and a secret flag',
      filename: 'scripts/upload.sh',
      code: `#!/bin/bash\nhuggingface-cli login --token ${HF}\npython push.py --api-key ${RANDOM}\n`,
      errors: [
        { messageId: 'token', line: 2, column: 31 },
        { messageId: 'named', line: 3, column: 26 },
      ],
    },
  ],
});

it('never prints the secret: messages and subjects carry a masked form', async () => {
  const { findings } = await runRule(rule, { code: `TOKEN = "${HF}"\nAPI_KEY = "${RANDOM}"\nDB = "mysql://svc:${RANDOM}@db.prod.net/x"\n` });
  assert.equal(findings.length, 3);
  for (const f of findings) {
    assert.ok(!f.message.includes(HF) && !f.message.includes(RANDOM), f.message);
    assert.ok(!f.subject.includes(HF) && !f.subject.includes(RANDOM), f.subject);
  }
  assert.match(findings[0]?.message ?? '', /hf_Q…\(37 chars\)/);
});

fixtureTest('hardcoded-secret');
