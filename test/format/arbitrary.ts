/**
 * Random valid GovRule projects for property tests: a vocabulary file and a rule file that
 * compile without errors. Each file is produced as a list of pieces (a token or comment, and the
 * canonical whitespace before it), so that a test can render it in canonical form, shuffle the
 * spaces inside its lines, or throw its whole layout around and add comments.
 */
import fc from 'fast-check';

export interface Piece {
    /** The canonical whitespace before `text`. */
    readonly gap: string;
    readonly text: string;
}

export interface GeneratedProject {
    readonly vocabulary: readonly Piece[];
    readonly rules: readonly Piece[];
}

const INDENT = '    ';

class Writer {
    readonly pieces: Piece[] = [];
    private pending: string | undefined = '';

    /** The next token starts a line at `depth`, after a blank line if `blank`. */
    line(depth: number, blank = false): this {
        if (this.pieces.length > 0) {
            const keepBlank = blank || (this.pending?.startsWith('\n\n') ?? false);
            this.pending = `\n${keepBlank ? '\n' : ''}${INDENT.repeat(depth)}`;
        }
        return this;
    }

    /** Tokens separated by single spaces (or by the pending line break). */
    words(...texts: string[]): this {
        for (const text of texts) {
            this.push(text, ' ');
        }
        return this;
    }

    /** A token written right after the one before it. */
    tight(text: string): this {
        this.push(text, '');
        return this;
    }

    name(qualified: string): this {
        qualified.split('.').forEach((part, i) => (i === 0 ? this.words(part) : this.tight('.').tight(part)));
        return this;
    }

    private push(text: string, gap: string): void {
        const afterOpening = ['(', '['].includes(this.pieces[this.pieces.length - 1]?.text);
        this.pieces.push({ gap: this.pending ?? (afterOpening ? '' : gap), text });
        this.pending = undefined;
    }
}

// ---- the vocabulary ----

const LEVELS = ['low', 'mid', 'high', 'top'];
const POSTS = ['reviewer', 'editor', 'chief'];
const AUTHORITIES = ['cac', 'police'];
const CHANNELS = ['web', 'app', 'media'];

type ParamType = 'duration' | 'money' | 'number' | 'text' | 'boolean';
interface ActionSpec { readonly name: string; readonly params: ReadonlyArray<{ name: string; type: ParamType; optional: boolean }> }
const ACTIONS: readonly ActionSpec[] = [
    { name: 'remove', params: [] },
    { name: 'rectify', params: [{ name: 'deadline', type: 'duration', optional: false }] },
    { name: 'fine', params: [{ name: 'amount', type: 'money', optional: false }, { name: 'note', type: 'text', optional: true }] },
    { name: 'suspend', params: [{ name: 'days', type: 'number', optional: false }] },
    { name: 'close', params: [{ name: 'blacklist', type: 'boolean', optional: true }] },
];

/** Labels and comments as Chinese authors write them: CJK, full-width punctuation, and invisible characters as escapes. */
const label = fc.option(fc.constantFrom('"一般"', '"内容审核员"', '"Label"', '"带 \\"引号\\" 的标签"', '""',
    '"全角，（括号）：“引号”；句号。"', '"豈审核"', '"方向\\u{202E}控制\\u202C"', '"零宽\\u{200B}空格\\u{E0041}"', '"📢 \\u{1F4E2}"', '"\u3000缩进"'), { nil: undefined });
const doc = fc.option(fc.constantFrom('/** 说明 */', '/**\n * 多行\n * 说明\n */', '// 注释', '/** 全角：“说明”，（括号）； */', '// 注释：\\u{202E} 写作转义'), { nil: undefined });

interface Vocabulary {
    readonly levels: number;
    readonly levelLabels: ReadonlyArray<string | undefined>;
    readonly posts: number;
    readonly authorities: number;
    readonly labels: ReadonlyArray<string | undefined>;
    readonly docs: ReadonlyArray<string | undefined>;
    readonly enumExpanded: boolean;
    readonly blankLines: readonly boolean[];
}

