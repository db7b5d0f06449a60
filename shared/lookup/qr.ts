/**
 * QR codes (ISO/IEC 18004) for VietQR transfers, drawn as SVG, so that neither the page nor the
 * server needs a QR library. Byte mode, error correction level M (what banking apps print),
 * versions 1 to 10: up to 213 bytes, more than a VietQR payload ever takes (about 130).
 */

/** Per version 1–10, level M: [EC codewords per block, [block count, data codewords]…]. */
const BLOCKS_M: Array<[number, Array<[number, number]>]> = [
  [10, [[1, 16]]],
  [16, [[1, 28]]],
  [26, [[1, 44]]],
  [18, [[2, 32]]],
  [24, [[2, 43]]],
  [16, [[4, 27]]],
  [18, [[4, 31]]],
  [
    22,
    [
      [2, 38],
      [2, 39],
    ],
  ],
  [
    22,
    [
      [3, 36],
      [2, 37],
    ],
  ],
  [
    26,
    [
      [4, 43],
      [1, 44],
    ],
  ],
];

/** Centres of the alignment patterns, per version (none in version 1). */
const ALIGNMENT: number[][] = [
  [],
  [6, 18],
  [6, 22],
  [6, 26],
  [6, 30],
  [6, 34],
  [6, 22, 38],
  [6, 24, 42],
  [6, 26, 46],
  [6, 28, 50],
];

const MAX_VERSION = BLOCKS_M.length;

// Arithmetic in GF(256) with the QR code's polynomial x^8 + x^4 + x^3 + x^2 + 1.
const EXP = new Uint8Array(512);
const LOG = new Uint8Array(256);
for (let i = 0, x = 1; i < 255; i += 1) {
  EXP[i] = x;
  LOG[x] = i;
  x <<= 1;
  if (x & 0x100) x ^= 0x11d;
}
for (let i = 255; i < 512; i += 1) EXP[i] = EXP[i - 255];

const multiply = (a: number, b: number): number => (a && b ? EXP[LOG[a] + LOG[b]] : 0);

/** The Reed–Solomon generator of `degree`: the product of (x − α^i), i < degree. */
const generator = (degree: number): number[] => {
  let poly = [1];
  for (let i = 0; i < degree; i += 1) {
    const next = new Array<number>(poly.length + 1).fill(0);
    poly.forEach((coefficient, j) => {
      next[j] ^= coefficient;
      next[j + 1] ^= multiply(coefficient, EXP[i]);
    });
    poly = next;
  }

  return poly;
};

/** The error correction codewords of a block: the remainder of data·x^n by the generator. */
export const reedSolomon = (data: number[], degree: number): number[] => {
  const gen = generator(degree);
  const remainder = new Array<number>(degree).fill(0);
  for (const byte of data) {
    const factor = byte ^ (remainder.shift() as number);
    remainder.push(0);
    for (let i = 0; i < degree; i += 1) remainder[i] ^= multiply(gen[i + 1], factor);
  }

  return remainder;
};

const dataCapacity = (version: number): number =>
  BLOCKS_M[version - 1][1].reduce((sum, [count, size]) => sum + count * size, 0);

const countBits = (version: number): number => (version < 10 ? 8 : 16);

/** The data codewords: byte mode, length, the bytes, terminator and padding. */
const encodeData = (bytes: Uint8Array, version: number): number[] => {
  const bits: number[] = [];
  const put = (value: number, length: number) => {
    for (let i = length - 1; i >= 0; i -= 1) bits.push((value >>> i) & 1);
  };
  put(0b0100, 4);
  put(bytes.length, countBits(version));
  for (const byte of bytes) put(byte, 8);
  const capacity = dataCapacity(version) * 8;
  put(0, Math.min(4, capacity - bits.length));
  while (bits.length % 8 !== 0) bits.push(0);

  const codewords: number[] = [];
  for (let i = 0; i < bits.length; i += 8) {
    codewords.push(bits.slice(i, i + 8).reduce((value, bit) => (value << 1) | bit, 0));
  }
  for (let pad = 0xec; codewords.length < capacity / 8; pad ^= 0xec ^ 0x11) codewords.push(pad);

  return codewords;
};

