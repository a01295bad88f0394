/** The emulator's log: one JSON line per request, kept in memory and appended to a file when asked. */
import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export interface RecordEntry {
  time: string;
  /** `emulator` for the provider emulator, `openai-trap` for a request meant for OpenAI. */
  server: 'emulator' | 'openai-trap';
  method: string;
  /** The full request path, prefix included. */
  path: string;
  endpoint?: string;
  model?: string;
  verdict: 'ok' | 'rejected' | 'trapped';
  /** The rule that rejected the request. */
  rule?: string;
  /**
   * On a valid request: the dialect rules it hits that the provider answers anyway (a field it
   * ignores or has deprecated, a request it handles otherwise than OpenAI).
   */
  warnings?: Array<{ rule: string; effect: string; message: string }>;
  status: number;
  message?: string;
  /** `bearer` when an `Authorization: Bearer <token>` header came, else what came (`missing`, `other`). */
  auth: 'bearer' | 'missing' | 'other';
  /** The top-level body fields sent. */
  fields?: string[];
  stream?: boolean;
  /** The host the app meant to reach, when the preload rerouted the request. */
  originalHost?: string;
  /** The app's source line that sent the request, when the preload could see it on the stack. */
  source?: string;
}

export class Recorder {
  readonly entries: RecordEntry[] = [];
  /** Called with each entry as it is recorded (the emulate command prints it). */
  onEntry?: (entry: RecordEntry) => void;

  constructor(private readonly file?: string) {
    if (file) {
      mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
      writeFileSync(file, '');
    }
  }

  add(entry: RecordEntry): void {
    this.entries.push(entry);
    if (this.file) appendFileSync(this.file, `${JSON.stringify(entry)}\n`);
    this.onEntry?.(entry);
  }
}

export function readRecord(text: string): RecordEntry[] {
  return text
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as RecordEntry);
}
