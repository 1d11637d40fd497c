// `pnpm sesame <command>`: the operators' command line (apps/cli/src/cli.ts lists the commands).
import { runCli } from './cli.ts';

const code = await runCli(process.argv.slice(2), {
  stdout: (line) => process.stdout.write(`${line}\n`),
  stderr: (line) => process.stderr.write(`${line}\n`),
  env: process.env,
});
// The exit code is decided here, whatever a dependency sets on its way out: once the database
// had been opened (migrations checked), a refusal ended with 0 when only exitCode was set.
process.exitCode = code;
process.once('exit', () => {
  process.exitCode = code;
});
