// Generates the conformance vectors in conformance/ (see conformance/README.md): for each suite,
// its GovRule sources are compiled by the reference compiler (out/cli.cjs) into bundle.json, and
// each event of its events.json is decided by the reference runtime (out/runtime.cjs) into
// vectors.json; index.json lists the suites. Run with `npm run generate:conformance` (which
// builds out/ first). test/conformance/vectors.test.ts regenerates them in memory and fails when
// the committed files differ.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const CONFORMANCE = path.join(ROOT, 'conformance');

export const VECTORS_FORMAT = 'govrule-conformance';
export const VECTORS_FORMAT_VERSION = 1;

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The suites: the folders of conformance/ that hold an events.json, sorted. */
export function suiteNames() {
    return fs.readdirSync(CONFORMANCE, { withFileTypes: true })
        .filter(entry => entry.isDirectory() && fs.existsSync(path.join(CONFORMANCE, entry.name, 'events.json')))
        .map(entry => entry.name)
        .sort();
}

/** Every generated file, by its path relative to conformance/ (with `/`), and its text. */
export function generateConformance() {
    const runtime = createRequire(import.meta.url)(path.join(ROOT, 'out', 'runtime.cjs'));
    const files = new Map();
    const suites = [];
    for (const suite of suiteNames()) {
        const spec = readSpec(suite);
        const bundleText = compileSuite(suite);
        const loaded = runtime.loadBundle(bundleText);
        const vectors = spec.events.map(({ name, description, event }) => {
            const head = description === undefined ? { name } : { name, description };
            try {
                return { ...head, event, expect: runtime.decide(loaded, event, { date: spec.today }) };
            } catch (err) {
                if (!(err instanceof runtime.EventError)) {
                    throw new Error(`${suite}: "${name}": the runtime failed: ${err?.stack ?? err}`);
                }
                return { ...head, event, error: { attribute: err.attribute ?? null, message: err.message } };
            }
        });
        files.set(`${suite}/bundle.json`, bundleText);
        files.set(`${suite}/vectors.json`, vectorsText({
            format: VECTORS_FORMAT,
            formatVersion: VECTORS_FORMAT_VERSION,
            suite,
            description: spec.description,
            bundle: 'bundle.json',
            today: spec.today,
        }, vectors));
        suites.push({
            name: suite,
            description: spec.description,
            bundle: `${suite}/bundle.json`,
            vectors: `${suite}/vectors.json`,
            decisions: vectors.filter(v => 'expect' in v).length,
            errors: vectors.filter(v => 'error' in v).length,
        });
    }
    const { version } = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    files.set('index.json', `${JSON.stringify({
        format: `${VECTORS_FORMAT}-index`,
        formatVersion: VECTORS_FORMAT_VERSION,
        generator: { name: 'govrule', version },
        suites,
    }, null, 2)}\n`);
    return files;
}

/** The head's keys one a line, then one vector a line: a changed expectation is a changed line. */
function vectorsText(head, vectors) {
    const lines = Object.entries(head).map(([key, value]) => `  ${JSON.stringify(key)}: ${JSON.stringify(value)},`);
    const body = vectors.map(vector => `    ${JSON.stringify(vector)}`).join(',\n');
    return `{\n${lines.join('\n')}\n  "vectors": [\n${body}\n  ]\n}\n`;
}

/** A suite's events.json, checked: a mistake in it must not become a silently odd vector. */
function readSpec(suite) {
    const file = path.join(CONFORMANCE, suite, 'events.json');
    const spec = JSON.parse(fs.readFileSync(file, 'utf8'));
    const fail = message => { throw new Error(`${path.relative(ROOT, file)}: ${message}`); };
    if (typeof spec.description !== 'string' || spec.description === '') fail('"description" must be a text');
    if (typeof spec.today !== 'string' || !DATE.test(spec.today)) fail('"today" must be a date YYYY-MM-DD');
    if (!Array.isArray(spec.events) || spec.events.length === 0) fail('"events" must be a list of { name, event }');
    const names = new Set();
    for (const [i, item] of spec.events.entries()) {
        if (typeof item?.name !== 'string' || item.name === '') fail(`events[${i}] has no "name"`);
        if (names.has(item.name)) fail(`two events are named "${item.name}"`);
        if (!Object.prototype.hasOwnProperty.call(item, 'event')) fail(`"${item.name}" has no "event"`);
        if (item.description !== undefined && typeof item.description !== 'string') fail(`"${item.name}": "description" must be a text`);
        names.add(item.name);
    }
    return spec;
}

/** The suite's sources compiled by the built CLI, as a user would; any warning fails too. */
function compileSuite(suite) {
    const temp = fs.mkdtempSync(path.join(os.tmpdir(), 'govrule-conformance-'));
    try {
        const out = path.join(temp, 'bundle.json');
        const result = spawnSync(process.execPath, [path.join(ROOT, 'bin', 'govrule.cjs'), 'compile', '--max-warnings', '0', '-o', out], {
            cwd: path.join(CONFORMANCE, suite),
            encoding: 'utf8',
        });
        if (result.error) throw result.error;
        if (result.status !== 0) {
            throw new Error(`conformance/${suite} does not compile (exit ${result.status}):\n${result.stdout}${result.stderr}`);
        }
        return fs.readFileSync(out, 'utf8');
    } finally {
        fs.rmSync(temp, { recursive: true, force: true });
    }
}

/** Writes the generated files; removes generated files of suites that no longer exist. */
function main() {
    const files = generateConformance();
    for (const [name, text] of files) {
        const file = path.join(CONFORMANCE, ...name.split('/'));
        const old = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : undefined;
        if (old !== text) {
            fs.writeFileSync(file, text);
            console.log(`wrote conformance/${name}`);
        }
    }
    const index = JSON.parse(files.get('index.json'));
    const count = index.suites.reduce((n, s) => n + s.decisions + s.errors, 0);
    console.log(`${index.suites.length} suites, ${count} vectors`);
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
    main();
}
