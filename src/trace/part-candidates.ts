import { parseMarking } from '../components/marking.js';
import { normalizePartNumber } from '../components/part-number.js';

/** How the part asked for was found in the catalogue. */
export enum PartMatch {
  /** By `componentId`. */
  COMPONENT_ID = 'COMPONENT_ID',
  /** The text, normalized, is a catalogued part number. */
  PART_NUMBER = 'PART_NUMBER',
  /** The marking parser read a catalogued part number from the text (brand words, date codes, ...). */
  MARKING = 'MARKING',
  /** The longest catalogued part number (5 characters or more) the marking starts with. */
  MARKING_PREFIX = 'MARKING_PREFIX',
}

/** A normalized part number the text may name, and how. Lower `rank` wins. */
export interface PartCandidate {
  normalized: string;
  match: PartMatch;
  rank: number;
}

/** A catalogued part number shorter than this is never matched as the start of a marking. */
export const MIN_PREFIX_LENGTH = 5;
/** Prefixes are tried from the first few words only: what precedes a part number is short. */
const MAX_START_WORDS = 6;

/**
 * What a part number or a marking as printed may name, best first (see docs/trace.md):
 * 1. the whole text, normalized (`tms320 f28335pgfa` → `TMS320F28335PGFA`);
 * 2. the part number the marking parser reads (brand words, parentheses, date codes and the
 *    overrides it knows: `VP230 26M AJ1T` → `SN65HVD230`);
 * 3. every start of the normalized text, longest first, down to MIN_PREFIX_LENGTH characters
 *    (`TMS320F28335PGFA G4A-17CHCHW` starts with `TMS320F28335PGFA`); then the same from the second
 *    word on, the third, ... (a brand or a word before the part number: `Texas Instruments LM5176`).
 * Each normalized string appears once, at its best rank.
 */
export function partCandidates(text: string): PartCandidate[] {
  const seen = new Map<string, PartCandidate>();
  const add = (normalized: string, match: PartMatch) => {
    if (normalized && !seen.has(normalized))
      seen.set(normalized, { normalized, match, rank: seen.size });
  };
  add(normalizePartNumber(text), PartMatch.PART_NUMBER);
  const parsed = parseMarking(text).partNumber;
  if (parsed) add(normalizePartNumber(parsed), PartMatch.MARKING);
  const words = text.split(/\s+/).filter((w) => normalizePartNumber(w));
  for (let start = 0; start < Math.min(words.length, MAX_START_WORDS); start++) {
    const rest = normalizePartNumber(words.slice(start).join(''));
    for (let length = rest.length; length >= MIN_PREFIX_LENGTH; length--)
      add(rest.slice(0, length), PartMatch.MARKING_PREFIX);
  }
  return [...seen.values()];
}
