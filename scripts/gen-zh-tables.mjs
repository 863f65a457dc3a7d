// Generates the two lazily loaded Chinese tables of the search engine from devDependencies:
//   src/search/zh/pinyin.ts       toneless pinyin of every GB2312 hanzi (+ the simplified targets
//                                 of the traditional table), from pinyin-pro
//   src/search/zh/traditional.ts  character-level traditional -> simplified, from opencc-js
// Run: node scripts/gen-zh-tables.mjs   (then commit both files; nothing imports these packages
// at run time). The script checks its own output: it compiles each generated module with esbuild,
// imports it and compares every entry with the source data.
//
// Encoding (both files): numbers are written as variable-length digit strings over ALPHABET.
// A digit with index < TERMINALS ends a number; digits with index >= TERMINALS come first and
// carry the higher part in base (ALPHABET.length - TERMINALS). Code points are stored as gaps
// (code point - previous - 1) in ascending order, which gzip squeezes well.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { transform } from 'esbuild';
import * as prettier from 'prettier';
import { pinyin } from 'pinyin-pro';
import TSCharacters from 'opencc-js/dict/TSCharacters';
import TWVariantsRev from 'opencc-js/dict/TWVariantsRev';
import HKVariantsRev from 'opencc-js/dict/HKVariantsRev';

const root = new URL('../', import.meta.url);
const PINYIN_OUT = new URL('src/search/zh/pinyin.ts', root);
const TRADITIONAL_OUT = new URL('src/search/zh/traditional.ts', root);

/** 86 characters that need no escaping in a single-quoted string; `~` is kept out (a separator). */
const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz!#%&()*+,-./:;<=>?@[]^_|';
const TERMINALS = 64;
const GB2312_HANZI = 6763;

const version = (pkg) => JSON.parse(readFileSync(new URL(`node_modules/${pkg}/package.json`, root), 'utf8')).version;
const SOURCES = { pinyin: `pinyin-pro ${version('pinyin-pro')}`, opencc: `opencc-js ${version('opencc-js')}` };

function fail(message) {
  throw new Error(`gen-zh-tables: ${message}`);
}

/** A non-negative integer as digits (see the encoding note at the top). */
function number(n) {
  const base = ALPHABET.length - TERMINALS;
  let out = ALPHABET[n % TERMINALS];
  n = Math.floor(n / TERMINALS);
  while (n > 0) {
    out = ALPHABET[TERMINALS + (n % base)] + out;
    n = Math.floor(n / base);
  }
  return out;
}

/** Ascending code points as gaps. */
function gaps(codePoints) {
  let previous = 0;
  return codePoints
    .map((cp) => {
      if (cp <= previous) fail('code points must ascend');
      const out = number(cp - previous - 1);
      previous = cp;
      return out;
    })
    .join('');
}

const cp = (char) => char.codePointAt(0);
const isOneHan = (text) => [...text].length === 1 && /\p{Script=Han}/u.test(text);

/** The 6,763 hanzi of GB2312 (rows 16-87, 0xB0A1..0xF7FE), decoded by Node's GB18030 decoder. */
function gb2312Hanzi() {
  const decoder = new TextDecoder('gb18030', { fatal: true });
  const out = [];
  for (let hi = 0xb0; hi <= 0xf7; hi++) {
    for (let lo = 0xa1; lo <= 0xfe; lo++) {
      let char;
      try {
        char = decoder.decode(new Uint8Array([hi, lo]));
      } catch {
        continue;
      }
      // Row 55 ends at 0xD7F9: the five codes after it are unassigned in GB2312 (GB18030 maps them to PUA).
      if (isOneHan(char)) out.push(char);
    }
  }
  if (out.length !== GB2312_HANZI || new Set(out).size !== GB2312_HANZI) fail(`GB2312 gave ${out.length} hanzi, not 6763`);
  return out;
}

// ---- traditional -> simplified -------------------------------------------------------------

function pairsOf(dict) {
  return dict.split('|').map((entry) => {
    const [from, ...to] = entry.split(' ');
    if (!isOneHan(from) || to.length === 0 || !to.every(isOneHan)) fail(`unexpected opencc entry ${entry}`);
    return [from, to[0]]; // several simplified forms: OpenCC lists the most common first
  });
}

