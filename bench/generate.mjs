// Synthetic GovRule repository for benchmarks.
//
//   import { generate } from './generate.mjs';
//   const stats = generate(dir, { files: 1000, rulesPerFile: 50 });
//
// or from the shell: node bench/generate.mjs DIR [--files N] [--rules N]
//
// Layout: DIR/govrule.json, DIR/common/vocab.govrule (package bench.common),
// DIR/rules/pNN/fNNNN.govrule (package bench.pNN, file i in package i % 20).
// Every file is valid GovRule (LANGUAGE.md): names are unique per package,
// references resolve, argument types match, escalation steps increase and
// never repeat a target, top-severity rules escalate to an authority, and each
// file has one `test` whose expectation holds (its category is covered by a
// single rule). Output is deterministic for the same options.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const PACKAGE_COUNT = 20;

// ---- vocabulary (package bench.common) ----------------------------------

const SEVERITIES = [
    ['low', '一般'],
    ['medium', '较重'],
    ['high', '严重'],
    ['critical', '特别严重'],
];
const POSTS = [
    ['reviewer', '内容审核员'],
    ['seniorReviewer', '资深审核员'],
    ['editor', '值班编辑'],
    ['chiefEditor', '总编辑'],
    ['legalCounsel', '法务专员'],
    ['opsManager', '运营主管'],
    ['securityLead', '安全负责人'],
    ['communityManager', '社区经理'],
    ['dutyOfficer', '值班长'],
    ['complianceOfficer', '合规官'],
];
const AUTHORITIES = [
    ['cac', '市委网信办'],
    ['cyberPolice', '网警'],
    ['marketRegulator', '市场监管局'],
    ['pressOffice', '新闻出版局'],
    ['dataBureau', '大数据局'],
];
// name, label, params ([name, type, optional])
const ACTIONS = [
    ['remove', '删除信息', []],
    ['warn', '警示提醒', []],
    ['interview', '约谈警示', []],
    ['rectify', '责令限期改正', [['deadline', 'duration', false]]],
    ['fine', '罚款', [['amount', 'money', false], ['note', 'text', true]]],
    ['suspend', '暂停更新', [['period', 'duration', false], ['inform', 'boolean', true]]],
    ['throttle', '限流', [['factor', 'number', false]]],
    ['ban', '封禁账号', [['permanent', 'boolean', false]]],
    ['notify', '通知当事人', [['message', 'text', false]]],
    ['tag', '打标签', [['label', 'text', false], ['weight', 'number', true]]],
];
// name, type, enum members, default (source text or null = required), label
const ATTRIBUTES = [
    ['channel', 'enum', ['website', 'app', 'selfMedia', 'livestream', 'forum'], null, '发布渠道'],
    ['sector', 'enum', ['auto', 'realEstate', 'finance', 'health', 'education', 'other'], 'other', '领域'],
    ['region', 'enum', ['local', 'domestic', 'overseas'], 'local', '来源地区'],
    ['reports', 'number', null, '0', '举报次数'],
    ['followers', 'number', null, '0', '粉丝数'],
    ['reach', 'number', null, '0', '阅读量'],
    ['verified', 'boolean', null, 'false', '认证账号'],
    ['keyword', 'text', null, '"none"', '命中关键词'],
];
const ENUMS = Object.fromEntries(ATTRIBUTES.filter((a) => a[1] === 'enum').map((a) => [a[0], a[2]]));

function vocabulary() {
    const out = [];
    out.push('package bench.common', '');
    out.push('/** 处置严重程度，从低到高 */', 'severities {');
    for (const [n, l] of SEVERITIES) out.push(`    ${n.padEnd(9)}"${l}"`);
    out.push('}', '');
    for (const [n, l] of POSTS) out.push(`post ${n.padEnd(18)}"${l}"`);
    out.push('');
    for (const [n, l] of AUTHORITIES) out.push(`authority ${n.padEnd(16)}"${l}"`);
    out.push('');
    for (const [n, l, params] of ACTIONS) {
        const ps = params.length ? ` (${params.map(([p, t, o]) => `${p}: ${t}${o ? '?' : ''}`).join(', ')})` : '';
        out.push(`/** ${l} */`, `action ${n} "${l}"${ps}`);
    }
    out.push('');
    for (const [n, t, members, def, l] of ATTRIBUTES) {
        const type = t === 'enum' ? `enum { ${members.join(', ')} }` : t;
        out.push(`attribute ${n}: ${type}${def !== null ? ` default ${def}` : ''} "${l}"`);
    }
    return out.join('\n') + '\n';
}

// ---- rule files ----------------------------------------------------------

