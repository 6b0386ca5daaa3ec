"""The report's one stylesheet, inlined: screen and A4 print, no web fonts, no network.

The charts carry their own looks as SVG attributes (see `svg`); this styles the page around them.
In print: a cover, the contents with page numbers, areas flowing on, page numbers in the footer.
"""

from cruscotto_cli.report.palette import FONTS, MUTED, css_variables

_PAGE = """
* { box-sizing: border-box; }
html { font-family: FONTS;
  font-size: 10.5pt; color: var(--ink); background: #fff; line-height: 1.4; }
body { margin: 0 auto; max-width: 1040px; padding: 28px 32px 48px; }
h1 { font-size: 22pt; margin: 0 0 2px; color: var(--brand); letter-spacing: -0.01em; }
h2 { font-size: 15pt; color: var(--brand); border-bottom: 2px solid var(--brand); padding-bottom: 3px; margin: 30px 0 12px; }
h3 { font-size: 10.5pt; margin: 0 0 3px; font-weight: 600; }
p { margin: 0 0 8px; }
a { color: var(--brand); text-decoration: none; }
.cover { border-bottom: 1px solid var(--line); padding-bottom: 10px; }
.cover p { margin: 0; }
.kicker { text-transform: uppercase; letter-spacing: .08em; font-size: 8.5pt; color: var(--muted); margin-bottom: 4px; }
.subtitle { color: var(--muted); font-size: 11pt; }
.cover-scope { font-weight: 600; margin-top: 4px; }
.stamp { color: var(--muted); font-size: 9pt; margin-top: 6px; }
.notice { border: 1.5px solid var(--missing); background: #fff7ea; padding: 8px 12px; margin: 14px 0; border-radius: 4px; font-weight: 600; }
.toc h2 { font-size: 11pt; border: none; margin: 14px 0 4px; padding: 0; }
.toc ol { list-style: none; margin: 0; padding: 0; columns: 2; column-gap: 28px; font-size: 9pt; }
.toc li { break-inside: avoid; margin: 0 0 2px; }
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
td.wrap { overflow-wrap: anywhere; min-width: 10em; }
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
.explanation { font-size: 9pt; margin: 6px 0 0; }
.explanation.none { color: var(--muted); }
figure { margin: 0; flex: none; }
svg.chart { display: block; }
.legend { display: flex; gap: 18px; flex-wrap: wrap; align-items: center; font-size: 9pt; color: var(--muted); margin: 6px 0 12px; }
.legend svg { vertical-align: middle; margin-right: 4px; }
.method p { max-width: 78ch; }
footer { margin-top: 28px; border-top: 1px solid var(--line); padding-top: 8px; color: var(--muted); font-size: 8.5pt; }
@page { size: A4; margin: 14mm 12mm 16mm;
  @bottom-left { content: string(report) " · " string(plan); font-size: 8pt; color: MUTED; }
  @bottom-right { content: counter(page) " / " counter(pages); font-size: 8pt; color: MUTED; } }
@page :first { @bottom-left { content: none; } @bottom-right { content: none; } }
@media print {
  html { font-size: 9.5pt; }
  body { max-width: none; padding: 0; }
  .cover { border: none; padding: 62mm 0 0; break-after: page; page-break-after: always; }
  .cover .kicker { font-size: 12pt; }
  .cover h1 { font-size: 30pt; string-set: report content(); }
  .cover .subtitle { font-size: 15pt; margin-top: 6px; string-set: plan content(); }
  .cover-scope { font-size: 12pt; margin-top: 14px; }
  .cover .stamp { margin-top: 40mm; }
  .toc { break-after: page; page-break-after: always; }
  .toc h2 { font-size: 15pt; border-bottom: 2px solid var(--brand); padding-bottom: 3px; margin: 0 0 12px; }
  .toc ol { columns: 1; font-size: 10.5pt; }
  .toc li { margin: 0 0 5px; }
  .toc a::after { content: leader(".") target-counter(attr(href), page); }
  h2, .area-head, .area > .meta { break-after: avoid; page-break-after: avoid; }
  tr { break-inside: avoid; page-break-inside: avoid; }
  a { color: inherit; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
"""

CSS = "\n" + css_variables() + _PAGE.replace("FONTS", FONTS).replace("MUTED", MUTED)