/** Mappings whose target was itself traditional, as from-via-to triples (for the log). */
const chained = [];

function traditionalTable(gb2312) {
  const ts = new Map(pairsOf(TSCharacters));
  const table = new Map([...ts].filter(([from, to]) => from !== to));
  // Taiwan / Hong Kong variant forms (衞, 衹, 敍, 枱...) that OpenCC first maps to its standard
  // traditional form, then to simplified. Forms that are also ordinary simplified characters
  // (么, 著...) are left alone: OpenCC's phrase tables keep them in 什么 or 著名, which a
  // character table cannot tell apart (it would turn 什么 into 什幺).
  for (const dict of [TWVariantsRev, HKVariantsRev]) {
    for (const [variant, standard] of pairsOf(dict)) {
      if (table.has(variant) || gb2312.has(variant)) continue;
      const simplified = ts.get(standard) ?? standard;
      if (simplified !== variant) table.set(variant, simplified);
    }
  }
  // A few targets are traditional again (薴 -> 苧 -> 苎): follow them, so one pass is enough.
  for (const [from, to] of table) {
    let end = to;
    for (let hops = 0; table.has(end); hops++) {
      if (hops > 4) fail(`cycle at ${from}`);
      end = table.get(end);
    }
    if (end !== to) chained.push(`${from}${to}${end}`);
    table.set(from, end);
  }
  return new Map([...table].sort((a, b) => cp(a[0]) - cp(b[0])));
}

// ---- pinyin ---------------------------------------------------------------------------------

/** Toneless, lower-case readings, ü as v, most common first (pinyin-pro's order). */
function readingsOf(char) {
  const raw = pinyin(char, { toneType: 'none', type: 'array', multiple: true, v: true });
  const out = [];
  for (let reading of raw) {
    reading = reading.toLowerCase().replace(/ü/g, 'v').replace(/ê/g, 'e');
    if (/^[a-z]+$/.test(reading) && !out.includes(reading)) out.push(reading);
  }
  return out;
}

function pinyinTable(chars) {
  const table = new Map();
  for (const char of [...chars].sort((a, b) => cp(a) - cp(b))) {
    const readings = readingsOf(char);
    if (readings.length > 0) table.set(char, readings);
  }
  return table;
}

// ---- output ---------------------------------------------------------------------------------

function header(what, source) {
  return `// GENERATED FILE - DO NOT EDIT BY HAND.
// Generated by scripts/gen-zh-tables.mjs from ${source}: ${what}.
// To change it, edit the script and run \`node scripts/gen-zh-tables.mjs\`.
`;
}

// The runtime code of both modules lives in the templates below (they must import nothing, so
// the generator writes their few helpers twice).

/** The shared number reader, as source text for both modules. */
const READ_NUMBER = `
const DIGIT = /* @__PURE__ */ (() => {
  const digit = new Uint8Array(128);
  for (let i = 0; i < ALPHABET.length; i++) digit[ALPHABET.charCodeAt(i)] = i;
  return digit;
})();

/** Reads one number of \`data\` at \`at.i\` and moves past it. */
function readNumber(data: string, at: { i: number }): number {
  let n = 0;
  for (;;) {
    const d = DIGIT[data.charCodeAt(at.i++)]!;
    if (d < TERMINALS) return n * TERMINALS + d;
    n = n * (ALPHABET.length - TERMINALS) + d - TERMINALS;
  }
}

/** Where the code point of the one-character string \`char\` is in the ascending \`keys\`, else -1. */
function find(keys: Uint32Array, char: string): number {
  const codePoint = char.codePointAt(0) ?? -1;
  if (char.length !== (codePoint > 0xffff ? 2 : 1)) return -1;
  let low = 0;
  let high = keys.length - 1;
  while (low <= high) {
    const mid = (low + high) >>> 1;
    const key = keys[mid]!;
    if (key === codePoint) return mid;
    if (key < codePoint) low = mid + 1;
    else high = mid - 1;
  }
  return -1;
}
`;