const vocabularyArb: fc.Arbitrary<Vocabulary> = fc.record({
    levels: fc.integer({ min: 2, max: 4 }),
    levelLabels: fc.array(label, { minLength: 4, maxLength: 4 }),
    posts: fc.integer({ min: 1, max: 3 }),
    authorities: fc.integer({ min: 1, max: 2 }),
    labels: fc.array(label, { minLength: 16, maxLength: 16 }),
    docs: fc.array(doc, { minLength: 16, maxLength: 16 }),
    enumExpanded: fc.boolean(),
    blankLines: fc.array(fc.boolean(), { minLength: 16, maxLength: 16 }),
});

function comment(w: Writer, text: string | undefined, depth: number, blank: boolean): boolean {
    if (text === undefined) {
        return blank;
    }
    w.line(depth, blank);
    text.split('\n').forEach((line, i) => {
        if (i === 0) {
            w.words(line);
        } else {
            // Block comment lines: re-indented under the opening, as the formatter writes them.
            const last = w.pieces.pop()!;
            w.pieces.push({ gap: last.gap, text: `${last.text}\n${INDENT.repeat(depth)} ${line.trimStart()}` });
        }
    });
    return false;
}

function writeVocabulary(v: Vocabulary): Piece[] {
    const w = new Writer();
    w.words('package').name('g.common');
    let k = 0;
    const declaration = (depth = 0) => {
        const blank = comment(w, v.docs[k], depth, v.blankLines[k]);
        w.line(depth, blank);
        return v.labels[k++];
    };
    declaration();
    w.words('severities', '{');
    for (let i = 0; i < v.levels; i++) {
        w.line(1).words(LEVELS[i]);
        if (v.levelLabels[i]) w.words(v.levelLabels[i]!);
    }
    w.line(0).words('}');
    const simple = (keyword: string, name: string) => {
        const l = declaration();
        w.words(keyword, name);
        if (l) w.words(l);
    };
    POSTS.slice(0, v.posts).forEach(p => simple('post', p));
    AUTHORITIES.slice(0, v.authorities).forEach(a => simple('authority', a));
    for (const action of ACTIONS) {
        const l = declaration();
        w.words('action', action.name);
        if (l) w.words(l);
        if (action.params.length > 0) {
            if (l) w.words('('); else w.tight('(');
            action.params.forEach((p, i) => {
                if (i > 0) w.tight(',').words(p.name); else w.tight(p.name);
                w.tight(':').words(p.type);
                if (p.optional) w.tight('?');
            });
            w.tight(')');
        }
    }
    let l = declaration();
    w.words('attribute', 'channel').tight(':').words('enum', '{');
    CHANNELS.forEach((c, i) => {
        if (v.enumExpanded) {
            w.line(1).words(c).tight(',');
        } else {
            if (i > 0) w.tight(',');
            w.words(c);
        }
    });
    if (v.enumExpanded) w.line(0);
    w.words('}');
    if (l) w.words(l);
    const attribute = (name: string, type: string, value: string) => {
        l = declaration();
        w.words('attribute', name).tight(':').words(type, 'default', value);
        if (l) w.words(l);
    };
    attribute('reports', 'number', '0');
    attribute('verified', 'boolean', 'false');
    attribute('district', 'text', '"两江新区"');
    return w.pieces;
}

// ---- categories, rules and tests ----

interface CategoryTree { readonly name: string; readonly label?: string; readonly children: readonly CategoryTree[] }

type Condition =
    | { kind: 'cmp'; text: readonly string[] }
    | { kind: 'and' | 'or'; left: Condition; right: Condition; broken: boolean }
    | { kind: 'not'; operand: Condition }
    | { kind: 'paren'; inner: Condition };

const comparison: fc.Arbitrary<Condition> = fc.oneof(
    fc.tuple(fc.constantFrom('==', '!='), fc.constantFrom(...CHANNELS)).map(([op, m]) => ['channel', op, m]),
    fc.tuple(fc.boolean(), fc.subarray(CHANNELS, { minLength: 1 })).map(([not, ms]) =>
        ['channel', ...(not ? ['not'] : []), 'in', '[', ...ms.flatMap((m, i) => (i === 0 ? [m] : [',', m])), ']']),
    fc.tuple(fc.constantFrom('<', '<=', '>', '>=', '==', '!='), fc.constantFrom('0', '3', '12.5')).map(([op, n]) => ['reports', op, n]),
    fc.constantFrom(['verified'], ['verified', '==', 'true'], ['district', '==', '"渝北区"'], ['district', 'in', '[', '"a"', ',', '"b"', ']']),
).map(text => ({ kind: 'cmp', text }) as Condition);

