/**
 * Prints a Stryker JSON report as a score per file and the mutants no test noticed:
 *
 *   node scripts/mutation/survivors.mjs .cache/mutation/runtime/mutation.json
 *
 * The score is Stryker's: (killed + timed out) / (every valid mutant), so a mutant no test
 * reaches counts against it.
 */
import * as fs from 'node:fs';

const file = process.argv[2] ?? '.cache/mutation/runtime/mutation.json';
const report = JSON.parse(fs.readFileSync(file, 'utf8'));
const DETECTED = new Set(['Killed', 'Timeout']);
const UNDETECTED = new Set(['Survived', 'NoCoverage']);
let detectedAll = 0;
let validAll = 0;
const survivors = [];
/** The score per folder (the unit); the two analysis files are each their own. */
const folders = new Map();
const folderOf = name => (name.includes('/validation/') ? name : name.slice(0, name.lastIndexOf('/') + 1));
for (const [name, result] of Object.entries(report.files).sort(([a], [b]) => (a < b ? -1 : 1))) {
    const valid = result.mutants.filter(m => DETECTED.has(m.status) || UNDETECTED.has(m.status));
    const detected = valid.filter(m => DETECTED.has(m.status)).length;
    detectedAll += detected;
    validAll += valid.length;
    const folder = folders.get(folderOf(name)) ?? { detected: 0, valid: 0 };
    folders.set(folderOf(name), { detected: folder.detected + detected, valid: folder.valid + valid.length });
    const pct = valid.length === 0 ? 100 : (100 * detected) / valid.length;
    console.log(`${name}: ${detected} / ${valid.length} = ${pct.toFixed(1)}%`);
    const lines = result.source.split('\n');
    for (const m of valid.filter(m => UNDETECTED.has(m.status))) {
        const { line, column } = m.location.start;
        survivors.push(`  ${name}:${line}:${column} ${m.status} ${m.mutatorName}: ${lines[line - 1].trim().slice(0, 100)}  →  ${(m.replacement ?? '').replace(/\s+/g, ' ').slice(0, 80)}`);
    }
}
for (const [folder, { detected, valid }] of folders) {
    console.log(`${folder} (folder): ${detected} / ${valid} = ${valid === 0 ? '100.0' : ((100 * detected) / valid).toFixed(1)}%`);
}
console.log(`all: ${detectedAll} / ${validAll} = ${validAll === 0 ? '100.0' : ((100 * detectedAll) / validAll).toFixed(1)}%`);
if (survivors.length > 0) {
    console.log(`\n${survivors.length} not detected:`);
    console.log(survivors.join('\n'));
}
