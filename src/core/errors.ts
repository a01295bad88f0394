/**
 * Typed errors. Commands throw them; the CLI maps every one to exit code 2 with its message.
 * Exit 1 is never an error: it means "work pending" or "findings over the threshold".
 */
export class BanjiaError extends Error {
  /** The message and hint in Chinese, for --lang zh (machine formats stay English). */
  zh?: { message: string; hint?: string };

  constructor(
    message: string,
    readonly hint?: string,
  ) {
    super(message);
    this.name = new.target.name;
  }

  inChinese(message: string, hint?: string): this {
    this.zh = { message, ...(hint ? { hint } : {}) };
    return this;
  }
}

/** Bad flags or arguments. */
export class UsageError extends BanjiaError {}

/** A bad config file, catalogue override or price file. */
export class ConfigError extends BanjiaError {}

/** The working tree is not in a state apply may touch (dirty, changed since the plan). */
export class UnsafeTreeError extends BanjiaError {
  constructor(
    message: string,
    readonly files: string[],
    hint?: string,
  ) {
    super(message, hint);
  }
}

/** A write failed; every file was restored. */
export class WriteError extends BanjiaError {}

/**
 * SIGINT/SIGTERM/SIGHUP arrived while files were being written; every file was put back. The CLI
 * exits with the shell's code for that signal (128 + its number).
 */
export class InterruptedError extends BanjiaError {
  constructor(
    message: string,
    readonly signal: NodeJS.Signals,
    readonly exitCode: number,
  ) {
    super(message);
  }
}

/** What a file the parser or the analysis recursed too deep on is reported as (a skipped file, never the end of a run). */
export const TOO_DEEP = 'nested too deeply to analyse';

export function isStackOverflow(error: unknown): boolean {
  return error instanceof RangeError && /call stack/i.test(error.message);
}