function pinyinModule(table) {
  const frequency = new Map();
  for (const readings of table.values()) for (const r of readings) frequency.set(r, (frequency.get(r) ?? 0) + 1);
  // Most frequent syllables get one-digit codes.
  const syllables = [...frequency.keys()].sort((a, b) => frequency.get(b) - frequency.get(a) || (a < b ? -1 : 1));
  const N = ALPHABET.length;
  let leads = 1;
  while (N - leads + leads * N < syllables.length) leads++;
  const single = N - leads;
  const code = (i) => (i < single ? ALPHABET[i] : ALPHABET[single + Math.floor((i - single) / N)] + ALPHABET[(i - single) % N]);
  const index = new Map(syllables.map((s, i) => [s, i]));
  const chars = gaps([...table.keys()].map(cp));
  const readings = [...table.values()].map((list) => list.map((r) => code(index.get(r))).join('~')).join('');
  const polyphones = [...table.values()].filter((list) => list.length > 1).length;

  return `${header(`toneless readings of ${table.size} characters (${polyphones} with several)`, SOURCES.pinyin)}
// CHARS: the characters, ascending code-point gaps. READINGS: per character, its syllables' codes
// (an index into SYLLABLES: one digit below SINGLE, else two), \`~\` before each further reading.

const ALPHABET = '${ALPHABET}';
const TERMINALS = ${TERMINALS};
const SINGLE = ${single};
const COUNT = ${table.size};
const SYLLABLES = '${syllables.join(' ')}';
const CHARS = '${chars}';
const READINGS = '${readings}';
${READ_NUMBER}
const NONE: readonly string[] = Object.freeze([]);
/** The characters' code points, ascending (typed arrays: much faster to build than a Map of strings). */
let keys: Uint32Array | null = null;
let values: (readonly string[])[] = [];

function decode(): Uint32Array {
  const syllables = SYLLABLES.split(' ');
  /** The lists of one reading, shared by all characters that have just it. */
  const only: (readonly string[] | undefined)[] = [];
  const codes = new Uint32Array(COUNT);
  values = new Array<readonly string[]>(COUNT);
  const c = { i: 0 };
  let r = 0;
  const syllable = (): number => {
    const k = DIGIT[READINGS.charCodeAt(r++)]!;
    return k < SINGLE ? k : SINGLE + (k - SINGLE) * ALPHABET.length + DIGIT[READINGS.charCodeAt(r++)]!;
  };
  let codePoint = 0;
  for (let n = 0; n < COUNT; n++) {
    codePoint += readNumber(CHARS, c) + 1;
    codes[n] = codePoint;
    const first = syllable();
    if (READINGS.charCodeAt(r) !== 126 /* ~ */) {
      values[n] = only[first] ??= Object.freeze([syllables[first]!]);
    } else {
      const list = [syllables[first]!];
      while (READINGS.charCodeAt(r) === 126) {
        r++;
        list.push(syllables[syllable()]!);
      }
      values[n] = Object.freeze(list);
    }
  }
  return codes;
}

/** Toneless readings of one Han character (most common first), e.g. pinyinOf('长') -> ['chang','zhang']; [] for anything else. */
export function pinyinOf(char: string): readonly string[] {
  keys ??= decode();
  const at = find(keys, char);
  return at < 0 ? NONE : values[at]!;
}

/**
 * Every valid toneless syllable (a, ai, an, ..., zuo, with lv/nv/lve/nve), for segmenting typed
 * pinyin. The vowel-less interjections (m, n, ng, hm, hng) are left out: they would split every
 * "an" or "en" in two. pinyinOf still returns them (嗯 -> ['ng']).
 */
export const PINYIN_SYLLABLES: ReadonlySet<string> = new Set(
  SYLLABLES.split(' ')
    .filter((s) => /[aeiouv]/.test(s))
    .sort(),
);

const MAX_SPLITS = 8;
/** Longer text is not split: it is no typed word. */
const MAX_SPLIT_LENGTH = 64;
const LONGEST_SYLLABLE = 6;
/** Beginnings of syllables that are no syllable themselves (b, zh, zho, xio...): what a last, half-typed piece may be. */
let partials: Set<string> | null = null;

function partialSyllables(): Set<string> {
  const out = new Set<string>();
  for (const s of PINYIN_SYLLABLES) {
    for (let n = 1; n < s.length; n++) if (!PINYIN_SYLLABLES.has(s.slice(0, n))) out.add(s.slice(0, n));
  }
  return out;
}

/**
 * Splits typed Latin letters into pinyin syllables: splitPinyin('duanxiu') -> [['duan','xiu'], ['du','an','xiu']].
 * Returns every segmentation (at most 8), best first: fewest pieces, then complete ones before
 * those ending in a partial syllable, then longest pieces first. Only the LAST piece may be an
 * incomplete prefix of a syllable (as you type: 'duanx' -> [['duan','x'], ['du','an','x']]).
 * Case is ignored, ü may be typed as ü or v, and an apostrophe or space forces a boundary
 * ("xi'an" -> [['xi','an']]). [] when the text cannot be read as pinyin, which includes
 * initials-only abbreviations such as 'dx' (match those against pinyinOf(...)[i][0] instead).
 */
export function splitPinyin(text: string): string[][] {
  const chunks = text.toLowerCase().replace(/ü/g, 'v').trim().split(/['’\\s]+/);
  const s = chunks.join('');
  const n = s.length;
  if (n === 0 || n > MAX_SPLIT_LENGTH || !/^[a-z]+$/.test(s)) return [];
  partials ??= partialSyllables();
  // A piece may not run across a typed boundary.
  const chunkOf = new Uint8Array(n);
  for (let i = 0, at = 0; i < chunks.length; at += chunks[i]!.length, i++) chunkOf.fill(i, at, at + chunks[i]!.length);
  const piece = (from: number, to: number): string | null =>
    to <= n && chunkOf[from] === chunkOf[to - 1] ? s.slice(from, to) : null;
  // fits[from * (n + 1) + k]: bit 1 when s[from..] splits into k complete syllables, bit 2 when
  // into k pieces of which the last is a partial syllable.
  const fits = new Uint8Array((n + 1) * (n + 1));
  for (let from = n - 1; from >= 0; from--) {
    const tail = piece(from, n);
    if (tail !== null) fits[from * (n + 1) + 1] = (PINYIN_SYLLABLES.has(tail) ? 1 : 0) | (partials.has(tail) ? 2 : 0);
    for (let len = 1; len <= LONGEST_SYLLABLE && from + len < n; len++) {
      const head = piece(from, from + len);
      if (head === null || !PINYIN_SYLLABLES.has(head)) continue;
      const next = (from + len) * (n + 1);
      for (let k = 1; k < n - from; k++) fits[from * (n + 1) + k + 1] |= fits[next + k];
    }
  }
  const out: string[][] = [];
  const walk = (from: number, k: number, mode: number, pieces: string[]): void => {
    if (out.length >= MAX_SPLITS) return;
    if (k === 1) {
      out.push([...pieces, s.slice(from)]);
      return;
    }
    for (let len = LONGEST_SYLLABLE; len >= 1; len--) {
      const head = piece(from, from + len);
      if (head === null || from + len >= n || !PINYIN_SYLLABLES.has(head)) continue;
      if (fits[(from + len) * (n + 1) + k - 1] & mode) walk(from + len, k - 1, mode, [...pieces, head]);
    }
  };
  for (let k = 1; k <= n && out.length < MAX_SPLITS; k++) {
    for (const mode of [1, 2]) if (fits[k] & mode) walk(0, k, mode, []);
  }
  return out;
}
`;
}

