import { codeKeyOf } from '../households/record';
import { fold } from '../text/fold';

/** How many code keys every look-up reads, whatever was typed: the batch never changes size. */
export const CODE_CANDIDATES = 4;

/** Spaces, dots, underscores and dashes: what residents type between the parts of a code. */
const SEPARATORS = /[\s._\-\u2010-\u2015]+/gu;

/**
 * The register keys a typed household code may stand for, most literal first: the code as the
 * register keys it, its parts joined by hyphens ("VHA 0006", "vha.0006" → "vha-0006"), its
 * parts run together ("VHA-0006" → "vha0006"), and a letter prefix split from its number by a
 * hyphen ("VHA0006" → "vha-0006"). Always CODE_CANDIDATES distinct keys: missing forms are
 * filled with keys no code has (register keys hold no spaces), so every look-up reads the same.
 */
export const codeCandidates = (typed: string): string[] => {
  const folded = fold(typed).trim();
  const parts = folded.split(SEPARATORS).filter(Boolean);
  const hyphenated = parts.join('-');
  const compact = parts.join('');
  const split = /^(\p{L}+)(\p{N}+)$/u.exec(compact);
  const forms = [codeKeyOf(typed), hyphenated, compact, split ? `${split[1]}-${split[2]}` : ''];
  const unique = [...new Set(forms.filter(Boolean))];
  for (let filler = 0; unique.length < CODE_CANDIDATES; filler += 1) {
    unique.push(` none ${filler}`);
  }

  return unique.slice(0, CODE_CANDIDATES);
};

/**
 * The household a typed code names, given the holders found for codeCandidates (undefined where
 * none): the literal key's holder when it has one, otherwise the one household the other forms
 * agree on; none when they name several households, so a loose spelling never picks between two.
 */
export const chosenHolder = (holders: Array<string | undefined>): string | undefined => {
  const [literal, ...loose] = holders;
  if (literal) return literal;
  const named = new Set(loose.filter((id): id is string => Boolean(id)));

  return named.size === 1 ? [...named][0] : undefined;
};
