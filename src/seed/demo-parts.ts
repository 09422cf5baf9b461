import type { QueryDeepPartialEntity } from 'typeorm';
import type { ComponentEntity } from '../components/component.entity.js';
import { normalizePartNumber } from '../components/part-number.js';
import {
  EvidenceKind,
  EvidenceSourceType,
  EvidenceStatus,
  EvidenceSubjectType,
  SourceReliability,
} from '../evidence/evidence.enums.js';
import type { EvidenceLinkEntity } from '../evidence/evidence-link.entity.js';
import type { EvidenceEntity } from '../evidence/evidence.entity.js';
import type { ComponentFindingEntity } from '../findings/component-finding.entity.js';
import { VerificationStatus } from '../findings/finding.enums.js';
import { normalizeOrganizationName } from '../organizations/normalize-name.js';
import type { OrganizationEntity } from '../organizations/organization.entity.js';
import { OrganizationRole } from '../organizations/organization.enums.js';
import { classifyComponent, isUnspecified } from './component-classification.js';
import { MAKER_LEGAL_NAMES } from './maker-legal-names.js';
import { parseMarking } from '../components/marking.js';

/** One row of data/shahed-components.csv. */
export type ComponentReportRow = Record<
  | 'source_id'
  | 'marking'
  | 'function'
  | 'manufacturer'
  | 'manufacturer_country'
  | 'weapon_sample'
  | 'certainty'
  | 'note'
  | 'source_url',
  string
>;

export type Row<E> = QueryDeepPartialEntity<E> & { id: string };
export type OrganizationRow = Row<OrganizationEntity> & { name: string; country: string | null };
export type ComponentRow = Row<ComponentEntity> & {
  manufacturerId: string;
  partNumber: string;
  normalizedPartNumber: string;
  description: string;
  hsCode: string;
};

export interface PartsPlan {
  organizations: OrganizationRow[];
  components: ComponentRow[];
  findings: Row<ComponentFindingEntity>[];
  evidence: Row<EvidenceEntity>[];
  links: QueryDeepPartialEntity<EvidenceLinkEntity>[];
}

/** Short forms the file writes in parentheses after a predecessor's name. */
const ABBREVIATIONS: Record<string, string> = { TI: 'Texas Instruments', ADI: 'Analog Devices' };
/** Owned but not merged: the named company is the parent; every other parenthesis is a successor. */
const SUBSIDIARIES = new Set(['Altera', 'Tallysman']);
/** Companies the file names only as owners, with their home country. */
const OWNERS: Record<string, { country: string; aliases: string[] }> = {
  AMD: { country: 'US', aliases: ['Advanced Micro Devices'] },
  Intel: { country: 'US', aliases: ['Intel Corporation'] },
  Calian: { country: 'CA', aliases: ['Calian Group'] },
};

const CERTAINTY: Record<string, { status: VerificationStatus; credibility: number }> = {
  H: { status: VerificationStatus.VERIFIED, credibility: 2 },
  M: { status: VerificationStatus.REPORTED, credibility: 3 },
  L: { status: VerificationStatus.DISPUTED, credibility: 4 },
};

const GUR = 'Defence Intelligence of Ukraine (GUR), War & Sanctions portal';

/** `Maxim Integrated (ADI)` → the maker and, when named, the company that owns or absorbed it. */
export function splitManufacturer(value: string): { name: string; owner: string | null } {
  const match = /^(.*?)\s*\(([^)]+)\)\s*$/.exec(value.trim());
  if (!match) return { name: value.trim(), owner: null };
  return { name: match[1], owner: ABBREVIATIONS[match[2]] ?? match[2] };
}

const aliasesOf = (name: string) => [
  ...Object.entries(ABBREVIATIONS)
    .filter(([, full]) => full === name)
    .map(([abbreviation]) => abbreviation),
  ...(MAKER_LEGAL_NAMES[name] ? [MAKER_LEGAL_NAMES[name]] : []),
];

const countryOf = (value: string) => (/^[A-Z]{2}$/.test(value.trim()) ? value.trim() : null);

/**
 * Manufacturers, components, findings and their evidence from the published component reports: one
 * component per maker and canonical part number, one finding and one evidence record per row.
 */
