import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { dataFile } from '../common/project-root.js';

/** A CSV file of the repository's `data/` folder, one object per row keyed by the header's names. */
export function readDataCsv<K extends string>(name: string): Record<K, string>[] {
  return parse<Record<K, string>>(readFileSync(dataFile(name)), {
    columns: true,
    skip_empty_lines: true,
    trim: true,
  });
}
