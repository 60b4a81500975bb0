// The shell of every page: KaTeX's stylesheet (linked from DIR/assets), our own small stylesheet, and a
// Content-Security-Policy that allows no scripts at all, so even a bug in escaping could not run any.
import { KATEX_CSS } from './assets';
import { escapeHtml } from './escape';

const STYLE = `
body { font: 15px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; color: #1d2330; margin: 2rem auto; max-width: 1100px; padding: 0 1rem; }
h1 { font-size: 1.6rem; margin: 0 0 .3rem; } h2 { font-size: 1.2rem; margin: 2rem 0 .6rem; border-bottom: 1px solid #d9dde5; padding-bottom: .2rem; }
table { border-collapse: collapse; width: 100%; } th, td { text-align: left; vertical-align: top; padding: .35rem .5rem; border-bottom: 1px solid #eceef2; }
th { font-weight: 600; color: #4a5263; font-size: .85rem; } td.num, th.num { text-align: right; white-space: nowrap; }
code, pre { font-family: ui-monospace, SFMono-Regular, Menlo, monospace; font-size: .85rem; }
pre { background: #f6f7f9; padding: .8rem; overflow-x: auto; } .muted { color: #6b7385; } .small { font-size: .85rem; }
.mark { display: inline-block; min-width: 1.3em; text-align: center; font-weight: 700; font-size: 1.1rem; }
.mark.correct { color: #1a7f37; } .mark.incorrect, .mark.wrong { color: #cf222e; } .mark.partial { color: #bf8700; }
.mark.informal { color: #9a6700; } .mark.error { color: #8250df; } .mark.missing { color: #6b7385; }
.claim { border: 1px solid #e3e6ec; border-radius: 6px; margin: .8rem 0; padding: .4rem .6rem; }
.claim.graded { border-color: #7aa7e0; box-shadow: 0 0 0 2px #e4eefb; }
.claim-head { font-size: .8rem; color: #6b7385; margin-bottom: .2rem; } .claim-head .graded-for { color: #0b5cad; font-weight: 600; }
.steps td { border: none; padding: .15rem .4rem; } .steps td:first-child { width: 1.6em; } td.step-math { width: 100%; overflow-x: auto; } .step-line { color: #6b7385; font-size: .8rem; white-space: nowrap; }
.feedback { color: #57280f; background: #fff8f0; border-left: 3px solid #e8a25b; padding: .2rem .5rem; font-size: .9rem; }
.expected { font-size: .9rem; margin: .3rem 0 .1rem; } tr.ask td:nth-child(2) { white-space: nowrap; } .score { font-size: 1.3rem; font-weight: 600; }
.note.error { color: #a40e26; } .note.warning { color: #7d4e00; }
.bars { display: flex; align-items: flex-end; gap: 4px; height: 180px; border-bottom: 1px solid #9aa2b1; padding-top: 1rem; }
.bar { flex: 1; background: #5b8def; position: relative; min-height: 1px; } .bar span { position: absolute; top: -1.3rem; width: 100%; text-align: center; font-size: .8rem; }
.bar-labels { display: flex; gap: 4px; } .bar-labels div { flex: 1; text-align: center; font-size: .75rem; color: #6b7385; }
.mistake { margin: .2rem 0 .5rem; } .mistake .count, .group .count { font-weight: 600; }
h4 { font-size: .95rem; margin: .8rem 0 .3rem; } .group { margin: .3rem 0 .6rem; } .group details { font-size: .85rem; }
.long-math { white-space: pre-wrap; word-break: break-all; }
`;

const CSP = "default-src 'none'; style-src 'self' 'unsafe-inline' file: http: https:; font-src 'self' file: http: https: data:; img-src data:";

/** `root`: the relative path from the page to DIR ("" for DIR/index.html, "../../" for a report). */
export function page(title: string, body: string, root: string): string {
  const [head, tail] = pageShell(title, root);
  return head + body + tail;
}

/** The page around a body: what comes before it and after it (for a body built as a list of pieces). */
export function pageShell(title: string, root: string): [string, string] {
  return [
    `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<link rel="stylesheet" href="${root}${KATEX_CSS}">
<style>${STYLE}</style>
</head>
<body>
`,
    `
</body>
</html>
`,
  ];
}
