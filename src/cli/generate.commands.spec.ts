import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { jest } from '@jest/globals';
import { Command } from 'commander';
import { parseSeed, parseShipmentCount, registerGenerateCommands } from './generate.commands.js';

describe('generate command options', () => {
  it('takes a positive whole number of shipments and a whole seed', () => {
    expect(parseShipmentCount('1000000')).toBe(1_000_000);
    for (const bad of ['0', '-5', '1.5', '1e6', 'many', '', '999999999'])
      expect(() => parseShipmentCount(bad)).toThrow(/must be/);
    expect(parseSeed('42')).toBe(42);
    expect(parseSeed('0')).toBe(0);
    for (const bad of ['-1', '4.2', 'x', '99999999999999999999'])
      expect(() => parseSeed(bad)).toThrow(/must be/);
  });

  describe('through commander', () => {
    let dir: string;
    let log: jest.SpiedFunction<typeof console.log>;
    beforeAll(async () => {
      dir = await mkdtemp(path.join(tmpdir(), 'sanctrace-generate-cli-'));
      log = jest.spyOn(console, 'log').mockImplementation(() => undefined);
    });
    afterAll(async () => {
      log.mockRestore();
      await rm(dir, { recursive: true, force: true });
    });

    const program = () => {
      const p = new Command().exitOverride().configureOutput({ writeErr: () => undefined });
      registerGenerateCommands(p);
      return p;
    };
    const run = (...args: string[]) => program().parseAsync(['node', 'cli', 'generate', ...args]);

    it('explains a bad option', async () => {
      await expect(run('--shipments', 'ten', '--out', dir)).rejects.toThrow(
        /option '--shipments <n>' argument 'ten' is invalid\. must be a positive whole number/,
      );
      await expect(run('--shipments', '10')).rejects.toThrow(/required option '--out <dir>'/);
      const file = path.join(dir, 'a-file');
      await writeFile(file, '');
      await expect(run('--shipments', '10', '--out', file)).rejects.toThrow(/not a directory/);
    });

    it('creates the output directory and prints a summary', async () => {
      const out = path.join(dir, 'nested', 'out');
      await run('--shipments', '300', '--seed', '7', '--out', out);
      expect((await readdir(out)).sort()).toEqual([
        'manifest.json',
        'organizations.csv',
        'shipments.csv',
      ]);
      expect(log).toHaveBeenCalledWith(
        expect.stringMatching(/^wrote 300 shipments, .* in \d+\.\d s$/),
      );
    });
  });
});
