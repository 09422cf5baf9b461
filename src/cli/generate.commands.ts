import { stat } from 'node:fs/promises';
import { type Command, InvalidArgumentError } from 'commander';
import { describeSummary, generateDataset } from '../generate/generate.js';

/** The most shipments one run writes: the world (a tenth as many organizations) is held in memory. */
export const MAX_GENERATED_SHIPMENTS = 20_000_000;

export function parseShipmentCount(value: string): number {
  const n = /^\d+$/.test(value.trim()) ? Number(value) : NaN;
  if (!Number.isSafeInteger(n) || n < 1)
    throw new InvalidArgumentError('must be a positive whole number, such as 1000000');
  if (n > MAX_GENERATED_SHIPMENTS)
    throw new InvalidArgumentError(
      `must be at most ${MAX_GENERATED_SHIPMENTS.toLocaleString('en-US')}`,
    );
  return n;
}

export function parseSeed(value: string): number {
  const n = /^\d+$/.test(value.trim()) ? Number(value) : NaN;
  if (!Number.isSafeInteger(n))
    throw new InvalidArgumentError('must be a whole number of 0 or more, such as 42');
  return n;
}

/** Refuses an output path that exists and is not a directory; a missing one is created. */
async function checkOutDirectory(out: string): Promise<void> {
  const info = await stat(out).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return null;
    throw error;
  });
  if (info && !info.isDirectory()) throw new Error(`--out ${out}: exists and is not a directory`);
}

export function registerGenerateCommands(program: Command): void {
  program
    .command('generate')
    .description(
      'write a synthetic dataset (shipments.csv, organizations.csv, manifest.json with the planted ' +
        're-export routes and decoys) for benchmarks and demos; needs no database',
    )
    .requiredOption('--shipments <n>', 'number of shipment lines to write', parseShipmentCount)
    .option(
      '--seed <s>',
      'seed of the generator: the same seed and size give the same files',
      parseSeed,
      1,
    )
    .requiredOption('--out <dir>', 'output directory, created if missing')
    .option(
      '--canonical-names',
      'write every party by its registered name (same trade): measures route detection apart from name resolution',
    )
    .action(
      async (options: {
        shipments: number;
        seed: number;
        out: string;
        canonicalNames?: boolean;
      }) => {
        await checkOutDirectory(options.out);
        const summary = await generateDataset(options);
        console.log(describeSummary(summary));
      },
    );
}
