#!/usr/bin/env node
import 'reflect-metadata';
import { Command } from 'commander';
import { SettingsError } from '../config/env.js';
import { registerDatabaseCommands } from './database.commands.js';
import { registerDetectCommands } from './detect.commands.js';
import { registerGenerateCommands } from './generate.commands.js';
import { registerImportCommands } from './import.commands.js';
import { registerSchemaCommands } from './schema.commands.js';
import { registerSeedCommands } from './seed.commands.js';
import { registerUserCommands } from './user.commands.js';

const program = new Command('sanctrace')
  .description('Sanctrace command line: `npm run cli -- <command> --help` for one command.')
  .showHelpAfterError();

registerDatabaseCommands(program);
registerSeedCommands(program);
registerSchemaCommands(program);
registerUserCommands(program);
registerGenerateCommands(program);
registerImportCommands(program);
registerDetectCommands(program);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  process.stderr.write(
    `${error instanceof SettingsError || error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exitCode = 1;
}