/** Splits into blocks, adds each block's error correction, and interleaves them. */
const withErrorCorrection = (data: number[], version: number): number[] => {
  const [ecLength, groups] = BLOCKS_M[version - 1];
  const blocks: number[][] = [];
  let at = 0;
  for (const [count, size] of groups) {
    for (let i = 0; i < count; i += 1) {
      blocks.push(data.slice(at, at + size));
      at += size;
    }
  }
  const corrections = blocks.map((block) => reedSolomon(block, ecLength));
  const longest = Math.max(...blocks.map((block) => block.length));
  const out: number[] = [];
  for (let i = 0; i < longest; i += 1) {
    for (const block of blocks) if (i < block.length) out.push(block[i]);
  }
  for (let i = 0; i < ecLength; i += 1) for (const ec of corrections) out.push(ec[i]);

  return out;
};

/** Remainder of `value` shifted by the generator's degree, for format and version BCH codes. */
const bch = (value: number, poly: number, degree: number): number => {
  let rem = value << degree;
  const top = 1 << degree;
  for (let bit = 31 - Math.clz32(rem); bit >= degree; bit -= 1) {
    if (rem & (1 << bit)) rem ^= poly << (bit - degree);
  }

  return (value << degree) | (rem & (top - 1));
};

/** The 15 format bits of level M with `mask`: BCH-coded, XOR-ed with 101010000010010. */
export const formatBits = (mask: number): number => bch(mask, 0x537, 10) ^ 0x5412;

/** The 18 version bits (versions 7 and up): BCH-coded. */
export const versionBits = (version: number): number => bch(version, 0x1f25, 12);

type Grid = boolean[][];

const MASKS: Array<(row: number, col: number) => boolean> = [
  (r, c) => (r + c) % 2 === 0,
  (r) => r % 2 === 0,
  (_r, c) => c % 3 === 0,
  (r, c) => (r + c) % 3 === 0,
  (r, c) => (Math.floor(r / 2) + Math.floor(c / 3)) % 2 === 0,
  (r, c) => ((r * c) % 2) + ((r * c) % 3) === 0,
  (r, c) => (((r * c) % 2) + ((r * c) % 3)) % 2 === 0,
  (r, c) => (((r + c) % 2) + ((r * c) % 3)) % 2 === 0,
];

class Matrix {
  readonly size: number;
  readonly dark: Grid;
  /** Modules of the fixed patterns, which data and masks leave alone. */
  readonly reserved: Grid;

  constructor(readonly version: number) {
    this.size = version * 4 + 17;
    this.dark = Array.from({ length: this.size }, () => new Array<boolean>(this.size).fill(false));
    this.reserved = this.dark.map((row) => row.map(() => false));
  }

  set(row: number, col: number, dark: boolean) {
    this.dark[row][col] = dark;
    this.reserved[row][col] = true;
  }

  drawPatterns() {
    const { size } = this;
    for (let i = 0; i < size; i += 1) {
      this.set(6, i, i % 2 === 0);
      this.set(i, 6, i % 2 === 0);
    }
    for (const [row, col] of [
      [3, 3],
      [3, size - 4],
      [size - 4, 3],
    ]) {
      for (let dr = -4; dr <= 4; dr += 1) {
        for (let dc = -4; dc <= 4; dc += 1) {
          const r = row + dr;
          const c = col + dc;
          if (r < 0 || c < 0 || r >= size || c >= size) continue;
          const ring = Math.max(Math.abs(dr), Math.abs(dc));
          this.set(r, c, ring !== 2 && ring !== 4);
        }
      }
    }
    const centres = ALIGNMENT[this.version - 1];
    const last = centres.length - 1;
    centres.forEach((row, i) => {
      centres.forEach((col, j) => {
        // The three corners where the finder patterns are get none.
        if ((i === 0 && j === 0) || (i === 0 && j === last) || (i === last && j === 0)) return;
        for (let dr = -2; dr <= 2; dr += 1) {
          for (let dc = -2; dc <= 2; dc += 1) {
            this.set(row + dr, col + dc, Math.max(Math.abs(dr), Math.abs(dc)) !== 1);
          }
        }
      });
    });
    this.drawFormat(0); // reserves the format areas; redrawn with the chosen mask
    if (this.version >= 7) {
      const bits = versionBits(this.version);
      for (let i = 0; i < 18; i += 1) {
        const dark = ((bits >>> i) & 1) === 1;
        const a = size - 11 + (i % 3);
        const b = Math.floor(i / 3);
        this.set(b, a, dark);
        this.set(a, b, dark);
      }
    }
  }

