/**
 * A collation key whose byte order (as DynamoDB compares sort keys) equals the order of
 * `Intl.Collator('vi')`: letters in Vietnamese alphabet order (a ă â b c d đ e ê …), then
 * tone marks, then case, compared level by level as the collator does.
 *
 * The key is three runs of printable ASCII joined by a space: primary weights (base letters,
 * digits, spaces and punctuation), secondary weights (tone marks), tertiary weights (case).
 * The space is below every weight, so a shorter primary run sorts first, as the collator does.
 */

const ALPHABET = 'aăâbcdđeêfghijklmnoôơpqrstuưvwxyz';
const TONES = ['', '\u0300', '\u0309', '\u0303', '\u0301', '\u0323'];
/** Vowel changes that Vietnamese treats as separate letters, kept when tones are stripped. */
const LETTER_MARKS = /[\u0306\u0302\u031b]/;

// Weights are printable ASCII from '!' upward: whitespace, then punctuation and symbols in the
// collator's own order, then digits, then letters.
const SPACE_WEIGHT = '!';
const PUNCTUATION = [...'!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~'].sort(new Intl.Collator('vi').compare);
const punctuationWeights = new Map(
  PUNCTUATION.map((char, i) => [char, String.fromCharCode(0x22 + i)]),
);
const OTHER_PUNCT_WEIGHT = String.fromCharCode(0x22 + PUNCTUATION.length);
const DIGIT_BASE = 0x23 + PUNCTUATION.length;
const LETTER_BASE = DIGIT_BASE + 10;
const OTHER_WEIGHT = '~';

const letterWeights = new Map<string, string>(
  [...ALPHABET].map((letter, i) => [letter, String.fromCharCode(LETTER_BASE + i)]),
);

interface Parts {
  base: string;
  tone: number;
  upper: boolean;
}

/** Splits one NFC character into its Vietnamese base letter, tone and case. */
const parts = (char: string): Parts => {
  const lower = char.toLowerCase();
  const decomposed = lower.normalize('NFD');
  let base = decomposed[0] ?? '';
  let tone = 0;

  for (const mark of decomposed.slice(1)) {
    const toneIndex = TONES.indexOf(mark);
    if (toneIndex > 0) tone = toneIndex;
    else if (LETTER_MARKS.test(mark)) base += mark;
  }

  return { base: base.normalize('NFC'), tone, upper: lower !== char };
};

const primaryWeight = (base: string): string => {
  const letter = letterWeights.get(base);
  if (letter) return letter;
  if (/^\d$/.test(base)) return String.fromCharCode(DIGIT_BASE + Number(base));
  if (/^\s$/.test(base)) return SPACE_WEIGHT;
  const punctuation = punctuationWeights.get(base);
  if (punctuation) return punctuation;
  if (/^[\p{P}\p{S}]$/u.test(base)) return OTHER_PUNCT_WEIGHT;

  return OTHER_WEIGHT;
};

export const collationKey = (text: string): string => {
  const chars = [...text.normalize('NFC')];
  const split = chars.map(parts);
  const primary = split.map((p) => primaryWeight(p.base)).join('');
  const secondary = split.map((p) => String(p.tone)).join('');
  const tertiary = split.map((p) => (p.upper ? 'b' : 'a')).join('');

  return `${primary} ${secondary} ${tertiary}`;
};

/** The order the admin and the API promise, for sorting in memory. */
export const viCollator = new Intl.Collator('vi');
