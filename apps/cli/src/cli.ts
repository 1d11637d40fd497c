import { createOrganizationCommand } from './commands/create-organization.ts';
import { setNamedUserLimitCommand } from './commands/set-named-user-limit.ts';
import { CliError, type Command, type Io } from './io.ts';

/** Every command, one file each under commands/ (list-users, delete-users and import-users come next). */
const commands: Command[] = [createOrganizationCommand, setNamedUserLimitCommand];

const help = () =>
  [
    'Usage: pnpm sesame <command> [options]',
    '',
    'Commands:',
    ...commands.map((c) => `  ${c.name.padEnd(22)}${c.summary}`),
    '',
    'pnpm sesame <command> --help describes a command.',
  ].join('\n');

/** Runs one command line; returns the process's exit code (0 only when everything asked was done). */
export async function runCli(argv: string[], io: Io): Promise<number> {
  const [name, ...args] = argv.filter((arg, i) => !(i === 0 && arg === '--'));
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(help());
    return name ? 0 : 2;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    io.stderr(`Unknown command "${name}".\n\n${help()}`);
    return 2;
  }
  try {
    await command.run(args, io);
    return 0;
  } catch (error) {
    if (error instanceof CliError) {
      io.stderr(`Error: ${error.message}`);
      return error.exitCode;
    }
    io.stderr(`Error: ${command.name} failed: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}