function traditionalModule(table) {
  const from = gaps([...table.keys()].map(cp));
  // Each simplified form as the zig-zag coded difference traditional - simplified.
  const to = [...table]
    .map(([t, s]) => {
      const d = cp(t) - cp(s);
      return number(d < 0 ? -2 * d - 1 : 2 * d);
    })
    .join('');
  return `${header(`${table.size} single-character traditional -> simplified mappings (TSCharacters + TW/HK variants)`, SOURCES.opencc)}
// TRADITIONAL: the traditional characters, ascending code-point gaps. SIMPLIFIED: in the same
// order, each one's simplified form as the zig-zag coded difference (traditional - simplified).

const ALPHABET = '${ALPHABET}';
const TERMINALS = ${TERMINALS};
const COUNT = ${table.size};
const TRADITIONAL = '${from}';
const SIMPLIFIED = '${to}';
${READ_NUMBER}
/** The traditional code points, ascending, and their simplified ones (typed arrays: fast to build). */
let keys: Uint32Array | null = null;
let values = new Uint32Array(0);

function decode(): Uint32Array {
  const codes = new Uint32Array(COUNT);
  values = new Uint32Array(COUNT);
  const t = { i: 0 };
  const s = { i: 0 };
  let codePoint = 0;
  for (let n = 0; n < COUNT; n++) {
    codePoint += readNumber(TRADITIONAL, t) + 1;
    const z = readNumber(SIMPLIFIED, s);
    codes[n] = codePoint;
    values[n] = codePoint - (z & 1 ? -(z + 1) / 2 : z / 2);
  }
  return codes;
}

/**
 * The simplified form of one character; the character itself when it is not traditional.
 * simplifyChar('長') -> '长', simplifyChar('a') -> 'a'. Character level only (no phrases): a
 * character with several simplified forms gets OpenCC's first (乾 -> 干, 後 -> 后), so fold both
 * the indexed text and the query with it. Compatibility ideographs (U+F900...) are not mapped:
 * NFKC turns them into the unified ones first.
 */
export function simplifyChar(char: string): string {
  keys ??= decode();
  const at = find(keys, char);
  return at < 0 ? char : String.fromCodePoint(values[at]!);
}

/** Whole-string convenience: simplify('長袖襯衫') -> '长袖衬衫'. */
export function simplify(text: string): string {
  let out = '';
  for (const char of text) out += simplifyChar(char);
  return out;
}
`;
}

