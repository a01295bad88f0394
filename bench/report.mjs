// Ratios, the issue's goals, and the printed table of a bench run.

const ratio = (a, b) => (a && b ? +(a / b).toFixed(2) : null);

export function ratios(results) {
  const { floor, floorParse, scan, apply, astGrep } = results;
  return {
    scanVsAstGrep: ratio(scan?.wallMs, astGrep?.wallMs),
    scanVsFloor: ratio(scan?.wallMs, floor?.wallMs),
    scanVsFloorParse: ratio(scan?.wallMs, floorParse?.wallMs),
    applyVsScan: ratio(apply?.wallMs, scan?.wallMs),
    scanRssVsAstGrep: ratio(scan?.rssMB, astGrep?.rssMB),
  };
}

/** The goals of issue 7, each true (met), false (missed) or null (not applicable to this tree). */
export function goals(tree) {
  const { results, ratios: r } = tree;
  const maxRss = Math.max(results.scan.rssMB, results.apply.rssMB);
  return {
    scanNoSlowerThanAstGrep: r.scanVsAstGrep === null ? null : r.scanVsAstGrep <= 1,
    scanWithin2xFloorParse: r.scanVsFloorParse <= 2,
    rssUnder300MB: maxRss < 300,
    under3sAt20k: tree.files >= 20000 ? results.scan.wallMs < 3000 : null,
    applyAtMost20PercentOverScan: r.applyVsScan <= 1.2,
  };
}

const sec = (ms) => (ms === undefined ? '–' : (ms / 1000).toFixed(2));
const num = (n) => (n === null || n === undefined ? '–' : String(n));

export function renderTable(report) {
  const head = ['tree', 'files', 'cand.', 'floor s', '+parse s', 'scan s', 'apply s', 'ast-grep s', 'scan MB', 'apply MB', 'sg MB', 'scan/sg', 'scan/floor+p', 'apply/scan'];
  const rows = report.trees.map((t) => {
    const r = t.results;
    return [
      t.name, t.files, t.found.scan.candidates, sec(r.floor.wallMs), sec(r.floorParse.wallMs), sec(r.scan.wallMs), sec(r.apply.wallMs), sec(r.astGrep?.wallMs),
      r.scan.rssMB, r.apply.rssMB, num(r.astGrep?.rssMB), num(t.ratios.scanVsAstGrep), num(t.ratios.scanVsFloorParse), num(t.ratios.applyVsScan),
    ].map(String);
  });
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
  const line = (cells) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  const m = report.machine;
  let out = `banjia bench · ${m.cpus} cores (${m.cpuModel}), ${m.memoryGB} GB, Node ${m.node}, median of ${report.options.runs} run(s), peak RSS via ${m.rssSource}\n\n`;
  out += `${line(head)}\n${line(widths.map((w) => '-'.repeat(w)))}\n${rows.map(line).join('\n')}\n\n`;
  if (report.startup) out += `start-up: --version ${sec(report.startup.version.wallMs)} s, --help ${sec(report.startup.help.wallMs)} s\n\n`;
  out += 'goals:\n';
  for (const t of report.trees) {
    const entries = Object.entries(t.goals).filter(([, v]) => v !== null);
    out += `  ${t.name}: ${entries.map(([k, v]) => `${v ? 'met' : 'MISSED'} ${k}`).join(', ')}\n`;
  }
  return out;
}
