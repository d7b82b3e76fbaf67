/**
 * The site's one stylesheet and its one script. Both are written as files beside the pages: the
 * site works offline from file://, where a page can load a script but cannot fetch data, so the
 * search index travels inside the script.
 */

export const STYLESHEET = `:root {
    --ink: #1d2733; --muted: #5b6775; --line: #d5dbe2; --paper: #ffffff; --band: #f3f5f8;
    --accent: #1f5fa8; --pass: #1f7a3f; --fail: #b42318; --authority: #8a4b08;
}
* { box-sizing: border-box; }
html { font-family: "Noto Sans CJK SC", "Noto Sans SC", "PingFang SC", "Microsoft YaHei", system-ui, sans-serif; color: var(--ink); background: var(--paper); line-height: 1.6; }
body { margin: 0; }
a { color: var(--accent); text-decoration: none; }
a:hover { text-decoration: underline; }
code, pre { font-family: "Noto Sans Mono CJK SC", "DejaVu Sans Mono", ui-monospace, monospace; font-size: 0.92em; }
header.site { display: flex; flex-wrap: wrap; align-items: center; gap: 0.5rem 1.5rem; padding: 0.75rem 2rem; background: var(--ink); color: #fff; }
header.site a { color: #fff; }
header.site .home { font-weight: 700; font-size: 1.15rem; }
header.site nav ul { display: flex; gap: 1.25rem; list-style: none; margin: 0; padding: 0; }
.search { position: relative; margin-left: auto; }
.search input { width: 20rem; max-width: 70vw; padding: 0.35rem 0.6rem; border: 1px solid var(--line); border-radius: 4px; font: inherit; }
.search ol { position: absolute; right: 0; z-index: 10; width: 28rem; max-width: 90vw; max-height: 24rem; overflow: auto; margin: 0.25rem 0 0; padding: 0; list-style: none; background: var(--paper); color: var(--ink); border: 1px solid var(--line); border-radius: 4px; box-shadow: 0 6px 18px rgba(0,0,0,0.15); }
.search li a { display: flex; gap: 0.6rem; align-items: baseline; padding: 0.4rem 0.75rem; color: var(--ink); }
.search li a:hover, .search li a:focus { background: var(--band); text-decoration: none; }
.search .kind { font-size: 0.8em; color: var(--muted); min-width: 4em; }
.search code { color: var(--muted); margin-left: auto; }
.search .none { padding: 0.4rem 0.75rem; color: var(--muted); }
main { max-width: 62rem; margin: 0 auto; padding: 1.5rem 2rem 3rem; }
h1 { font-size: 1.7rem; margin: 0.5rem 0 0.25rem; }
h1 code, h2 code, h3 code { font-size: 0.65em; color: var(--muted); font-weight: 400; margin-left: 0.5rem; }
h2 { font-size: 1.3rem; margin: 2rem 0 0.75rem; padding-bottom: 0.25rem; border-bottom: 1px solid var(--line); }
.doc { color: var(--muted); }
nav.crumbs ol { list-style: none; display: flex; flex-wrap: wrap; gap: 0.25rem; padding: 0; margin: 0; font-size: 0.9em; color: var(--muted); }
nav.crumbs li + li::before { content: "›"; margin-right: 0.25rem; }
ul.tree { list-style: none; padding: 0; }
ul.tree li { padding: 0.15rem 0 0.15rem calc(var(--depth, 0) * 1.5rem); }
ul.links { padding-left: 1.25rem; }
article.rule { border: 1px solid var(--line); border-radius: 6px; padding: 1rem 1.25rem; margin: 1.25rem 0; }
article.rule:target { border-color: var(--accent); box-shadow: 0 0 0 2px rgba(31,95,168,0.2); }
article.rule h3 { margin: 0 0 0.25rem; font-size: 1.15rem; }
article.rule.disabled { opacity: 0.75; }
.badge { display: inline-block; font-size: 0.78rem; padding: 0 0.45rem; border-radius: 3px; border: 1px solid var(--line); margin-left: 0.4rem; vertical-align: middle; background: var(--band); }
.badge.severity { border-color: var(--accent); color: var(--accent); }
.badge.disabled { border-color: var(--fail); color: var(--fail); }
dl.facts { display: grid; grid-template-columns: 8rem 1fr; gap: 0.35rem 1rem; margin: 0.75rem 0; }
dl.facts dt { color: var(--muted); }
dl.facts dd { margin: 0; }
dl.facts ul { margin: 0; padding-left: 1.1rem; }
pre.condition { margin: 0; padding: 0.4rem 0.6rem; background: var(--band); border-radius: 4px; white-space: pre-wrap; word-break: break-word; }
.args { color: var(--muted); }
h4 { margin: 1rem 0 0.4rem; font-size: 1rem; }
svg.timeline { display: block; max-width: 100%; height: auto; }
svg.timeline .axis { stroke: var(--line); stroke-width: 3; }
svg.timeline circle { fill: var(--accent); stroke: var(--paper); stroke-width: 2; }
svg.timeline .start circle { fill: var(--muted); }
svg.timeline .authority circle { fill: var(--authority); }
svg.timeline text { font-size: 13px; fill: var(--ink); }
svg.timeline text.when { fill: var(--muted); }
table { border-collapse: collapse; width: 100%; margin: 0.5rem 0; }
th, td { text-align: left; padding: 0.35rem 0.6rem; border-bottom: 1px solid var(--line); vertical-align: top; }
th { background: var(--band); font-weight: 600; }
.passed { color: var(--pass); font-weight: 600; }
.failed { color: var(--fail); font-weight: 600; }
footer { max-width: 62rem; margin: 0 auto; padding: 1rem 2rem 2rem; color: var(--muted); font-size: 0.85em; border-top: 1px solid var(--line); }
@page { margin: 18mm 16mm; }
@media print {
    header.site, .search { display: none; }
    main { max-width: none; padding: 0; }
    html { font-size: 11pt; }
    a { color: inherit; }
    article.rule { break-inside: avoid; box-shadow: none; }
    h2, h3, h4 { break-after: avoid; }
    table, svg.timeline { break-inside: avoid; }
    footer { border-top: 1px solid #999; }
}
`;

