import type { ProductImage } from '../../../core/types.js';

export type ImageShape =
  | 'tee'
  | 'longsleeve'
  | 'hoodie'
  | 'pants'
  | 'socks'
  | 'homewear'
  | 'cap'
  | 'bag'
  | 'earbuds'
  | 'headphones'
  | 'speaker'
  | 'cable'
  | 'case'
  | 'charger';

/**
 * Silhouettes on a 100×100 grid, as `|`-separated parts whose first letter is the tone:
 * a body, b shade, c highlight, d light seam (stroke), e dark part, f dark strap (stroke).
 */
const SHAPES: Record<ImageShape, string> = {
  tee: 'aM40 20 31 23 17 35 24 46 32 42 32 82H68V42L76 46 83 35 69 23 60 20Q50 29 40 20Z|bM40 20Q50 29 60 20L56 19Q50 24 44 19Z|dM32 42 28 36M68 42 72 36',
  longsleeve:
    'aM40 20 31 23 24 30 17 72 26 74 32 42 32 82H68V42L74 74 83 72 76 30 69 23 60 20Q50 29 40 20Z|bM40 20Q50 29 60 20L56 19Q50 24 44 19Z|bM17 68 26 70 25.6 74 17 72ZM83 68 74 70 74.4 74 83 72Z|bM32 77H68V82H32Z',
  hoodie:
    'aM36 24Q38 8 50 8T64 24L76 30 83 72 75 74 68 44V82H32V44L25 74 17 72 24 30Z|bM41 25Q42 14 50 14T59 25Q50 33 41 25Z|bM39 60H61L65 74H35Z|bM32 77H68V82H32Z|dM46 29V42M54 29V42',
  pants: 'aM33 16H67L71 84H55L50 36 45 84H29Z|bM33 16H67V22H33Z|dM50 22V32M38 22Q40 30 34 32M62 22Q60 30 66 32',
  socks:
    'eM52 22H64V56Q64 61 60 65L48 77Q43 82 38 77T38 67L52 55Z|aM36 14H48V50Q48 55 44 59L32 71Q27 76 22 71T22 61L36 49Z|bM36 14H48V21H36Z',
  homewear:
    'aM40 20 31 23 24 30 17 72 26 74 32 42 32 82H68V42L74 74 83 72 76 30 69 23 60 20 50 38Z|cM40 20 50 38 60 20 56 18 50 30 44 18Z|eM50 38V82|cM48.5 48h3v3h-3zM48.5 60h3v3h-3zM48.5 72h3v3h-3z|dM17 72 26 74M74 74 83 72',
  cap: 'aM20 64C20 38 34 28 50 28S80 38 80 64Z|eM70 58Q88 58 92 64 90 70 70 68Z|bM20 58H80V64H20Z|eM47 28a3 2 0 0 0 6 0 3 2 0 0 0-6 0Z|dM50 30Q42 44 44 58M50 30Q60 44 58 58',
  bag: 'fM38 40V30Q38 18 50 18T62 30V40|aM24 38H76L72 84H28Z|bM24 38H76L75.5 44H24.5Z|cM40 56H60V62H40Z',
  earbuds:
    'aM28 54H72A12 12 0 0 1 84 66V70A14 14 0 0 1 70 84H30A14 14 0 0 1 16 70V66A12 12 0 0 1 28 54Z|bM16 64H84V67H16Z|cM48 74h4v3h-4z|aM28 34a8 8 0 1 1 16 0 8 8 0 1 1-16 0ZM56 34a8 8 0 1 1 16 0 8 8 0 1 1-16 0Z|aM37 37h5v13a2.5 2.5 0 0 1-5 0ZM58 37h5v13a2.5 2.5 0 0 1-5 0Z|bM32 32a4 4 0 1 0 8 0 4 4 0 1 0-8 0ZM60 32a4 4 0 1 0 8 0 4 4 0 1 0-8 0Z',
  headphones:
    'fM26 56V46A24 24 0 0 1 74 46V56|aM18 50H30A4 4 0 0 1 34 54V78A4 4 0 0 1 30 82H18A6 6 0 0 1 12 76V56A6 6 0 0 1 18 50ZM82 50H70A4 4 0 0 0 66 54V78A4 4 0 0 0 70 82H82A6 6 0 0 0 88 76V56A6 6 0 0 0 82 50Z|bM30 52h4v28h-4zM66 52h4v28h-4z|cM16 58h2v14h-2zM84 58h-2v14h2z',
  speaker:
    'aM32 16H68A10 10 0 0 1 78 26V76A10 10 0 0 1 68 86H32A10 10 0 0 1 22 76V26A10 10 0 0 1 32 16Z|eM36 60a14 14 0 1 0 28 0 14 14 0 1 0-28 0ZM44 32a6 6 0 1 0 12 0 6 6 0 1 0-12 0Z|cM45 60a5 5 0 1 0 10 0 5 5 0 1 0-10 0ZM48 32a2 2 0 1 0 4 0 2 2 0 1 0-4 0Z',
  cable:
    'fM28 34C28 64 72 34 72 66|aM23 20H33V36H23ZM67 64H77V80H67Z|eM25 13H31V20H25ZM69 80H75V87H69Z|cM25 22h2v12h-2zM69 66h2v12h-2z',
  case: 'fM44 34V25A6 6 0 0 1 56 25V34|aM30 32H70A12 12 0 0 1 82 44V70A14 14 0 0 1 68 84H32A14 14 0 0 1 18 70V44A12 12 0 0 1 30 32Z|bM18 52H82V56H18Z|cM48 64h4v4h-4z',
  charger:
    'eM40 14h4v20h-4zM56 14h4v20h-4z|aM30 32H70A8 8 0 0 1 78 40V76A8 8 0 0 1 70 84H30A8 8 0 0 1 22 76V40A8 8 0 0 1 30 32Z|eM42 62H58A2.5 2.5 0 0 1 58 67H42A2.5 2.5 0 0 1 42 62Z|cM26 40h3v30h-3z',
};