const condition: fc.Arbitrary<Condition> = fc.letrec<{ cond: Condition }>(tie => ({
    cond: fc.oneof({ depthSize: 'small', withCrossShrink: true },
        comparison,
        fc.record({ kind: fc.constantFrom('and' as const, 'or' as const), left: tie('cond'), right: tie('cond'), broken: fc.boolean() }),
        fc.record({ kind: fc.constant('not' as const), operand: tie('cond') }),
        fc.record({ kind: fc.constant('paren' as const), inner: tie('cond') }),
    ),
})).cond;

function writeCondition(w: Writer, c: Condition, depth: number): void {
    switch (c.kind) {
        case 'cmp':
            for (const t of c.text) {
                if ([',', ']'].includes(t)) w.tight(t);
                else w.words(t);
            }
            return;
        case 'and':
        case 'or':
            writeCondition(w, c.left, depth);
            if (c.broken) w.line(depth + 1);
            w.words(c.kind);
            writeCondition(w, c.right, depth);
            return;
        case 'not':
            w.words('not');
            writeCondition(w, c.operand, depth);
            return;
        case 'paren':
            w.words('(');
            writeCondition(w, c.inner, depth);
            w.tight(')');
            return;
    }
}

const DURATIONS = ['30m', '1h', '2h', '1d', '3d', '1w'];
const ARGUMENT: Record<ParamType, readonly string[]> = {
    duration: ['5d'],
    money: ['100 CNY', '200000.00 CNY'],
    number: ['7'],
    text: ['"说明"'],
    boolean: ['true'],
};

type Clause =
    | { kind: 'category'; refs: readonly string[]; breaks: readonly boolean[] }
    | { kind: 'severity'; level: number }
    | { kind: 'responsible'; post: number }
    | { kind: 'actions'; calls: ReadonlyArray<{ action: number; optional: boolean }>; breaks: readonly boolean[] }
    | { kind: 'when'; condition: Condition }
    | { kind: 'escalate'; steps: readonly number[]; targets: readonly number[]; inline: boolean }
    | { kind: 'basis'; texts: readonly string[]; breaks: readonly boolean[] }
    | { kind: 'priority'; value: string }
    | { kind: 'effective'; from: string; to?: string }
    | { kind: 'disabled' };

interface RuleSpec {
    readonly label?: string;
    readonly doc?: string;
    readonly clauses: readonly Clause[];
    readonly blank: boolean;
}

const breaks = fc.array(fc.boolean(), { minLength: 3, maxLength: 3 });

function ruleArb(categories: readonly string[]): fc.Arbitrary<RuleSpec> {
    const required: Array<fc.Arbitrary<Clause>> = [
        fc.record({ kind: fc.constant('category' as const), refs: fc.subarray([...categories], { minLength: 1, maxLength: Math.min(2, categories.length) }), breaks }),
        fc.record({ kind: fc.constant('severity' as const), level: fc.nat({ max: 1 }) }),
        fc.record({ kind: fc.constant('responsible' as const), post: fc.constant(0) }),
        fc.record({
            kind: fc.constant('actions' as const),
            calls: fc.uniqueArray(fc.record({ action: fc.nat({ max: ACTIONS.length - 1 }), optional: fc.boolean() }), { minLength: 1, maxLength: 3, selector: c => c.action }),
            breaks,
        }),
    ];
    const optional: Array<fc.Arbitrary<Clause>> = [
        fc.record({ kind: fc.constant('when' as const), condition }),
        fc.record({
            kind: fc.constant('escalate' as const),
            // Steps go to different targets (escalation-target): the reviewer and cac always exist.
            steps: fc.subarray(DURATIONS.map((_, i) => i), { minLength: 1, maxLength: 2 }),
            targets: fc.shuffledSubarray([0, 1], { minLength: 2, maxLength: 2 }),
            inline: fc.boolean(),
        }),
        fc.record({ kind: fc.constant('basis' as const), texts: fc.subarray(['"《网络安全法》"', '"第十二条"', '"x"'], { minLength: 1 }), breaks }),
        fc.record({ kind: fc.constant('priority' as const), value: fc.constantFrom('0', '10', '007') }),
        fc.record({ kind: fc.constant('effective' as const), from: fc.constant('2026-01-01'), to: fc.option(fc.constant('2026-12-31'), { nil: undefined }) }),
        fc.constant({ kind: 'disabled' as const }),
    ];
    return fc.record({
        label,
        doc,
        required: fc.tuple(...required),
        optional: fc.subarray(optional.map((_, i) => i)).chain(indices => fc.tuple(...indices.map(i => optional[i]))),
        blank: fc.boolean(),
        order: fc.array(fc.nat(), { minLength: 10, maxLength: 10 }),
    }).map(r => {
        // Clauses come in any order (§5): shuffle deterministically from `order`.
        const clauses = [...r.required, ...r.optional]
            .map((c, i) => ({ c, key: r.order[i] }))
            .sort((a, b) => a.key - b.key)
            .map(x => x.c);
        return { label: r.label, doc: r.doc, clauses, blank: r.blank };
    });
}