/** Compiles a generated module and imports it, to check it against the source tables. */
async function load(source) {
  const { code } = await transform(source, { loader: 'ts', format: 'esm', target: 'es2022' });
  return import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`);
}

/** Prettier's layout, so that the repository-wide format check passes on generated files. */
async function format(url, source) {
  const filepath = fileURLToPath(url);
  return prettier.format(source, { ...(await prettier.resolveConfig(filepath)), filepath });
}

const gb2312 = gb2312Hanzi();
const gbSet = new Set(gb2312);
const t2s = traditionalTable(gbSet);
// One pass must be enough (the search folds each character once).
for (const [from, to] of t2s) if (t2s.has(to)) fail(`${from} -> ${to} -> ${t2s.get(to)}: simplify is not idempotent`);
const extra = [...new Set(t2s.values())].filter((char) => !gbSet.has(char));
const readings = pinyinTable([...gb2312, ...extra]);
for (const char of gb2312) if (!readings.has(char)) fail(`no reading for GB2312 character ${char}`);
for (const s of ['lv', 'nv', 'lve', 'nve']) if (![...readings.values()].some((list) => list.includes(s))) fail(`no ${s}`);

const pinyinSource = await format(PINYIN_OUT, pinyinModule(readings));
const traditionalSource = await format(TRADITIONAL_OUT, traditionalModule(t2s));

// Check both modules before writing them.
const pinyinLoaded = await load(pinyinSource);
for (const [char, list] of readings) {
  if (pinyinLoaded.pinyinOf(char).join() !== list.join()) fail(`pinyin round trip failed at ${char}`);
}
for (const other of ['a', '', '長', '短袖', '\u{20000}']) if (pinyinLoaded.pinyinOf(other).length) fail(`pinyinOf(${other})`);
const traditionalLoaded = await load(traditionalSource);
for (const [from, to] of t2s) if (traditionalLoaded.simplifyChar(from) !== to) fail(`t2s round trip failed at ${from}`);
for (const other of ['a', '', '长', '長袖']) if (traditionalLoaded.simplifyChar(other) !== other) fail(`simplifyChar(${other})`);

writeFileSync(PINYIN_OUT, pinyinSource);
writeFileSync(TRADITIONAL_OUT, traditionalSource);

const withReadings = [...readings.keys()];
console.log(
  `pinyin.ts: ${withReadings.length} characters (${gb2312.length} GB2312 + ${withReadings.length - gb2312.length} of ${extra.length} ` +
    `non-GB2312 simplified targets that ${SOURCES.pinyin} can read), ` +
    `${[...readings.values()].filter((l) => l.length > 1).length} polyphones, ${new Set([...readings.values()].flat()).size} syllables`,
);
console.log(`traditional.ts: ${t2s.size} mappings from ${SOURCES.opencc}; chains followed: ${chained.join(' ') || 'none'}`);
