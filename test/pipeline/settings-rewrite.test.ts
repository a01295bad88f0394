/**
 * Settings files (JSON, YAML) whose model ids apply rewrites are checked in their own syntax: they
 * were parsed as code, so every edited JSON and YAML file of a real repository was refused as "the
 * rewrite would not parse" and counted as errored.
 */
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { tempProjects } from '../helpers/tree.js';

const project = tempProjects('banjia-settings-', { 'package.json': '{"name":"settings"}\n' });

interface Report {
  summary: { errored: number };
  files: Array<{ file: string; status: string; reason?: string }>;
  diff?: string;
}

function dryRun(dir: string): Report {
  const result = runCli(['apply', dir, '--provider', 'qwen', '--dry-run', '--include-review', '--format', 'json']);
  expect(result.code, result.stderr).toBe(1);
  return JSON.parse(result.stdout) as Report;
}

describe('settings files rewritten by apply', () => {
  it('JSON (with comments) and YAML files with OpenAI model ids are rewritten, not refused', () => {
    const dir = project({
      'config/models.json': '{\n  "chat": {\n    "model": "gpt-4o",\n    "temperature": 0.2\n  }\n}\n',
      'config/settings.jsonc': '{\n  // the default model\n  "model": "gpt-4o-mini",\n}\n',
      'agents/agent.yaml': 'models:\n  - name: main\n    model: gpt-4o\n',
    });
    const report = dryRun(dir);
    expect(report.files.filter((f) => f.status === 'errored')).toEqual([]);
    const changed = report.files.filter((f) => f.status === 'changed').map((f) => f.file).sort();
    expect(changed).toEqual(['agents/agent.yaml', 'config/models.json', 'config/settings.jsonc']);
  });

  it('a JSON file broken before the edit is not refused for its old error', () => {
    // Only errors the edit adds count against it.
    const dir = project({ 'config/broken.json': '{\n  "model": "gpt-4o",\n  "x": \n' });
    const report = dryRun(dir);
    expect(report.files.filter((f) => f.status === 'errored')).toEqual([]);
  });
});