export function planParts(
  rows: ComponentReportRow[],
  shahed136Id: string,
  newId: () => string,
): PartsPlan {
  const organizations = new Map<string, OrganizationRow>();
  const organization = (name: string, country: string | null, aliases: string[] = []) => {
    const known = organizations.get(name);
    if (known && known.country !== country) {
      throw new Error(`shahed-components.csv: ${name} is given two countries`);
    }
    const org: OrganizationRow = known ?? {
      id: newId(),
      name,
      normalizedName: normalizeOrganizationName(name),
      aliases,
      country,
      roles: [OrganizationRole.MANUFACTURER],
      synthetic: false,
    };
    organizations.set(name, org);
    return org;
  };
  // Every maker the file names first, then the owners it names only in parentheses.
  for (const row of rows) {
    const name = splitManufacturer(row.manufacturer).name;
    organization(name, countryOf(row.manufacturer_country), aliasesOf(name));
  }
  for (const row of rows) {
    const { name, owner } = splitManufacturer(row.manufacturer);
    if (!owner) continue;
    const ownerOrg =
      organizations.get(owner) ??
      organization(owner, OWNERS[owner]?.country ?? null, OWNERS[owner]?.aliases);
    const maker = organizations.get(name)!;
    if (SUBSIDIARIES.has(name)) maker.parentId = ownerOrg.id;
    else maker.successorId = ownerOrg.id;
  }

  const components = new Map<string, ComponentRow>();
  const plan: PartsPlan = {
    organizations: [],
    components: [],
    findings: [],
    evidence: [],
    links: [],
  };
  for (const row of rows) {
    const makerName = splitManufacturer(row.manufacturer).name;
    const maker = organizations.get(makerName)!;
    const certainty = CERTAINTY[row.certainty];
    if (!certainty)
      throw new Error(`shahed-components.csv: ${row.source_id} certainty ${row.certainty}`);
    const marking = row.marking || null;
    const parsed = parseMarking(marking);
    const { category, hsCode } = classifyComponent(row.function, makerName);
    const partNumber = parsed.partNumber ?? `UNIDENTIFIED ${category}`;
    const key = `${maker.id}|${normalizePartNumber(partNumber)}`;
    let component = components.get(key);
    if (!component) {
      component = {
        id: newId(),
        manufacturerId: maker.id,
        partNumber,
        normalizedPartNumber: normalizePartNumber(partNumber),
        description: parsed.partNumber
          ? row.function
          : `${isUnspecified(row.function) ? `Unspecified ${makerName} part` : row.function}; ` +
            'the source did not publish its part number',
        category,
        hsCode,
      };
      components.set(key, component);
    }

    const finding = {
      id: newId(),
      componentId: component.id,
      weaponSystemId: shahed136Id,
      strikeReportId: null,
      sampleRef: row.weapon_sample || null,
      marking,
      dateCode: parsed.dateCode,
      verificationStatus: certainty.status,
    };
    const number = /(\d+)$/.exec(row.source_id)?.[1] ?? row.source_id;
    const what = parsed.partNumber
      ? `${marking} (${makerName})`
      : `A ${makerName} part` + (isUnspecified(row.function) ? '' : ` (${row.function})`);
    const evidence = {
      id: newId(),
      kind: EvidenceKind.WEB_PAGE,
      title: `GUR War & Sanctions, component ${number}: ${marking ?? `${makerName}, no marking`}`,
      sourceOrganization: GUR,
      sourceType: EvidenceSourceType.BELLIGERENT_GOVERNMENT,
      sourceUrl: row.source_url,
      method: 'Published wreckage examination',
      sourceReliability: SourceReliability.B,
      informationCredibility: certainty.credibility,
      status: EvidenceStatus.PUBLISHED,
    };
    plan.findings.push(finding);
    plan.evidence.push(evidence);
    plan.links.push({
      evidenceId: evidence.id,
      subjectType: EvidenceSubjectType.FINDING,
      subjectId: finding.id,
      claim:
        `${what} recovered from ${row.weapon_sample || 'an unnamed airframe'}` +
        (row.note ? `; ${row.note}` : ''),
    });
  }
  plan.organizations = [...organizations.values()];
  plan.components = [...components.values()];
  return plan;
}
