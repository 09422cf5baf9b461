import type { QueryDeepPartialEntity } from 'typeorm';
import {
  EvidenceKind,
  EvidenceSourceType,
  EvidenceStatus,
  EvidenceSubjectType,
  SourceReliability,
} from '../evidence/evidence.enums.js';
import type { EvidenceLinkEntity } from '../evidence/evidence-link.entity.js';
import type { EvidenceEntity } from '../evidence/evidence.entity.js';
import type { StrikeReportEntity } from '../strikes/strike-report.entity.js';
import { WeaponType } from '../weapon-systems/weapon-system.enums.js';
import type { Row } from './demo-parts.js';
import type { WeaponSystemSeed } from './reference-data.js';

/** One row of data/strike-reports.csv. */
export type StrikeReportRow = Record<
  | 'occurred_at'
  | 'place'
  | 'admin_area'
  | 'country'
  | 'latitude'
  | 'longitude'
  | 'weapon'
  | 'killed'
  | 'injured'
  | 'summary'
  | 'source'
  | 'source_url',
  string
>;

/** The weapons of the two reported strikes, named as the report names them: not only drones. */
export const STRIKE_WEAPON_SYSTEMS: WeaponSystemSeed[] = [
  {
    name: '152 mm artillery',
    designations: [],
    type: WeaponType.ARTILLERY,
    designCountry: null,
    productionCountry: null,
    description: '152 mm tube artillery; the report does not name the gun system.',
  },
  {
    name: 'KAB guided aerial bomb',
    designations: ['KAB'],
    type: WeaponType.GUIDED_BOMB,
    designCountry: 'RU',
    productionCountry: 'RU',
    description: 'Russian guided aerial bomb (KAB family); the report does not name the model.',
  },
];

/** Fictional Shahed-136 attacks: real oblasts and coordinates of their main towns, invented events. */
const SYNTHETIC_STRIKES = [
  ['2023-03-09T02:30:00Z', 'Odesa', 'Odesa Oblast', 46.4825, 30.7233, 12, 0, 3],
  ['2023-05-17T01:10:00Z', 'Bila Tserkva', 'Kyiv Oblast', 49.7968, 30.1311, 20, 1, 4],
  ['2023-09-20T00:40:00Z', 'Izmail', 'Odesa Oblast', 45.3516, 28.8365, 15, 0, 2],
  ['2023-12-11T04:15:00Z', 'Dnipro', 'Dnipropetrovsk Oblast', 48.4647, 35.0462, 18, 2, 9],
  ['2024-03-03T03:20:00Z', 'Kharkiv', 'Kharkiv Oblast', 49.9935, 36.2304, 10, 1, 6],
  ['2024-08-07T02:05:00Z', 'Lutsk', 'Volyn Oblast', 50.7472, 25.3254, 8, 0, 3],
] as const;

export interface StrikesPlan {
  strikes: Row<StrikeReportEntity>[];
  evidence: Row<EvidenceEntity>[];
  links: QueryDeepPartialEntity<EvidenceLinkEntity>[];
}

const int = (value: string) => (value === '' ? null : Number.parseInt(value, 10));

/**
 * The reported strikes of strike-reports.csv, each with the media report as its evidence, and the
 * synthetic Shahed-136 strikes, marked synthetic and saying so in their summary.
 */
export function planStrikes(
  rows: StrikeReportRow[],
  weaponIdByName: Map<string, string>,
  newId: () => string,
): StrikesPlan {
  const plan: StrikesPlan = { strikes: [], evidence: [], links: [] };
  const weaponId = (name: string) => {
    const id = weaponIdByName.get(name);
    if (!id) throw new Error(`no weapon system named ${name}`);
    return id;
  };

  for (const row of rows) {
    const strike = {
      id: newId(),
      occurredAt: new Date(row.occurred_at),
      place: row.place || null,
      adminArea: row.admin_area || null,
      country: row.country || null,
      latitude: row.latitude || null,
      longitude: row.longitude || null,
      weaponSystemId: weaponId(row.weapon),
      munitionsCount: null,
      killed: int(row.killed),
      injured: int(row.injured),
      summary: row.summary,
      synthetic: false,
    };
    const evidence = {
      id: newId(),
      kind: EvidenceKind.WEB_PAGE,
      title: `${row.source}: ${row.place}`,
      sourceOrganization: 'Kyiv Independent',
      sourceType: EvidenceSourceType.MEDIA,
      sourceUrl: row.source_url || null,
      method: 'Media report citing an official statement',
      sourceReliability: SourceReliability.B,
      informationCredibility: 2,
      status: EvidenceStatus.PUBLISHED,
    };
    plan.strikes.push(strike);
    plan.evidence.push(evidence);
    plan.links.push({
      evidenceId: evidence.id,
      subjectType: EvidenceSubjectType.STRIKE,
      subjectId: strike.id,
      claim:
        `${row.weapon} strike on ${row.place}, ${row.admin_area}, ${row.occurred_at.slice(0, 10)}: ` +
        `${row.killed} killed, ${row.injured} injured`,
    });
  }

  const shahed136 = weaponId('Shahed-136');
  for (const [at, place, area, lat, lon, munitions, killed, injured] of SYNTHETIC_STRIKES) {
    plan.strikes.push({
      id: newId(),
      occurredAt: new Date(at),
      place,
      adminArea: area,
      country: 'UA',
      latitude: lat.toFixed(6),
      longitude: lon.toFixed(6),
      weaponSystemId: shahed136,
      munitionsCount: munitions,
      killed,
      injured,
      summary:
        `Synthetic demo record. Fictional overnight attack by ${munitions} Shahed-136 drones on ` +
        `${area}, invented to show the service; it does not describe a real event.`,
      synthetic: true,
    });
  }
  return plan;
}
