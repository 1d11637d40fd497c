/** Where a command writes: data on stdout, messages and progress on stderr. */
export type Io = {
  stdout: (line: string) => void;
  stderr: (line: string) => void;
  env: NodeJS.ProcessEnv;
};

/** A refusal the command explains in one sentence; `exitCode` 2 is a usage error. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
}

export type Command = {
  name: string;
  /** One line for the general help. */
  summary: string;
  /** The command's own --help text. */
  usage: string;
  run: (args: string[], io: Io) => Promise<void>;
};