  /** Level M (00) and the mask, BCH-coded and XOR-ed with 101010000010010, in both copies. */
  drawFormat(mask: number) {
    const bits = formatBits(mask);
    const { size } = this;
    for (let i = 0; i < 15; i += 1) {
      const dark = ((bits >>> i) & 1) === 1;
      if (i < 6) this.set(i, 8, dark);
      else if (i < 8) this.set(i + 1, 8, dark);
      else if (i === 8) this.set(8, 7, dark);
      else this.set(8, 14 - i, dark);
      if (i < 8) this.set(8, size - 1 - i, dark);
      else this.set(size - 15 + i, 8, dark);
    }
    this.set(size - 8, 8, true);
  }

  /** Codewords in the two-column zigzag from the bottom right, skipping the timing column. */
  drawData(codewords: number[]) {
    const { size } = this;
    let bit = 0;
    for (let right = size - 1; right >= 1; right -= 2) {
      if (right === 6) right = 5;
      const upward = ((right + 1) & 2) === 0;
      for (let step = 0; step < size; step += 1) {
        const row = upward ? size - 1 - step : step;
        for (let j = 0; j < 2; j += 1) {
          const col = right - j;
          if (this.reserved[row][col]) continue;
          const byte = codewords[bit >>> 3];
          this.dark[row][col] = byte !== undefined && ((byte >>> (7 - (bit & 7))) & 1) === 1;
          bit += 1;
        }
      }
    }
  }

  applyMask(mask: number) {
    const test = MASKS[mask];
    for (let r = 0; r < this.size; r += 1) {
      for (let c = 0; c < this.size; c += 1) {
        if (!this.reserved[r][c] && test(r, c)) this.dark[r][c] = !this.dark[r][c];
      }
    }
  }

  /** The standard's penalty: long runs, 2×2 blocks, finder look-alikes, dark share. */
  penalty(): number {
    const { size, dark } = this;
    let score = 0;
    const lines = [...dark, ...Array.from({ length: size }, (_, c) => dark.map((row) => row[c]))];
    for (const line of lines) {
      let run = 1;
      for (let i = 1; i <= size; i += 1) {
        if (i < size && line[i] === line[i - 1]) run += 1;
        else {
          if (run >= 5) score += run - 2;
          run = 1;
        }
      }
      const text = line.map((d) => (d ? '1' : '0')).join('');
      score += 40 * (text.match(/(?=(10111010000|00001011101))/g)?.length ?? 0);
    }
    for (let r = 0; r < size - 1; r += 1) {
      for (let c = 0; c < size - 1; c += 1) {
        const v = dark[r][c];
        if (v === dark[r][c + 1] && v === dark[r + 1][c] && v === dark[r + 1][c + 1]) score += 3;
      }
    }
    const darkCount = dark.flat().filter(Boolean).length;
    score += 10 * Math.floor(Math.abs((darkCount * 100) / (size * size) - 50) / 5);

    return score;
  }
}

/** The module grid of `text` as a QR code (true is dark), or undefined when it is too long. */
export const qrModules = (text: string): boolean[][] | undefined => {
  const bytes = new TextEncoder().encode(text);
  let version = 1;
  while (
    version <= MAX_VERSION &&
    4 + countBits(version) + bytes.length * 8 > dataCapacity(version) * 8
  ) {
    version += 1;
  }
  if (version > MAX_VERSION) return undefined;

  const codewords = withErrorCorrection(encodeData(bytes, version), version);
  let best: Matrix | undefined;
  let bestScore = Infinity;
  for (let mask = 0; mask < MASKS.length; mask += 1) {
    const matrix = new Matrix(version);
    matrix.drawPatterns();
    matrix.drawData(codewords);
    matrix.applyMask(mask);
    matrix.drawFormat(mask);
    const score = matrix.penalty();
    if (score < bestScore) {
      best = matrix;
      bestScore = score;
    }
  }

  return best?.dark;
};

/**
 * The QR code of `text` as an SVG `data:` URL, with the four-module quiet zone scanners need,
 * or null when the text is too long for a version-10 code.
 */
export const qrSvgDataUrl = (text: string): string | null => {
  const modules = qrModules(text);
  if (!modules) return null;

  const size = modules.length + 8;
  let path = '';
  modules.forEach((row, r) => {
    for (let c = 0; c < row.length;) {
      if (!row[c]) {
        c += 1;
        continue;
      }
      let end = c;
      while (end < row.length && row[end]) end += 1;
      path += `M${c + 4} ${r + 4}h${end - c}v1h-${end - c}z`;
      c = end;
    }
  });
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${size} ${size}" ` +
    `shape-rendering="crispEdges"><rect width="${size}" height="${size}" fill="#fff"/>` +
    `<path d="${path}" fill="#000"/></svg>`;

  return `data:image/svg+xml;base64,${Buffer.from(svg, 'utf8').toString('base64')}`;
};
