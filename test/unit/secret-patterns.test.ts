// Unit tests of the credential recogniser: provider formats, placeholders, names, entropy and masking.
// Token-shaped values are assembled at run time so that this file holds no string a secret scanner would block.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { entropy, findSecrets, isPlaceholder, isSecretName, maskSecret, secretByName } from '../../src/engine/secret-patterns';

/** A deterministic pseudo-random string over an alphabet, so tests need no real key. */
function noise(length: number, alphabet = 'aB3dE5fG7hJ9kL1mN2pQ4rS6tU8vW0xYzCoHiKu', seed = 7): string {
  let out = '';
  let x = seed;
  for (let i = 0; i < length; i++) {
    x = (x * 1103515245 + 12345) % 2147483648;
    out += alphabet[Math.floor(x / 65536) % alphabet.length] ?? 'a';
  }
  return out;
}
const LETTERS = 'aBcDeFgHiJkLmNoPqRsTuVwXyZQwErTyUiOpZx';
const HEX = '0123456789abcdef';
const labels = (text: string, options?: { tokensOnly?: boolean }): string[] => findSecrets(text, options).map((m) => m.label);

describe('findSecrets: provider formats', () => {
  it('finds tokens of each provider in any text, with their offsets', () => {
    const hf = `hf_${noise(34, LETTERS)}`;
    const text = `HF_TOKEN = "${hf}"`;
    const [m] = findSecrets(text);
    assert.equal(m?.label, 'Hugging Face token');
    assert.ok(m);
    assert.equal(text.slice(m.start, m.end), hf);
    assert.deepEqual(labels(`key=${['AK', 'IA'].join('')}${noise(16, 'ABCDEFGHJKLMNPQRSTUVWXYZ234567')}`), ['AWS access key id']);
    assert.deepEqual(labels(`"${['sk', 'proj'].join('-')}-${noise(60)}"`), ['OpenAI-format API key']);
    assert.deepEqual(labels(`${['sk', 'ant', 'api03'].join('-')}-${noise(90)}`), ['Anthropic API key']);
    assert.deepEqual(labels(`ghp_${noise(36)}`), ['GitHub token']);
    assert.deepEqual(labels(`xoxb-284019375612-9170382645019-${noise(24)}`), ['Slack token']);
    assert.deepEqual(labels(`DefaultEndpointsProtocol=https;AccountName=x;AccountKey=${noise(86)}==;EndpointSuffix=core.windows.net`), ['Azure storage account key']);
    assert.deepEqual(labels(`{"username": "alice", "key": "${noise(32, HEX)}"}`), ['Kaggle API key']);
  });

  it('finds private keys with key material, not the header alone', () => {
    const body = noise(64 * 3, 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/');
    const pem = `-----BEGIN PRIVATE KEY-----\\n${body.slice(0, 64)}\\n${body.slice(64)}\\n-----END PRIVATE KEY-----\\n`;
    assert.deepEqual(labels(`{"type": "service_account", "private_key": "${pem}"}`), ['private key']);
    assert.deepEqual(labels('if line.startswith("-----BEGIN RSA PRIVATE KEY-----"):'), []);
    assert.deepEqual(labels('"private_key": "-----BEGIN PRIVATE KEY-----\\n...\\n-----END PRIVATE KEY-----\\n"'), []);
  });

  it('finds passwords in connection URLs, not placeholders or local databases', () => {
    const [m] = findSecrets(`DB = "postgresql://svc:${noise(14)}@db.prod.example.net:5432/app"`);
    assert.equal(m?.redacted, 'postgresql://svc:****@db.prod.example.net:5432');
    assert.deepEqual(labels('postgresql://user:password@db.prod.net/app'), []);
    assert.deepEqual(labels('postgresql://postgres:Xk29fLq83nZq@localhost:5432/app'), []);
    assert.deepEqual(labels('mysql://app:${DB_PASSWORD}@db:3306/x'), []);
    assert.deepEqual(labels('postgres://{user}:{pw}@{host}/db'), []);
    assert.deepEqual(labels('amqp://guest:guest@rabbit:5672/'), []);
    assert.deepEqual(labels(`redis://:${noise(16)}@cache.internal:6379`, { tokensOnly: true }), []);
  });

  it('ignores documented fakes, masks, sequences and repeated characters', () => {
    assert.deepEqual(labels('AKIAIOSFODNN7EXAMPLE'), []);
    assert.deepEqual(labels(`hf_${'x'.repeat(34)}`), []);
    assert.deepEqual(labels('hf_ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefgh'), []);
    assert.deepEqual(labels('sk-1234567890abcdef1234567890abcdef12'), []);
    assert.deepEqual(labels('sk-learn-tutorial-for-beginners-part-two-of-three'), []);
    assert.deepEqual(labels('hf_your_token_here'), []);
  });
});

describe('secretByName', () => {
  it('takes random values of secret-like names', () => {
    assert.equal(secretByName('MISTRAL_API_KEY', noise(32))?.label, 'secret');
    assert.equal(secretByName('dbPassword', noise(24))?.label, 'secret');
    assert.equal(secretByName('AWS_SECRET_ACCESS_KEY', noise(40, 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'))?.label, 'AWS secret access key');
    assert.equal(secretByName('WANDB_API_KEY', noise(40, HEX))?.label, 'W&B API key');
    assert.equal(secretByName('kaggle_key', noise(32, HEX))?.label, 'Kaggle API key');
  });

  it('leaves names about secrets, short values, words, paths and placeholders alone', () => {
    assert.equal(secretByName('tokenizer_name', 'bert-base-uncased-finetuned-sst2-v2'), undefined);
    assert.equal(secretByName('token_file', '/run/secrets/hf_token_file_2024'), undefined);
    assert.equal(secretByName('api_key', 'short1'), undefined);
    assert.equal(secretByName('SECRET_KEY', 'super_secure_jwt_secret_for_the_app'), undefined);
    assert.equal(secretByName('API_KEY', 'your-api-key-goes-here-123'), undefined);
    assert.equal(secretByName('api_key', '${OPENAI_API_KEY_2024_PRODUCTION}'), undefined);
    assert.equal(secretByName('WANDB_API_KEY', noise(40)), undefined, 'a W&B key is 40 hex digits');
    assert.equal(secretByName('commit_sha_token', noise(40, HEX)), undefined);
    assert.equal(secretByName('learning_rate', noise(32)), undefined);
  });

  it('splits names into parts', () => {
    assert.ok(isSecretName('awsSecretAccessKey'));
    assert.ok(isSecretName('X-Api-Key'));
    assert.ok(isSecretName('HF_TOKEN'));
    assert.ok(!isSecretName('author'));
    assert.ok(!isSecretName('max_new_tokens'));
    assert.ok(!isSecretName('pad_token'));
    assert.ok(!isSecretName('key'));
  });
});

describe('helpers', () => {
  it('measures entropy in bits per character', () => {
    assert.equal(entropy(''), 0);
    assert.equal(entropy('aaaa'), 0);
    assert.equal(entropy('abcd'), 2);
  });

  it('recognises placeholders', () => {
    for (const p of ['<your-key>', 'your_api_key_here', 'changeme', '${VAR}', '***', '...', 'xxxxxxxx', 'abcdefgh', '12345678', 'sk-...']) assert.ok(isPlaceholder(p), p);
    assert.ok(!isPlaceholder(noise(32)));
  });

  it('masks without revealing short secrets', () => {
    assert.equal(maskSecret('abcdefghijklmnopqrst'), 'abcd…(20 chars)');
    assert.equal(maskSecret('hunter2pass'), 'hu…(11 chars)');
    assert.equal(maskSecret('pw12345'), '…(7 chars)');
  });
});