// A small deterministic PRNG (mulberry32), so the same options give the same repository.
function rng(seed) {
    let a = seed >>> 0;
    const next = () => {
        a = (a + 0x6d2b79f5) >>> 0;
        let t = a;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
    const int = (n) => Math.floor(next() * n);
    const pick = (xs) => xs[int(xs.length)];
    const chance = (p) => next() < p;
    const sample = (xs, k) => {
        const copy = [...xs];
        const res = [];
        while (res.length < k && copy.length) res.push(copy.splice(int(copy.length), 1)[0]);
        return res;
    };
    return { next, int, pick, chance, sample };
}

// Category tree of every rule file; names are prefixed with the file stem so
// they are unique in the package. `tested` is covered by exactly one rule.
const TREE = [
    ['rumor', '网络谣言', [['enterprise', '涉企谣言'], ['disaster', '涉灾谣言'], ['涉医', '涉医谣言']]],
    ['fraud', '网络诈骗', [['investment', '投资理财诈骗'], ['romance', '情感诈骗']]],
    ['privacy', '个人信息保护', [['leak', '数据泄露'], ['doxxing', '人肉搜索']]],
    ['vulgar', '低俗信息', []],
];
// Category paths (relative to a file's stem) that rules may cover.
const COVERABLE = TREE.flatMap(([top, , kids]) => [top, ...kids.map(([k]) => `${top}.${k}`)]);
const LEAVES = TREE.flatMap(([top, , kids]) => (kids.length ? kids.map(([k]) => `${top}.${k}`) : [top]));

const stem = (i) => `f${String(i).padStart(4, '0')}`;
const pkgOf = (i) => `p${String(i % PACKAGE_COUNT).padStart(2, '0')}`;

const DURATIONS = [
    ['30m', 1800], ['1h', 3600], ['2h', 7200], ['4h', 14400], ['8h', 28800], ['12h', 43200],
    ['1d', 86400], ['2d', 172800], ['3d', 259200], ['5d', 432000], ['1w', 604800], ['2w', 1209600],
];
const BASIS = [
    '《网络安全法》第十二条', '《网络安全法》第四十七条', '《数据安全法》第二十九条',
    '《个人信息保护法》第五十一条', '《网络信息内容生态治理规定》第六条', '《互联网信息服务管理办法》第十五条',
    '平台社区公约第3.2条', '《反电信网络诈骗法》第二十五条',
];
const RULE_LABELS = ['涉企谣言处置', '诈骗信息拦截', '隐私泄露处置', '低俗内容清理', '重点领域巡查', '直播违规处置', '境外来源复核', '高频举报处置'];
const WORDS = ['广告', '代购', '返利', '内幕', '爆料', '维权', '刷单', '荐股'];

function literalFor(r, attr) {
    const a = ATTRIBUTES.find((x) => x[0] === attr);
    switch (a[1]) {
        case 'enum': return r.pick(a[2]);
        case 'number': return String(r.pick([1, 3, 5, 10, 100, 1000, 10000, 50000]));
        case 'boolean': return r.pick(['true', 'false']);
        default: return `"${r.pick(WORDS)}"`;
    }
}

function comparison(r) {
    const kind = r.int(9);
    const enumAttr = r.pick(Object.keys(ENUMS));
    switch (kind) {
        case 0: case 1: return `${enumAttr} == ${r.pick(ENUMS[enumAttr])}`;
        case 2: return `${enumAttr} in [${r.sample(ENUMS[enumAttr], 2 + r.int(2)).join(', ')}]`;
        case 3: return `${enumAttr} not in [${r.sample(ENUMS[enumAttr], 1 + r.int(2)).join(', ')}]`;
        case 4: return `${r.pick(['reports', 'reach'])} ${r.pick(['>=', '>', '<', '<='])} ${literalFor(r, 'reach')}`;
        case 5: return r.pick(['verified', 'not verified']);
        case 6: return `keyword ${r.pick(['==', '!='])} ${literalFor(r, 'keyword')}`;
        case 7: return `${enumAttr} != ${r.pick(ENUMS[enumAttr])}`;
        default: return `reports ${r.pick(['>=', '>'])} ${r.pick([1, 3, 5, 10])}`;
    }
}

/**
 * A value of `followers` unique in the repository (so no two conditional rules match the same
 * events, and no rule is shadowed), usually refined by one comparison or an `or` of two (never
 * contradictory).
 */
function condition(r, n) {
    const own = `followers == ${n}`;
    const roll = r.int(20);
    return roll < 10 ? own : roll < 18 ? `${own} and ${comparison(r)}` : `${own} and (${comparison(r)} or ${comparison(r)})`;
}

function argValue(r, type) {
    switch (type) {
        case 'duration': return r.pick(DURATIONS)[0];
        case 'money': return `${r.pick([500, 2000, 5000, 20000, 100000])}${r.chance(0.2) ? '.50' : ''} CNY`;
        case 'number': return String(r.pick([0.5, 0.2, 0.1, 2, 3]));
        case 'boolean': return r.pick(['true', 'false']);
        default: return `"${r.pick(['请于期限内整改', '已记录在案', '涉嫌违规', '重点关注'])}"`;
    }
}

function actionCall(r, action) {
    const [name, , params] = action;
    const args = params.filter(([, , optional]) => !optional || r.chance(0.4)).map(([p, t]) => `${p}: ${argValue(r, t)}`);
    return args.length ? `${name}(${args.join(', ')})` : name;
}

// Escalation steps: strictly increasing delays, distinct targets, never the
// responsible post; `needAuthority` forces the last target to be an authority.
function escalation(r, responsible, needAuthority) {
    const count = r.chance(0.5) ? 1 : 2 + r.int(2);
    const starts = r.int(DURATIONS.length - count);
    const delays = r.sample(DURATIONS.slice(starts), count).sort((x, y) => x[1] - y[1]);
    const posts = r.sample(POSTS.map((p) => p[0]).filter((p) => p !== responsible), count);
    const targets = delays.map((_, k) => (k === count - 1 && (needAuthority || r.chance(0.5)) ? r.pick(AUTHORITIES)[0] : posts[k]));
    return delays.map(([d], k) => `after ${d} to ${targets[k]}`);
}

function ruleFile(i, files, rulesPerFile) {
    const r = rng(0x9e3779b9 ^ (i * 7919));
    const s = stem(i);
    const pkg = pkgOf(i);
    const out = [];
    out.push(`package bench.${pkg}`, 'import bench.common.*', '');

    for (const [top, label, kids] of TREE) {
        if (!kids.length) {
            out.push(`category ${s}_${top} "${label}"`);
            continue;
        }
        if (top === TREE[0][0]) out.push(`/** ${label}（文件 ${s}） */`);
        out.push(`category ${s}_${top} "${label}" {`);
        for (const [k, l] of kids) out.push(`    category ${k} "${l}"`);
        out.push('}');
    }
    out.push(`category ${s}_tested "基准测试类别"`, '');

    // Another file of the same package (cross-file reference), and a file of
    // another package (fully qualified reference), when they exist.
    const sameAlt = i >= PACKAGE_COUNT ? i - PACKAGE_COUNT : i + PACKAGE_COUNT < files ? i + PACKAGE_COUNT : i;
    const otherAlt = files > 1 ? (i + 1) % files : i;

    let tested = null;
    for (let n = 0; n < rulesPerFile; n++) {
        const name = `${s}_r${String(n).padStart(2, '0')}`;
        const isTested = n === rulesPerFile - 1;
        // Categories: cycle through this file's leaves first so every leaf is covered.
        let cats;
        if (isTested) cats = [`${s}_tested`];
        else {
            cats = [n < LEAVES.length ? `${s}_${LEAVES[n]}` : `${s}_${r.pick(COVERABLE)}`];
            // Only conditional rules reach into other files' categories (see `baseline` below).
            if (n >= LEAVES.length && r.chance(0.1)) cats.push(`${stem(sameAlt)}_${r.pick(COVERABLE)}`);
            if (n >= LEAVES.length && r.chance(0.06)) cats.push(`bench.${pkgOf(otherAlt)}.${stem(otherAlt)}_${r.pick(COVERABLE)}`);
            cats = [...new Set(cats)];
        }
        const sevIndex = r.chance(0.1) ? SEVERITIES.length - 1 : r.int(SEVERITIES.length - 1);
        const severity = SEVERITIES[sevIndex][0];
        const responsible = r.pick(POSTS)[0];
        const actions = r.sample(ACTIONS, r.chance(0.7) ? 1 : 2).map((a) => actionCall(r, a));
        const critical = sevIndex === SEVERITIES.length - 1;
        const escalate = isTested || critical || r.chance(0.2) ? escalation(r, responsible, critical || isTested) : null;

        if (r.chance(0.05)) out.push(`/** ${r.pick(RULE_LABELS)}：${s} 第 ${n} 条 */`);
        out.push(`rule ${name}${r.chance(0.1) ? ` "${r.pick(RULE_LABELS)}"` : ''} {`);
        out.push(`    category ${cats.join(', ')}`);
        out.push(`    severity ${severity}`);
        // As in real rule sets: one unconditional baseline rule per leaf (the first pass over the
        // leaves), and more specific rules with a condition and a higher priority, so that no rule
        // is shadowed by another.
        const baseline = isTested || n < LEAVES.length;
        if (!baseline) out.push(`    when ${condition(r, i * rulesPerFile + n)}`);
        out.push(`    responsible ${responsible}`);
        out.push(`    actions ${actions.join(', ')}`);
        if (escalate) {
            if (escalate.length === 1) out.push(`    escalate { ${escalate[0]} }`);
            else out.push('    escalate {', ...escalate.map((e) => `        ${e}`), '    }');
        }
        if (r.chance(0.1)) out.push(`    basis ${r.sample(BASIS, r.chance(0.8) ? 1 : 2).map((b) => `"${b}"`).join(', ')}`);
        if (!baseline) out.push(`    priority ${n}`);
        if (!baseline && r.chance(0.12)) {
            out.push(r.chance(0.5) ? `    effective 2026-0${1 + r.int(6)}-01 .. 2026-12-31` : `    effective 2025-${String(1 + r.int(12)).padStart(2, '0')}-15`);
        }
        if (!baseline && r.chance(0.03)) out.push('    disabled');
        out.push('}', '');

        if (isTested) {
            tested = { name, severity, responsible, actions: actions.map((a) => a.replace(/\(.*$/, '')), escalate };
        }
    }

    if (tested) {
        const last = tested.escalate[tested.escalate.length - 1].match(/^after (\S+) to (\S+)$/);
        out.push(`/** 基准测试 ${s} */`, `test "${s} 基准类别由唯一规则处置" {`);
        out.push(`    given ${s}_tested { channel: ${r.pick(ENUMS.channel)}, reports: ${r.int(20)}, verified: ${r.pick(['true', 'false'])} }`);
        out.push('    on 2026-06-01');
        out.push(`    expect rule ${tested.name}`);
        out.push(`    expect actions ${tested.actions.join(', ')}`);
        out.push(`    expect severity ${tested.severity}`);
        out.push(`    expect responsible ${tested.responsible}`);
        out.push(`    expect escalation to ${last[2]} within ${last[1]}`);
        out.push('}', '');
    }
    return out.join('\n');
}

/**
 * Writes a synthetic repository into `dir` (created if needed).
 * @returns {{ files: number, rules: number, bytes: number, dir: string }}
 *   `files` counts rule files plus the vocabulary file; `bytes` is the total source size.
 */
export function generate(dir, { files = 1000, rulesPerFile = 50 } = {}) {
    if (!Number.isInteger(files) || files < 1) throw new Error(`files must be a positive integer, got ${files}`);
    if (!Number.isInteger(rulesPerFile) || rulesPerFile < 1) throw new Error(`rulesPerFile must be a positive integer, got ${rulesPerFile}`);
    mkdirSync(join(dir, 'common'), { recursive: true });
    let bytes = 0;
    const write = (rel, text) => {
        const buf = Buffer.from(text, 'utf8');
        writeFileSync(join(dir, rel), buf);
        bytes += buf.length;
    };
    writeFileSync(join(dir, 'govrule.json'), JSON.stringify({ include: ['**/*.govrule'] }, null, 2) + '\n');
    write('common/vocab.govrule', vocabulary());
    for (let p = 0; p < Math.min(files, PACKAGE_COUNT); p++) mkdirSync(join(dir, 'rules', pkgOf(p)), { recursive: true });
    for (let i = 0; i < files; i++) write(`rules/${pkgOf(i)}/${stem(i)}.govrule`, ruleFile(i, files, rulesPerFile));
    return { dir, files: files + 1, rules: files * rulesPerFile, bytes };
}

// CLI: node bench/generate.mjs DIR [--files N] [--rules N]
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
    const args = process.argv.slice(2);
    const opt = (flag, dflt) => {
        const k = args.indexOf(flag);
        if (k < 0) return dflt;
        const v = Number(args.splice(k, 2)[1]);
        if (!Number.isInteger(v) || v < 1) {
            console.error(`${flag} needs a positive integer`);
            process.exit(2);
        }
        return v;
    };
    const files = opt('--files', 1000);
    const rulesPerFile = opt('--rules', 50);
    if (args.length !== 1) {
        console.error('usage: node bench/generate.mjs DIR [--files N] [--rules N]');
        process.exit(2);
    }
    const stats = generate(args[0], { files, rulesPerFile });
    console.log(`${stats.dir}: ${stats.files} files, ${stats.rules} rules, ${(stats.bytes / 1048576).toFixed(2)} MB`);
}
