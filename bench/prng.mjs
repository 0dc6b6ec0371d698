// Seeded PRNG and vocabulary helpers for the benchmark corpus: every random choice goes through here so one seed gives one tree.

/** mulberry32: tiny, fast, and good enough for picking templates; the exact algorithm is part of the corpus format. */
export function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** FNV-1a over a string, so each file gets its own stream derived from (seed, path) and adding a file never shifts the others. */
export function hashSeed(seed, key) {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

export class Rng {
  constructor(seed) {
    this.next = mulberry32(seed);
  }
  /** Integer in [lo, hi]. */
  int(lo, hi) {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  pick(arr) {
    return arr[Math.floor(this.next() * arr.length)];
  }
  chance(p) {
    return this.next() < p;
  }
  /** Picks from [[weight, value], ...]. */
  weighted(pairs) {
    let total = 0;
    for (const [w] of pairs) total += w;
    let r = this.next() * total;
    for (const [w, v] of pairs) {
      r -= w;
      if (r < 0) return v;
    }
    return pairs[pairs.length - 1][1];
  }
  /** Standard normal via Box-Muller, for lognormal file sizes. */
  normal() {
    const u = 1 - this.next();
    const v = this.next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }
  sample(arr, n) {
    const copy = arr.slice();
    const out = [];
    while (out.length < n && copy.length > 0) out.push(copy.splice(Math.floor(this.next() * copy.length), 1)[0]);
    return out;
  }
  float(lo, hi, digits = 3) {
    return (lo + this.next() * (hi - lo)).toFixed(digits);
  }
}

export const NOUNS = [
  'user', 'session', 'order', 'item', 'customer', 'event', 'click', 'price', 'label', 'embedding', 'score',
  'transaction', 'product', 'review', 'image', 'token', 'sensor', 'reading', 'claim', 'policy', 'account', 'churn',
  'fraud', 'demand', 'store', 'region', 'device', 'query', 'document', 'merchant', 'basket', 'visit', 'payment',
  'shipment', 'inventory', 'campaign', 'impression', 'rating', 'ticket', 'loan', 'patient', 'trip', 'route',
  'vehicle', 'listing', 'invoice', 'subscription', 'sku', 'holiday', 'weather', 'article', 'caption', 'frame',
];
export const VERBS = [
  'load', 'build', 'compute', 'normalize', 'encode', 'aggregate', 'clean', 'merge', 'split', 'filter', 'transform',
  'extract', 'prepare', 'validate', 'score', 'rank', 'resample', 'impute', 'bucketize', 'deduplicate', 'join',
  'summarize', 'collect', 'fetch', 'export', 'enrich', 'flatten', 'standardize', 'tokenize', 'batch',
];
export const ADJS = ['daily', 'weekly', 'raw', 'clean', 'rolling', 'lagged', 'recent', 'active', 'top', 'global', 'local', 'sparse', 'dense', 'hourly'];
export const COLS = [
  'user_id', 'order_id', 'item_id', 'store_id', 'created_at', 'updated_at', 'price', 'quantity', 'amount', 'label',
  'country', 'channel', 'device_type', 'age', 'tenure_days', 'num_orders', 'avg_basket', 'discount', 'category',
  'text', 'score', 'region', 'is_active', 'latency_ms', 'revenue', 'clicks', 'impressions', 'rating', 'target',
];

export const snake = (...parts) => parts.join('_');
export const camel = (name) => name.split('_').map((p) => p.charAt(0).toUpperCase() + p.slice(1)).join('');
