// Hostile inputs for `npm run bench:hostile`: the shapes that once crashed or stalled GovRule
// (a misspelt name of 30 KB or 1 MB, thousands of rules on one category, 300,000 flat
// declarations, deep category nesting, deep conditions). Each shape is a folder of .govrule
// files; `expect` says what a correct run reports, so tests can run the same shapes small.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const VOCABULARY = `package h.common

severities {
    minor "一般"
    serious "较重"
    critical "特别严重"
}

post reviewer "内容审核员"
post editor "值班编辑"
authority cac "网信办"
action remove "删除"
attribute followers: number default 0 "粉丝数"
attribute reports: number default 0 "举报次数"
`;

function file(pkg, body) {
    return `package h.${pkg}\nimport h.common.*\n\n${body}`;
}

function rule(name, category, when) {
    return `rule ${name} {\n    category ${category}\n    severity minor\n    responsible reviewer\n    actions remove\n    escalate { after 2h to editor }\n${when ? `    when ${when}\n` : ''}}\n`;
}

/** `responsible` names a post that does not exist: `reviewer` repeated to `bytes`. */
export function misspeltName(bytes) {
    const name = 'reviewer'.repeat(Math.ceil(bytes / 8)).slice(0, bytes);
    return {
        files: { 'common.govrule': VOCABULARY, 'misspelt.govrule': file('m', `category c\n${rule('r', 'c').replace('responsible reviewer', `responsible ${name}x`)}`) },
        expect: { errors: ['unresolved-reference'] },
    };
}

/**
 * `rules` rules on one category (or each on its own), told apart by `followers == i`: none
 * shadows another. With `alike`, their conditions (`reports > i`) do not tell them apart, so
 * each may shadow the next: the analysis meets its budget past a few thousand.
 */
export function sharedCategory(rules, { distinct = false, alike = false } = {}) {
    const parts = [];
    if (distinct) {
        for (let i = 0; i < rules; i++) parts.push(`category c${i}\n`);
    } else {
        parts.push('category c\n');
    }
    for (let i = 0; i < rules; i++) {
        parts.push(rule(`r${i}`, distinct ? `c${i}` : 'c', alike ? `reports > ${i}` : `followers == ${i} and reports > ${i % 7}`));
    }
    return { files: { 'common.govrule': VOCABULARY, 'rules.govrule': file('s', parts.join('')) }, expect: { errors: [] } };
}

/** `count` top-level categories in one file and one rule covering the first. */
export function flatDeclarations(count) {
    const parts = ['category all {\n    category one\n}\n'];
    for (let i = 0; i < count; i++) parts.push(`category c${i}\n`);
    parts.push(rule('r', 'all'));
    return { files: { 'common.govrule': VOCABULARY, 'flat.govrule': file('f', parts.join('')) }, expect: { errors: [] } };
}

/** Categories nested `depth` deep, and a rule on the innermost. */
export function nestedCategories(depth) {
    const parts = [];
    const path = [];
    for (let i = 0; i < depth; i++) {
        parts.push(`${'    '.repeat(Math.min(i, 40))}category n${i} {\n`);
        path.push(`n${i}`);
    }
    for (let i = depth - 1; i >= 0; i--) parts.push(`${'    '.repeat(Math.min(i, 40))}}\n`);
    parts.push(rule('r', path.join('.')));
    return { files: { 'common.govrule': VOCABULARY, 'nested.govrule': file('n', parts.join('')) } };
}

/** A condition `depth` levels deep: `not (` nested, or a chain of `or`. */
export function deepCondition(depth, shape = 'not') {
    const when = shape === 'not'
        ? `${'not ('.repeat(depth)}reports > 1${')'.repeat(depth)}`
        : Array.from({ length: depth }, (_, i) => `reports == ${i}`).join(' or ');
    return { files: { 'common.govrule': VOCABULARY, 'deep.govrule': file('d', `category c\n${rule('r', 'c', when)}`) } };
}

/** Writes a shape's files into `dir`; returns its total size in bytes. */
export function writeShape(dir, shape) {
    mkdirSync(dir, { recursive: true });
    let bytes = 0;
    for (const [name, text] of Object.entries(shape.files)) {
        writeFileSync(join(dir, name), text);
        bytes += Buffer.byteLength(text);
    }
    return bytes;
}
