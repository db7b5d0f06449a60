/**
 * Transfer references of bills: what a resident types (or a VietQR code fills in) as the
 * transfer content, and what a bank statement line is matched by. `NGP` and eight characters
 * from an alphabet without 0/O and 1/I, which people misread: 32^8 ≈ 10^12 references, drawn
 * at random and held unique by a guard item (a rare repeat is drawn again).
 */
import { randomInt } from 'node:crypto';

export const REFERENCE_PREFIX = 'NGP';
const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
const LENGTH = 8;

/** A reference anywhere in a transfer's content, e.g. `CK NGP4K7QX2MA phi rac`. */
export const REFERENCE_PATTERN = /NGP[A-HJ-NP-Z2-9]{8}/;

export const newReference = (): string =>
  REFERENCE_PREFIX +
  Array.from({ length: LENGTH }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');

/**
 * The reference a text carries, as banks pass content along: upper-cased, with the spaces,
 * dashes and dots some banks insert removed. Undefined when it carries none.
 */
export const referenceIn = (text: string): string | undefined =>
  REFERENCE_PATTERN.exec(text.toUpperCase().replace(/[\s.\-_]+/g, ''))?.[0];