const categoryTreeArb: fc.Arbitrary<CategoryTree[]> = fc.array(
    fc.record({
        label,
        children: fc.array(fc.record({ label, grandchildren: fc.nat({ max: 2 }) }), { maxLength: 2 }),
    }),
    { minLength: 1, maxLength: 3 },
).map(tops => tops.map((t, i) => ({
    name: `top${i}`,
    label: t.label,
    children: t.children.map((c, j) => ({
        name: `sub${j}`,
        label: c.label,
        children: Array.from({ length: c.grandchildren }, (_, k) => ({ name: `leaf${k}`, children: [] })),
    })),
})));

function paths(trees: readonly CategoryTree[], prefix = ''): string[] {
    return trees.flatMap(t => [`${prefix}${t.name}`, ...paths(t.children, `${prefix}${t.name}.`)]);
}

function writeCategory(w: Writer, t: CategoryTree, depth: number): void {
    w.line(depth).words('category', t.name);
    if (t.label) w.words(t.label);
    if (t.children.length > 0) {
        w.words('{');
        t.children.forEach(c => writeCategory(w, c, depth + 1));
        w.line(depth).words('}');
    }
}

function list<T>(w: Writer, items: readonly T[], brk: readonly boolean[], write: (item: T) => void): void {
    items.forEach((item, i) => {
        if (i > 0) {
            w.tight(',');
            if (brk[i - 1]) w.line(2);
        }
        write(item);
    });
}

function writeClause(w: Writer, c: Clause, levels: number): void {
    w.line(1);
    switch (c.kind) {
        case 'category':
            w.words('category');
            list(w, c.refs, c.breaks, r => w.name(r));
            return;
        case 'severity':
            w.words('severity', LEVELS[c.level === 0 ? 0 : levels - 1]);
            return;
        case 'responsible':
            w.words('responsible', POSTS[c.post]);
            return;
        case 'actions':
            w.words('actions');
            list(w, c.calls, c.breaks, call => {
                const action = ACTIONS[call.action];
                w.words(action.name);
                const args = action.params.filter(p => !p.optional || call.optional);
                if (args.length > 0 || (call.optional && action.params.length === 0)) {
                    w.tight('(');
                    args.forEach((p, i) => {
                        if (i > 0) w.tight(',').words(p.name); else w.tight(p.name);
                        w.tight(':');
                        ARGUMENT[p.type][0].split(' ').forEach(part => w.words(part));
                    });
                    w.tight(')');
                }
            });
            return;
        case 'when':
            w.words('when');
            writeCondition(w, c.condition, 1);
            return;
        case 'escalate': {
            const inline = c.inline && c.steps.length === 1;
            w.words('escalate', '{');
            c.steps.forEach((s, i) => {
                if (!inline) w.line(2);
                w.words('after', DURATIONS[s], 'to', [POSTS[0], AUTHORITIES[0]][c.targets[i]]);
            });
            if (!inline) w.line(1);
            w.words('}');
            return;
        }
        case 'basis':
            w.words('basis');
            list(w, c.texts, c.breaks, t => w.words(t));
            return;
        case 'priority':
            w.words('priority', c.value);
            return;
        case 'effective':
            w.words('effective', c.from);
            if (c.to) w.words('..', c.to);
            return;
        case 'disabled':
            w.words('disabled');
            return;
    }
}