const TONES: Record<string, string> = {
  a: 'fill="url(#p)"',
  b: 'fill="#000" fill-opacity=".13"',
  c: 'fill="#fff" fill-opacity=".45"',
  d: 'fill="none" stroke="#fff" stroke-opacity=".5" stroke-width="1.2" stroke-linecap="round"',
  e: 'fill="{e}"',
  f: 'fill="none" stroke="{e}" stroke-width="5" stroke-linecap="round" stroke-linejoin="round"',
};

/** A flat product silhouette on a soft `hue`-tinted backdrop, as an inline SVG data URL. */
export function productImage(shape: ImageShape, hue: number, label: string): ProductImage {
  const h = ((Math.round(hue) % 360) + 360) % 360;
  const hsl = (s: number, l: number, dh = 0): string => `hsl(${(h + dh) % 360},${s}%,${l}%)`;
  const dark = hsl(30, 30);
  const parts = SHAPES[shape]
    .split('|')
    .map((part) => `<path ${TONES[part[0]!]!.replace('{e}', dark)} d="${part.slice(1)}"/>`)
    .join('');
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100" width="480" height="480">` +
    `<defs><linearGradient id="g" x2="1" y2="1"><stop offset="0" stop-color="${hsl(40, 97)}"/>` +
    `<stop offset="1" stop-color="${hsl(34, 87, 18)}"/></linearGradient>` +
    `<linearGradient id="p" x2="0" y2="1"><stop offset="0" stop-color="${hsl(34, 56)}"/>` +
    `<stop offset="1" stop-color="${hsl(36, 44)}"/></linearGradient></defs>` +
    `<rect width="100" height="100" fill="url(#g)"/>` +
    `<circle cx="50" cy="50" r="38" fill="#fff" fill-opacity=".35"/>` +
    `<ellipse cx="50" cy="84" rx="28" ry="2.6" fill="#000" fill-opacity=".09"/>` +
    `<g transform="translate(7 5) scale(.86)">${parts}</g></svg>`;
  return {
    src: `data:image/svg+xml,${encodeURIComponent(svg)}`,
    alt: label,
    width: 480,
    height: 480,
  };
}
