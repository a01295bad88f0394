/** `migrate verify --typecheck`: the project's tsc before and after the last apply, new errors named. */
import { appendFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseTscOutput, renderTypecheck } from '../../src/commands/typecheck-diff.js';
import { runCli } from '../helpers/cli.js';
import { cleanup, migratedCopy } from './project.js';

afterAll(cleanup);

describe('migrate verify --typecheck', () => {
  it('passes on the migrated demo, then names a new error and the apply edit of its file; an old error is not new', () => {
    const dir = migratedCopy('demo-app', 'qwen');
    const clean = runCli(['verify', dir, '--provider', 'qwen', '--typecheck']);
    expect(clean.stdout).toMatch(/0 error\(s\) before, 0 after, 0 new/);
    expect(clean.code).toBe(0);
    // An unedited file's error is there before and after: not new.
    appendFileSync(path.join(dir, 'src', 'services', 'search.ts'), "\nexport const old: number = 'x';\n");
    // An error in a file the apply edited is new, and blamed on that edit.
    appendFileSync(path.join(dir, 'src', 'chat.ts'), "\nexport const broken: number = 'x';\n");
    const broken = runCli(['verify', dir, '--provider', 'qwen', '--typecheck']);
    expect(broken.code).toBe(1);
    expect(broken.stdout).toMatch(/1 error\(s\) before, 2 after, 1 new/);
    expect(broken.stdout).toMatch(/✗ src\/chat\.ts:\d+:\d+ TS2322 Type 'string' is not assignable to type 'number'\.\n\s+the last apply \(\S+\) edited src\/chat\.ts/);
  });

  it('exits 2 without an apply in the journal', () => {
    const dir = migratedCopy('demo-app', undefined);
    const result = runCli(['verify', dir, '--provider', 'qwen', '--typecheck']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('no apply in the journal');
  });

  it('parses tsc output, continuation lines included', () => {
    expect(parseTscOutput("src/a.ts(3,5): error TS2322: Type 'string' is not assignable to type 'number'.\n  more detail\nother")).toEqual([
      { file: 'src/a.ts', line: 3, column: 5, code: 'TS2322', message: "Type 'string' is not assignable to type 'number'. more detail" },
    ]);
  });

  it('says the comparison and each cause in Chinese under --lang zh; tsc\'s message as tsc wrote it', () => {
    const error = { file: 'src/chat.ts', line: 3, column: 14, code: 'TS2322', message: "Type 'string' is not assignable to type 'number'." };
    const diff = {
      tsc: 'tsc',
      journal: '2026-12-07T00-00-00',
      before: 1,
      after: 3,
      newErrors: [
        { ...error, cause: 'the last apply (2026-12-07T00-00-00) edited src/chat.ts' },
        { ...error, file: 'src/a.ts', cause: 'src/a.ts was not edited; the last apply changed src/chat.ts, src/b.ts' },
      ],
    };
    const zh = renderTypecheck(diff, 'zh');
    expect(zh).toMatch(/^类型检查（项目自己的 tsc，apply 2026-12-07T00-00-00 前后）：之前 1 个错误，之后 3 个，新增 2 个$/m);
    expect(zh).toContain("TS2322 Type 'string' is not assignable to type 'number'.");
    expect(zh).toMatch(/^ {6}上次 apply（2026-12-07T00-00-00）修改了 src\/chat\.ts$/m);
    expect(zh).toMatch(/^ {6}src\/a\.ts 未被修改；上次 apply 修改了 src\/chat\.ts, src\/b\.ts$/m);
    expect(renderTypecheck(diff)).toMatch(/^Type check .+: 1 error\(s\) before, 3 after, 2 new$/m);
  });
});