interface RuleFile {
    readonly categories: CategoryTree[];
    readonly rules: readonly RuleSpec[];
    readonly test: boolean;
}

const ruleFileArb: fc.Arbitrary<RuleFile> = categoryTreeArb.chain(categories => fc.record({
    categories: fc.constant(categories),
    rules: fc.array(ruleArb(paths(categories)), { minLength: 1, maxLength: 4 }),
    test: fc.boolean(),
}));

function writeRules(f: RuleFile, levels: number): Piece[] {
    const w = new Writer();
    w.words('package').name('g.rules');
    w.line(0).words('import').name('g.common').tight('.').tight('*');
    w.line(0, true);
    f.categories.forEach(t => writeCategory(w, t, 0));
    f.rules.forEach((r, i) => {
        const blank = comment(w, r.doc, 0, true);
        w.line(0, blank).words('rule', `r${i}`);
        if (r.label) w.words(r.label);
        w.words('{');
        r.clauses.forEach(c => writeClause(w, c, levels));
        w.line(0).words('}');
    });
    if (f.test) {
        const category = paths(f.categories)[0];
        w.line(0, true).words('test', '"t"', '{');
        w.line(1).words('given').name(category).words('{', 'channel').tight(':').words('web').tight(',').words('reports').tight(':').words('3', '}');
        w.line(1).words('on', '2026-06-01');
        w.line(1).words('expect', 'rule', 'none');
        w.line(0).words('}');
    }
    return w.pieces;
}

export const projectArb: fc.Arbitrary<GeneratedProject> = fc.tuple(vocabularyArb, ruleFileArb).map(([v, f]) => ({
    vocabulary: writeVocabulary(v),
    rules: writeRules(f, v.levels),
}));

// ---- rendering ----

export function canonical(pieces: readonly Piece[]): string {
    return `${pieces.map(p => p.gap + p.text).join('')}\n`;
}

/** Characters next to which a token needs no space to stay a separate token. */
const PUNCTUATION = /^[{}()[\],:<>=!?]$/;

function mayTouch(prev: Piece, next: Piece): boolean {
    const isComment = (p: Piece) => p.text.startsWith('//') || p.text.startsWith('/*');
    return !isComment(prev) && !isComment(next) && (PUNCTUATION.test(prev.text.slice(-1)) || PUNCTUATION.test(next.text[0]));
}

/** The canonical line structure, with the spaces inside lines changed at random (`choices` drive it). */
export function shuffleSpaces(pieces: readonly Piece[], choices: readonly number[]): string {
    let k = 0;
    const next = () => choices[k++ % choices.length];
    const out = pieces.map((p, i) => {
        if (i === 0 || p.gap.includes('\n')) {
            return p.gap + p.text;
        }
        const options = ['  ', '   ', ' \t', '\t', ' '];
        if (p.gap === '' || mayTouch(pieces[i - 1], p)) options.push('', '');
        if (p.gap === '') options.push('');
        return options[next() % options.length] + p.text;
    });
    return `${out.join('')}${next() % 2 === 0 ? '\n' : '   \n\n'}`;
}

/** Any layout at all: random spaces, line breaks and blank lines between tokens, and extra comments. */
export function scramble(pieces: readonly Piece[], choices: readonly number[]): string {
    let k = 0;
    const next = () => choices[k++ % choices.length];
    const parts: string[] = [];
    let comments = 0;
    pieces.forEach((p, i) => {
        const prev = pieces[i - 1];
        const afterLineComment = prev?.text.startsWith('//') ?? false;
        const options = [' ', '\n', '\n\n\n', '\n  \t', '  '];
        if (prev && mayTouch(prev, p)) options.push('');
        let gap = i === 0 ? ['', '\n\n', '  '][next() % 3] : options[next() % options.length];
        if (afterLineComment && !gap.includes('\n')) gap = `\n${gap}`;
        const extra = next() % 9;
        if (i > 0 && extra === 0) {
            gap += `/* c${++comments} */${[' ', '\n'][next() % 2]}`;
        } else if (i > 0 && extra === 1) {
            gap += `// c${++comments}  \n${'  '.repeat(next() % 3)}`;
        }
        parts.push(gap, p.text);
    });
    return `${parts.join('')}${['', '\n', '\n\n  '][next() % 3]}`;
}
