/**
 * Seeded randomness and order statistics for the Monte Carlo. Written here rather than imported
 * so the stream of numbers is fixed by this file alone: the same seed gives the same plan
 * whatever library versions are installed.
 */

/**
 * xoshiro128** (Blackman & Vigna), seeded through splitmix32 so that neighbouring seeds (1, 2, …)
 * give unrelated streams. Returns uniforms in [0, 1) with 32 bits of resolution.
 */
export function createRng(seed: number): () => number {
  let s = seed >>> 0;
  const splitmix32 = (): number => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
  let a = splitmix32();
  let b = splitmix32();
  let c = splitmix32();
  let d = splitmix32();
  if ((a | b | c | d) === 0) a = 1; // the all-zero state is a fixed point
  return () => {
    const result = Math.imul(rotl(Math.imul(b, 5), 7), 9) >>> 0;
    const t = b << 9;
    c ^= a;
    d ^= b;
    b ^= c;
    a ^= d;
    c ^= t;
    d = rotl(d, 11);
    return result / 4294967296;
  };
}

const rotl = (x: number, k: number): number => (x << k) | (x >>> (32 - k));

/**
 * Inverse CDF of the triangular distribution on [min, max] with mode `likely`.
 * Triangular rather than PERT: one uniform per draw (closed form, fast, reproducible), and its
 * heavier tails make the P90 more conservative — the usual choice in DoD cost-risk practice when
 * only a low / most likely / high judgement is available.
 */
export function triangular(u: number, min: number, likely: number, max: number): number {
  const range = max - min;
  if (range <= 0) return likely;
  const split = (likely - min) / range;
  if (u < split) return min + Math.sqrt(u * range * (likely - min));
  return max - Math.sqrt((1 - u) * range * (max - likely));
}

/** Nearest-rank index of percentile p (0 < p < 1) in n sorted samples. */
export const rankIndex = (p: number, n: number): number => Math.min(n - 1, Math.max(0, Math.ceil(p * n) - 1));

/**
 * The values at the given nearest-rank percentiles (ascending p), by quickselect: O(n) per
 * percentile instead of a full sort. Reorders `values` in place.
 */
export function selectPercentiles(values: Float64Array, ps: readonly number[]): number[] {
  const n = values.length;
  const out: number[] = [];
  let lo = 0;
  for (const p of ps) {
    const k = rankIndex(p, n);
    if (k < lo) {
      // percentiles given out of order or equal ranks: the k-th is already in place
      out.push(values[k]!);
      continue;
    }
    select(values, k, lo, n - 1);
    out.push(values[k]!);
    lo = k + 1;
  }
  return out;
}

/** Hoare-style quickselect with a median-of-three pivot (deterministic: no random pivots). */
function select(a: Float64Array, k: number, left: number, right: number): void {
  let lo = left;
  let hi = right;
  while (hi > lo) {
    const mid = (lo + hi) >>> 1;
    // median of three to the middle
    if (a[mid]! < a[lo]!) swap(a, mid, lo);
    if (a[hi]! < a[lo]!) swap(a, hi, lo);
    if (a[hi]! < a[mid]!) swap(a, hi, mid);
    const pivot = a[mid]!;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i]! < pivot) i++;
      while (a[j]! > pivot) j--;
      if (i <= j) {
        swap(a, i, j);
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return;
  }
}

function swap(a: Float64Array, i: number, j: number): void {
  const t = a[i]!;
  a[i] = a[j]!;
  a[j] = t;
}