/** The search: every entry whose name, label or id holds each word typed, case aside. */
const SEARCH_SCRIPT = `(function () {
    'use strict';
    var input = document.getElementById('search');
    var list = document.getElementById('search-results');
    if (!input || !list) { return; }
    var root = document.documentElement.getAttribute('data-root') || '';
    var none = list.getAttribute('data-none') || '';
    function haystack(entry) { return (entry.name + ' ' + (entry.label || '') + ' ' + entry.id).toLowerCase(); }
    function search(query) {
        var words = query.toLowerCase().split(/\\s+/).filter(function (w) { return w !== ''; });
        if (words.length === 0) { return []; }
        return INDEX.filter(function (entry) {
            var text = haystack(entry);
            return words.every(function (w) { return text.indexOf(w) >= 0; });
        }).slice(0, 50);
    }
    function item(entry) {
        var li = document.createElement('li');
        var a = document.createElement('a');
        a.href = root + entry.url;
        var kind = document.createElement('span');
        kind.className = 'kind';
        kind.textContent = entry.kind;
        var label = document.createElement('span');
        label.className = 'label';
        label.textContent = entry.label || entry.name;
        var name = document.createElement('code');
        name.textContent = entry.name;
        a.appendChild(kind); a.appendChild(label); a.appendChild(name);
        li.appendChild(a);
        return li;
    }
    function show() {
        var query = input.value;
        list.textContent = '';
        if (query.trim() === '') { list.hidden = true; return; }
        var hits = search(query);
        list.hidden = false;
        if (hits.length === 0) {
            var li = document.createElement('li');
            li.className = 'none';
            li.textContent = none;
            list.appendChild(li);
            return;
        }
        hits.forEach(function (entry) { list.appendChild(item(entry)); });
    }
    input.addEventListener('input', show);
    input.addEventListener('keydown', function (event) {
        var first = list.querySelector('a');
        if (event.key === 'Enter' && first) { window.location.href = first.href; }
        if (event.key === 'Escape') { input.value = ''; show(); }
    });
})();
`;

export interface SearchEntry {
    readonly kind: string;
    readonly id: string;
    readonly name: string;
    readonly label: string | null;
    /** Relative to the site's root. */
    readonly url: string;
}

/** search.js: the index as a literal, then the search. JSON is valid JavaScript; `<` is escaped so no text can end a script. */
export function searchScript(entries: readonly SearchEntry[]): string {
    const safe = (entry: SearchEntry) => JSON.stringify(entry).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
    // One entry a line, so that two versions of a site compare line by line.
    return `var INDEX = [\n${entries.map(safe).join(',\n')}\n];\n${SEARCH_SCRIPT}`;
}
