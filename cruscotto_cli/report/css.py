"""The report's one stylesheet, inlined: screen and A4 print, no web fonts, no network."""

CSS = """
:root { --ink: #1d2733; --muted: #5b6673; --line: #d5dbe2; --soft: #f3f5f8; --brand: #1f4e79;
  --met: #1b7f3b; --not_met: #b3261e; --baseline: #1f6f8b; --missing: #a05a00; --no_target: #6b7280;
  --withdrawn: #6b7280; --invalid: #7b3fa0; }
* { box-sizing: border-box; }
html { font-family: "Source Sans 3", "Segoe UI", "Helvetica Neue", Arial, "Liberation Sans", "DejaVu Sans", sans-serif;
  font-size: 10.5pt; color: var(--ink); background: #fff; line-height: 1.4; }
body { margin: 0 auto; max-width: 1040px; padding: 28px 32px 48px; }
h1 { font-size: 22pt; margin: 0 0 2px; color: var(--brand); letter-spacing: -0.01em; }
h2 { font-size: 15pt; color: var(--brand); border-bottom: 2px solid var(--brand); padding-bottom: 3px; margin: 30px 0 12px; }
h3 { font-size: 10.5pt; margin: 0 0 3px; font-weight: 600; }
p { margin: 0 0 8px; }
a { color: var(--brand); text-decoration: none; }
.masthead { display: flex; justify-content: space-between; align-items: flex-end; border-bottom: 1px solid var(--line); padding-bottom: 10px; }
.kicker { text-transform: uppercase; letter-spacing: .08em; font-size: 8.5pt; color: var(--muted); margin-bottom: 4px; }
.subtitle { color: var(--muted); font-size: 11pt; }
.stamp { text-align: right; color: var(--muted); font-size: 9pt; }
.notice { border: 1.5px solid var(--missing); background: #fff7ea; padding: 8px 12px; margin: 14px 0; border-radius: 4px; font-weight: 600; }
.toc { font-size: 9pt; color: var(--muted); margin: 10px 0 0; }
.toc a { margin-right: 12px; white-space: nowrap; }
.kpis { display: flex; gap: 16px; align-items: stretch; margin: 16px 0 8px; }
.score { border: 1px solid var(--line); border-radius: 6px; padding: 12px 18px; min-width: 210px; background: var(--soft); }
.score .big { font-size: 28pt; font-weight: 700; color: var(--brand); line-height: 1.1; }
.score .band { font-weight: 600; }
.counts { display: flex; flex-wrap: wrap; gap: 8px; align-content: flex-start; }
.count { border: 1px solid var(--line); border-radius: 6px; padding: 6px 10px; min-width: 96px; }
.count b { display: block; font-size: 15pt; }
table { border-collapse: collapse; width: 100%; margin: 6px 0 14px; font-size: 9.5pt; }
th { text-align: left; font-weight: 600; color: var(--muted); border-bottom: 1.5px solid var(--ink); padding: 4px 6px;
  font-size: 8.5pt; text-transform: uppercase; letter-spacing: .03em; }
td { border-bottom: 1px solid var(--line); padding: 4px 6px; vertical-align: top; }
td.num, th.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
td.nowrap { white-space: nowrap; }
code, .digest { font-family: "DejaVu Sans Mono", Consolas, monospace; font-size: 8pt; word-break: break-all; }
.badge { display: inline-block; border: 1px solid currentColor; border-radius: 10px; padding: 0 7px; font-size: 8.5pt; font-weight: 600; white-space: nowrap; }
.met { color: var(--met); } .not_met { color: var(--not_met); } .baseline { color: var(--baseline); }
.missing { color: var(--missing); } .no_target, .withdrawn { color: var(--no_target); } .invalid { color: var(--invalid); }
.area-head { display: flex; justify-content: space-between; align-items: baseline; gap: 12px; }
.area-head .area-score { white-space: nowrap; font-weight: 600; }
.ind { display: flex; gap: 14px; border: 1px solid var(--line); border-left: 4px solid var(--line); border-radius: 4px; padding: 8px 10px;
  margin: 0 0 8px; break-inside: avoid; page-break-inside: avoid; }
.ind.st-met { border-left-color: var(--met); } .ind.st-not_met { border-left-color: var(--not_met); }
.ind.st-missing { border-left-color: var(--missing); } .ind.st-invalid { border-left-color: var(--invalid); }
.ind.st-baseline { border-left-color: var(--baseline); }
.ind-main { flex: 1; min-width: 0; }
.ind .id { display: inline-block; min-width: 34px; color: var(--brand); }
.meta { color: var(--muted); font-size: 8.5pt; margin: 0 0 6px; }
.facts { display: flex; gap: 18px; margin: 0; flex-wrap: wrap; }
.facts dt { font-size: 7.5pt; text-transform: uppercase; letter-spacing: .04em; color: var(--muted); }
.facts dd { margin: 0; font-weight: 600; font-variant-numeric: tabular-nums; }
.reason { font-size: 8.5pt; color: var(--muted); font-style: italic; margin: 6px 0 0; }
figure { margin: 0; flex: none; }
svg.chart { display: block; }
svg text { font-family: inherit; }
.axis { stroke: #8a94a0; stroke-width: 1; }
.year { font-size: 9px; fill: var(--muted); text-anchor: middle; }
.year.now { font-weight: 700; fill: var(--ink); text-decoration: underline; }
.val { font-size: 9px; fill: var(--ink); text-anchor: middle; font-weight: 600; }
.tgt { font-size: 8px; fill: var(--muted); text-anchor: middle; }
.sym { font-size: 14px; text-anchor: middle; font-weight: 700; }
.gap { font-size: 11px; text-anchor: middle; fill: var(--missing); font-weight: 700; }
.bar { fill: #9db4cc; stroke: #4a6a8a; stroke-width: .8; }
.bar.now { fill: var(--brand); stroke: var(--brand); }
.miss { stroke: var(--not_met); stroke-width: 1.2; }
.bar.met.now { fill: var(--brand); }
.hatch { stroke: var(--not_met); stroke-width: 2; }
.tline { fill: none; stroke: var(--ink); stroke-width: 1.2; stroke-dasharray: 4 3; }
.tmark { fill: #fff; stroke: var(--ink); stroke-width: 1.2; }
.range { fill: #e8edf3; stroke: var(--ink); stroke-dasharray: 3 2; }
.cell { fill: var(--soft); stroke: var(--line); }
.cell.now { stroke: var(--ink); stroke-width: 1.5; }
.sym.met { fill: var(--met); } .sym.not_met { fill: var(--not_met); }
.track { fill: var(--soft); stroke: var(--line); }
.fill { fill: var(--brand); }
.pct { font-size: 10px; font-weight: 600; fill: var(--ink); }
.legend { display: flex; gap: 18px; flex-wrap: wrap; align-items: center; font-size: 9pt; color: var(--muted); margin: 6px 0 12px; }
.legend svg { vertical-align: middle; margin-right: 4px; }
.method p { max-width: 78ch; }
footer { margin-top: 28px; border-top: 1px solid var(--line); padding-top: 8px; color: var(--muted); font-size: 8.5pt; }
@page { size: A4; margin: 14mm 12mm 16mm; }
@media print {
  html { font-size: 9.5pt; }
  body { max-width: none; padding: 0; }
  .toc { display: none; }
  h2 { break-after: avoid; page-break-after: avoid; }
  section.area, section.part { break-before: page; page-break-before: always; }
  tr { break-inside: avoid; page-break-inside: avoid; }
  a { color: inherit; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
"""
