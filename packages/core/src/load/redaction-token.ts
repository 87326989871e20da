import { createHmac, randomBytes, randomInt } from 'node:crypto';

// A redacted value is shown as `<string len=6 #a1b2c3d4>`: its length and 32 bits of a keyed hash.
// The key is drawn at random once per process, so equal values get equal stand-ins within one run
// (one output, one report over several snapshots) while nobody can test guesses against a stand-in:
// without the key, a 6-digit PIN is as hidden as a long token.
//
// The hash input is not the text itself but its length and two polynomial fingerprints
// (Σ c_i·B^(L-1-i) mod p, with secret random bases). A fingerprint of `a + b` follows from those of
// `a` and `b`, so a concatenated string's stand-in is computed from its parts in one pass over the
// cons-string graph, without rebuilding its text (a string built by 100,000 `+=` would make that
// quadratic). Two different texts share a stand-in only by a fingerprint collision, about 2^-52 for
// any pair, on top of the 2^-32 of the 8 hex digits shown.

const KEY = randomBytes(32);
const P1 = 67_108_859; // 2^26 - 5, prime: products of two residues stay below 2^53, exact in doubles
const P2 = 67_108_837; // 2^26 - 27, prime
const B1 = randomInt(256, P1 - 1);
const B2 = randomInt(256, P2 - 1);

/** A value's fingerprint: its length in UTF-16 code units and two polynomial residues. */
export interface Fingerprint {
  length: number;
  h1: number;
  h2: number;
}

export function fingerprint(text: string): Fingerprint {
  let h1 = 0;
  let h2 = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = (h1 * B1 + c) % P1;
    h2 = (h2 * B2 + c) % P2;
  }
  return { length: text.length, h1, h2 };
}

function powMod(base: number, exponent: number, p: number): number {
  // Fermat: B^(p-1) = 1 (mod p), so only the exponent modulo p - 1 matters (lengths may pass 2^32).
  let e = exponent % (p - 1);
  let result = 1;
  let b = base;
  while (e > 0) {
    if (e % 2 === 1) result = (result * b) % p;
    b = (b * b) % p;
    e = Math.floor(e / 2);
  }
  return result;
}

/** The fingerprint of `a` followed by `b`, from theirs. */
export function concatFingerprints(a: Fingerprint, b: Fingerprint): Fingerprint {
  return {
    length: a.length + b.length,
    h1: (a.h1 * powMod(B1, b.length, P1) + b.h1) % P1,
    h2: (a.h2 * powMod(B2, b.length, P2) + b.h2) % P2,
  };
}

export const EMPTY_FINGERPRINT: Fingerprint = { length: 0, h1: 0, h2: 0 };

/** `<string len=42 #1a2b3c4d>` for a fingerprint. */
export function tokenOf(f: Fingerprint): string {
  const tag = createHmac('sha256', KEY).update(`${f.length}:${f.h1}:${f.h2}`).digest('hex').slice(0, 8);
  return `<string len=${f.length} #${tag}>`;
}

/** The stand-in for one value: equal texts, equal stand-ins, within this process. */
export function redactedString(value: string): string {
  return tokenOf(fingerprint(value));
}

/**
 * Strings-table indexes of stand-ins, by fingerprint: one table entry (and one HMAC) per distinct
 * value. Open addressing over typed arrays: a heap can hold more distinct strings than a Map takes.
 */
export class TokenTable {
  private length = new Float64Array(1024);
  private h1 = new Uint32Array(1024);
  private h2 = new Uint32Array(1024);
  private index = new Int32Array(1024).fill(-1);
  private used = 0;

  constructor(private readonly strings: string[]) {}

  /** The strings-table index of the fingerprint's stand-in, appended on first use. */
  indexOf(f: Fingerprint): number {
    let slot = this.find(f);
    const found = this.index[slot]!;
    if (found >= 0) return found;
    if (2 * (this.used + 1) > this.index.length) {
      this.grow();
      slot = this.find(f);
    }
    const added = this.strings.push(tokenOf(f)) - 1;
    this.length[slot] = f.length;
    this.h1[slot] = f.h1;
    this.h2[slot] = f.h2;
    this.index[slot] = added;
    this.used++;
    return added;
  }

  private find(f: Fingerprint): number {
    const mask = this.index.length - 1;
    // The residues are uniform under the secret bases: their low bits spread the slots.
    let slot = (f.h1 ^ (f.h2 << 5)) & mask;
    while (this.index[slot]! >= 0 && !(this.h1[slot] === f.h1 && this.h2[slot] === f.h2 && this.length[slot] === f.length)) {
      slot = (slot + 1) & mask;
    }
    return slot;
  }

  private grow(): void {
    const { length, h1, h2, index } = this;
    const size = index.length * 2;
    this.length = new Float64Array(size);
    this.h1 = new Uint32Array(size);
    this.h2 = new Uint32Array(size);
    this.index = new Int32Array(size).fill(-1);
    for (let s = 0; s < index.length; s++) {
      if (index[s]! < 0) continue;
      const slot = this.find({ length: length[s]!, h1: h1[s]!, h2: h2[s]! });
      this.length[slot] = length[s]!;
      this.h1[slot] = h1[s]!;
      this.h2[slot] = h2[s]!;
      this.index[slot] = index[s]!;
    }
  }
}
