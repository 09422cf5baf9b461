import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { dataFile } from '../common/project-root.js';
import type { ComponentCategory } from '../components/component.enums.js';
import { classifyComponent } from '../seed/component-classification.js';
import { parseMarking } from '../components/marking.js';

/** A part of the public list, by its canonical part number. */
export interface Part {
  partNumber: string;
  functionText: string;
  category: ComponentCategory;
  hsCode: string;
  maker: MakerInfo;
}

/** A manufacturer of the public list: its name before any parenthesis, its home country. */
export interface MakerInfo {
  name: string;
  country: string;
  parts: Part[];
  /** HS codes of its parts, or what its name says it makes when no part is known. */
  hsCodes: string[];
}

export interface HsCode {
  code: string;
  /** CHPL tier (`1`, `2`, `3.A`, ...) or null outside the list. */
  tier: string | null;
  description: string;
}

export interface Reference {
  makers: MakerInfo[];
  parts: Part[];
  chpl: HsCode[];
  hsCodes: Map<string, HsCode>;
  /** Sanctions-coalition countries (risk group PARTNER). */
  partners: Set<string>;
}

/**
 * Home countries the component file leaves blank, filled from the public record: Raspberry Pi Ltd is
 * the UK company of Cambridge.
 */
const KNOWN_COUNTRIES: Record<string, string> = { 'Raspberry Pi Ltd': 'GB' };

function readCsv(name: string): Record<string, string>[] {
  return parse<Record<string, string>>(readFileSync(dataFile(name)), {
    columns: true,
    skip_empty_lines: true,
    trim: true,
  });
}

/** The manufacturer's own name, without the owner or successor the file adds in parentheses. */
export const makerName = (value: string): string => value.split('(')[0].trim();

/** Reads the parts list, the CHPL codes and the coalition countries from `data/`. */
export function loadReference(): Reference {
  const makers = new Map<string, MakerInfo>();
  const parts = new Map<string, Part>();
  for (const row of readCsv('shahed-components.csv')) {
    const name = makerName(row.manufacturer);
    const country = /^[A-Z]{2}$/.test(row.manufacturer_country)
      ? row.manufacturer_country
      : KNOWN_COUNTRIES[name];
    if (!name || !country) continue;
    let maker = makers.get(name);
    if (!maker) makers.set(name, (maker = { name, country, parts: [], hsCodes: [] }));
    const { partNumber } = parseMarking(row.marking || null);
    if (!partNumber || parts.has(partNumber)) continue;
    const { category, hsCode } = classifyComponent(row.function, name);
    const part: Part = { partNumber, functionText: row.function, category, hsCode, maker };
    parts.set(partNumber, part);
    maker.parts.push(part);
  }
  for (const maker of makers.values()) {
    const codes = maker.parts.map((p) => p.hsCode);
    maker.hsCodes = [...new Set(codes.length ? codes : [classifyComponent('', maker.name).hsCode])];
  }

  const hsCodes = new Map<string, HsCode>();
  for (const row of readCsv('chpl-hs-codes.csv'))
    hsCodes.set(row.hs6, { code: row.hs6, tier: row.tier, description: row.description });
  const chpl = [...hsCodes.values()];
  for (const row of readCsv('hs-descriptions.csv'))
    if (!hsCodes.has(row.hs6))
      hsCodes.set(row.hs6, { code: row.hs6, tier: null, description: row.description });
  for (const part of parts.values())
    if (!hsCodes.has(part.hsCode))
      hsCodes.set(part.hsCode, { code: part.hsCode, tier: null, description: part.functionText });

  const partners = new Set(
    readCsv('country-risk.csv')
      .filter((row) => row.group === 'PARTNER')
      .map((row) => row.country),
  );
  return { makers: [...makers.values()], parts: [...parts.values()], chpl, hsCodes, partners };
}

/** How much more often a code of each CHPL tier is traded in the synthetic data than one off the list. */
export const TIER_WEIGHT: Record<string, number> = {
  '1': 10,
  '2': 5,
  '3.A': 1.5,
  '3.B': 0.8,
  '4.A': 0.4,
  '4.B': 0.25,
};

export const tierWeight = (code: HsCode | undefined): number =>
  code?.tier ? (TIER_WEIGHT[code.tier] ?? 0.5) : 0.5;
