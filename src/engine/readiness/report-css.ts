// The HTML readiness report's inline stylesheet: light and dark by the system's scheme, and a print layout.

/** Colours are variables so dark mode and print only swap values; every status also has a glyph and a word. */
export const REPORT_CSS = `:root {
  color-scheme: light dark;
  --fg: #1f2328; --bg: #ffffff; --muted: #59636e; --border: #d1d9e0; --panel: #f6f8fa; --link: #0969da;
  --ok: #1a7f37; --half: #9a6700; --bad: #cf222e; --open: #59636e;
  --error: #cf222e; --warning: #bf8700; --info: #0969da;
}
@media (prefers-color-scheme: dark) {
  :root {
    --fg: #e6edf3; --bg: #0d1117; --muted: #9198a1; --border: #3d444d; --panel: #151b23; --link: #4493f8;
    --ok: #3fb950; --half: #d29922; --bad: #f85149; --open: #9198a1;
    --error: #f85149; --warning: #d29922; --info: #4493f8;
  }
}
* { box-sizing: border-box; }
body { margin: 0; background: var(--bg); color: var(--fg); font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Helvetica, Arial, sans-serif; }
main { max-width: 60rem; margin: 0 auto; padding: 1.5rem; }
a { color: var(--link); }
code { font: 0.9em ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; background: var(--panel); padding: 0 0.25em; border-radius: 4px; overflow-wrap: anywhere; }
h1 { font-size: 1.6rem; margin: 0 0 0.5rem; }
h2 { font-size: 1.2rem; margin: 0; display: inline; }
h4 { font-size: 0.85rem; margin: 0.5rem 0 0.2rem; text-transform: uppercase; letter-spacing: 0.03em; color: var(--muted); }
header { border-bottom: 1px solid var(--border); padding-bottom: 0.75rem; margin-bottom: 1rem; }
.scores { display: flex; flex-wrap: wrap; gap: 1.5rem; margin: 0.25rem 0; }
.score strong { font-size: 2.2rem; margin-right: 0.35rem; }
.band { font-size: 1.1rem; font-style: italic; margin: 0.25rem 0; }
.note, .meta, .legend, footer { color: var(--muted); }
.meta { font-weight: normal; font-size: 0.9em; }
.cap { margin: 0.25rem 0; }
.caps { font-size: 0.75rem; font-weight: 600; border: 1px solid var(--bad); color: var(--bad); border-radius: 999px; padding: 0 0.5em; vertical-align: middle; }
table { border-collapse: collapse; margin: 0.75rem 0; }
caption { text-align: left; font-weight: 600; padding-bottom: 0.25rem; }
th, td { border: 1px solid var(--border); padding: 0.25rem 0.6rem; text-align: left; }
td { text-align: right; font-variant-numeric: tabular-nums; }
tr.capping th, tr.capping td { font-weight: 700; }
section { margin: 1.25rem 0; }
details > summary { cursor: pointer; }
details > summary:focus-visible { outline: 2px solid var(--link); outline-offset: 2px; }
ul.items { list-style: none; padding-left: 0.5rem; margin: 0.5rem 0; }
ul.items > li { border-bottom: 1px solid var(--border); padding: 0.35rem 0; }
ul.items details > :not(summary) { margin-left: 1.75rem; }
.id { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 0.85em; color: var(--muted); }
.status { display: inline-block; min-width: 1.2em; font-weight: 700; text-align: center; }
.status-text { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
.st-met { color: var(--ok); } .st-half { color: var(--half); } .st-blocked { color: var(--bad); }
.st-open, .st-not-applicable { color: var(--open); }
.level, .sev { font-size: 0.8em; border: 1px solid var(--border); border-radius: 4px; padding: 0 0.3em; }
.sev-error { color: var(--error); } .sev-warning { color: var(--warning); } .sev-info { color: var(--info); }
.desc { margin: 0.25rem 0; }
.next { margin: 0.35rem 0; }
.expired, .warn { color: var(--bad); }
.chart { max-width: 46rem; display: block; margin: 0.5rem 0; }
.chart text { fill: var(--fg); font: 12px system-ui, sans-serif; }
.chart .count { fill: var(--muted); }
.seg-error { fill: var(--error); } .seg-warning { fill: var(--warning); } .seg-info { fill: var(--info); }
footer { border-top: 1px solid var(--border); margin-top: 1.5rem; padding-top: 0.5rem; font-size: 0.85rem; }
@media print {
  :root {
    --fg: #000; --bg: #fff; --muted: #444; --border: #bbb; --panel: #f2f2f2; --link: #000;
    --ok: #000; --half: #000; --bad: #000; --open: #444;
  }
  main { max-width: none; padding: 0; }
  details > summary { list-style: none; }
  details::details-content { content-visibility: visible; display: contents; }
  section, ul.items > li { break-inside: avoid; }
  a { text-decoration: none; }
}`;
