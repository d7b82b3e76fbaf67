/**
 * Name resolution (LANGUAGE.md §3): relative to the current package, then through the imports,
 * then fully qualified; ambiguity, wrong kinds, enum members, action parameters and suggestions.
 */
import { AstUtils } from 'langium';
import { describe, expect, test } from 'vitest';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import * as ast from '../../language/src/syntax/generated/ast.js';
import { qualifiedName } from '../../language/src/model/names.js';
import { clausesOf } from '../../language/src/model/rules.js';
import { rangeIn, rangeOf } from '../helpers/ranges.js';
import { USES_VOCABULARY, VOCABULARY, workspace, type TestWorkspace } from '../helpers/workspace.js';

/** A rule named `r` in package t.p with the given clauses replacing the defaults. */
function rule(clauses: Partial<Record<'category' | 'severity' | 'responsible' | 'actions' | 'when' | 'escalate', string>>, head = 'import demo.common.*', extra = 'category c'): string {
    const all = { category: 'c', severity: 'minor', responsible: 'reviewer', actions: 'remove', ...clauses };
    const body = Object.entries(all).map(([k, v]) => k === 'escalate' ? `    escalate { ${v} }` : `    ${k} ${v}`).join('\n');
    return `package t.p\n${head}\n${extra}\nrule r {\n${body}\n}\n`;
}

function ruleOf(ws: TestWorkspace, file = 'p.govrule', name = 'r'): ast.Rule {
    const model = ws.documents.get(file)!.parseResult.value;
    return model.elements.filter(ast.isRule).find(r => r.name === name)!;
}

function linkingDiagnostics(ws: TestWorkspace, file: string) {
    const codes = new Set(['unresolved-reference', 'ambiguous-reference', 'wrong-kind', 'action-arguments']);
    return ws.diagnostics(file).filter(d => codes.has(String(d.code)));
}

describe('resolution order', () => {
    test('a name of the current package wins over an imported one', async () => {
        const ws = await workspace({
            'common.govrule': VOCABULARY,
            'p.govrule': rule({}, 'import demo.common.*', 'category c\npost reviewer "local"'),
        });
        expect(linkingDiagnostics(ws, 'p.govrule')).toEqual([]);
        const post = clausesOf(ruleOf(ws)).responsible!.post.ref!;
        expect(qualifiedName(post)).toBe('t.p.reviewer');
    });

    test('a name of the current package wins over a fully qualified reading of the same text', async () => {
        const ws = await workspace({
            'rumor.govrule': 'package rumor\ncategory enterprise\n',
            'common.govrule': VOCABULARY,
            'p.govrule': rule({ category: 'rumor.enterprise' }, 'import demo.common.*', 'category rumor { category enterprise }'),
        });
        expect(linkingDiagnostics(ws, 'p.govrule')).toEqual([]);
        expect(qualifiedName(clausesOf(ruleOf(ws)).category!.categories[0].ref!)).toBe('t.p.rumor.enterprise');
    });

    test('a dotted name that no import supplies is read as fully qualified', async () => {
        const ws = await workspace({
            'x.govrule': 'package x\npost reviewer\n',
            'tx.govrule': 'package t.x\npost reviewer\n',
            'common.govrule': VOCABULARY,
            'p.govrule': rule({ responsible: 'x.reviewer' }, 'import demo.common.*\nimport t.x.*'),
        });
        expect(linkingDiagnostics(ws, 'p.govrule')).toEqual([]);
        // Through `import t.x.*` the name `x.reviewer` is not supplied (only `reviewer` is), so it is fully qualified.
        expect(qualifiedName(clausesOf(ruleOf(ws)).responsible!.post.ref!)).toBe('x.reviewer');
    });

    test('an element import supplies a dotted name below it before the fully qualified reading', async () => {
        const ws = await workspace({
            'rumor.govrule': 'package rumor\ncategory enterprise\n',
            'cats.govrule': 'package t.cats\ncategory rumor { category enterprise }\n',
            'common.govrule': VOCABULARY,
            'p.govrule': rule({ category: 'rumor.enterprise' }, 'import demo.common.*\nimport t.cats.rumor', ''),
        });
        expect(linkingDiagnostics(ws, 'p.govrule')).toEqual([]);
        expect(qualifiedName(clausesOf(ruleOf(ws)).category!.categories[0].ref!)).toBe('t.cats.rumor.enterprise');
    });

    test('a fully qualified name resolves without any import', async () => {
        const ws = await workspace({
            'common.govrule': VOCABULARY,
            'p.govrule': rule({ severity: 'demo.common.minor', responsible: 'demo.common.editor', actions: 'demo.common.remove' }, ''),
        });
        expect(linkingDiagnostics(ws, 'p.govrule')).toEqual([]);
        const c = clausesOf(ruleOf(ws));
        expect([c.severity!.level.ref, c.responsible!.post.ref, c.actions!.calls[0].action.ref].map(d => d && qualifiedName(d)))
            .toEqual(['demo.common.minor', 'demo.common.editor', 'demo.common.remove']);
    });

    test('without an import, a simple name of another package does not resolve', async () => {
        const text = rule({}, '');
        const ws = await workspace({ 'common.govrule': VOCABULARY, 'p.govrule': text });
        const errors = linkingDiagnostics(ws, 'p.govrule');
        expect(errors.map(e => [e.code, e.range])).toEqual([
            ['unresolved-reference', rangeOf(text, 'minor')],
            ['unresolved-reference', rangeOf(text, 'reviewer')],
            ['unresolved-reference', rangeOf(text, 'remove')],
        ]);
    });
});

describe('nested category paths', () => {
    const CATEGORIES = 'package t.cats\ncategory rumor "谣言" {\n    category enterprise {\n        category auto\n    }\n    category disaster\n}\n';

    test('relative, imported and fully qualified paths reach the nested category', async () => {
        const ws = await workspace({
            'common.govrule': VOCABULARY,
            'cats.govrule': CATEGORIES,
            'p.govrule': rule({ category: 'rumor.enterprise.auto, t.cats.rumor.disaster' }, 'import demo.common.*\nimport t.cats.*', ''),
            'q.govrule': `package t.cats\nimport demo.common.*\nrule q { category rumor.enterprise severity minor responsible reviewer actions remove }\n`,
        });
        expect(linkingDiagnostics(ws, 'p.govrule')).toEqual([]);
        expect(linkingDiagnostics(ws, 'q.govrule')).toEqual([]);
        expect(clausesOf(ruleOf(ws)).category!.categories.map(c => qualifiedName(c.ref!))).toEqual(['t.cats.rumor.enterprise.auto', 't.cats.rumor.disaster']);
        expect(qualifiedName(clausesOf(ruleOf(ws, 'q.govrule', 'q')).category!.categories[0].ref!)).toBe('t.cats.rumor.enterprise');
    });

    test('a child is not visible by its simple name', async () => {
        const text = rule({ category: 'enterprise' }, 'import demo.common.*\nimport t.cats.*', '');
        const ws = await workspace({ 'common.govrule': VOCABULARY, 'cats.govrule': CATEGORIES, 'p.govrule': text });
        const [error] = linkingDiagnostics(ws, 'p.govrule');
        expect(error.code).toBe('unresolved-reference');
        expect(error.range).toEqual(rangeOf(text, 'enterprise'));
        expect(error.message).toBe("Cannot find a category named 'enterprise'");
    });

    test('a path that skips a level does not resolve', async () => {
        const text = rule({ category: 'rumor.auto' }, 'import demo.common.*\nimport t.cats.*', '');
        const ws = await workspace({ 'common.govrule': VOCABULARY, 'cats.govrule': CATEGORIES, 'p.govrule': text });
        expect(linkingDiagnostics(ws, 'p.govrule').map(d => [d.code, d.range])).toEqual([['unresolved-reference', rangeOf(text, 'rumor.auto')]]);
    });
});

describe('imports', () => {
    test('`import a.b.*` brings every top-level name of the package', async () => {
        const ws = await workspace({
            'common.govrule': VOCABULARY,
            'p.govrule': rule({ severity: 'critical', responsible: 'editor', actions: 'remove, rectify(deadline: 1d)', when: 'channel == app', escalate: 'after 1h to cac' }),
        });
        expect(linkingDiagnostics(ws, 'p.govrule')).toEqual([]);
    });

    test('`import a.b.name` brings that one name only', async () => {
        const text = rule({ responsible: 'editor' }, 'import demo.common.reviewer\nimport demo.common.minor\nimport demo.common.remove');
        const ws = await workspace({ 'common.govrule': VOCABULARY, 'p.govrule': text });
        const errors = linkingDiagnostics(ws, 'p.govrule');
        expect(errors.map(e => [e.code, e.range])).toEqual([['unresolved-reference', rangeOf(text, 'editor')]]);
        const withReviewer = await workspace({ 'common.govrule': VOCABULARY, 'p.govrule': rule({}, 'import demo.common.reviewer\nimport demo.common.minor\nimport demo.common.remove') });
        expect(linkingDiagnostics(withReviewer, 'p.govrule')).toEqual([]);
    });
});

describe('across files', () => {
    test('a declaration in one file is used in another', async () => {
        const ws = await workspace({
            'common.govrule': VOCABULARY,
            'cats.govrule': 'package t.cats\ncategory leak\n',
            'p.govrule': rule({ category: 'leak' }, 'import demo.common.*\nimport t.cats.*', ''),
        });
        expect(linkingDiagnostics(ws, 'p.govrule')).toEqual([]);
        const leak = clausesOf(ruleOf(ws)).category!.categories[0].ref!;
        expect(AstUtils.getDocument(leak).uri.path).toBe('/ws/cats.govrule');
    });

    test('a package spread over two files shares one namespace without imports', async () => {
        const ws = await workspace({
            'common.govrule': VOCABULARY,
            'p1.govrule': 'package t.p\npost local\ncategory c { category d }\n',
            'p.govrule': rule({ responsible: 'local', category: 'c.d' }, 'import demo.common.*', ''),
        });
        expect(linkingDiagnostics(ws, 'p.govrule')).toEqual([]);
        expect(AstUtils.getDocument(clausesOf(ruleOf(ws)).responsible!.post.ref!).uri.path).toBe('/ws/p1.govrule');
    });

    test('a file whose package is named like a prefix of another does not see its names', async () => {
        const text = rule({ responsible: 'local' }, 'import demo.common.*');
        const ws = await workspace({ 'common.govrule': VOCABULARY, 'q.govrule': 'package t.p.q\npost local\n', 'p.govrule': text });
        expect(linkingDiagnostics(ws, 'p.govrule').map(d => d.code)).toEqual(['unresolved-reference']);
    });
});

describe('ambiguous imports', () => {
    const A = 'package t.a\npost reviewer\npost onlyA\n';
    const B = 'package t.b\npost reviewer\n';

    test('two wildcard imports that both supply a name: the error names both', async () => {
        const text = rule({}, 'import demo.common.minor\nimport demo.common.remove\nimport t.a.*\nimport t.b.*');
        const ws = await workspace({ 'common.govrule': VOCABULARY, 'a.govrule': A, 'b.govrule': B, 'p.govrule': text });
        const errors = linkingDiagnostics(ws, 'p.govrule');
        expect(errors).toHaveLength(1);
        expect(errors[0]).toMatchObject({ code: 'ambiguous-reference', severity: DiagnosticSeverity.Error, range: rangeOf(text, 'reviewer') });
        expect(errors[0].message).toBe("'reviewer' is ambiguous: it could be 't.a.reviewer' (import t.a.*) or 't.b.reviewer' (import t.b.*). Write the qualified name.");
        expect((errors[0].data as { suggestions: string[] }).suggestions).toEqual(['t.a.reviewer', 't.b.reviewer']);
    });

    test('an element import and a wildcard import of different packages are ambiguous too', async () => {
        const text = rule({}, 'import demo.common.minor\nimport demo.common.remove\nimport t.a.reviewer\nimport t.b.*');
        const ws = await workspace({ 'common.govrule': VOCABULARY, 'a.govrule': A, 'b.govrule': B, 'p.govrule': text });
        const errors = linkingDiagnostics(ws, 'p.govrule');
        expect(errors.map(e => e.code)).toEqual(['ambiguous-reference']);
        expect(errors[0].message).toContain("'t.a.reviewer' (import t.a.reviewer)");
        expect(errors[0].message).toContain("'t.b.reviewer' (import t.b.*)");
    });

    test('not ambiguous: the qualified name, a name only one import supplies, the same element imported twice, a local name', async () => {
        const files = { 'common.govrule': VOCABULARY, 'a.govrule': A, 'b.govrule': B };
        const head = 'import demo.common.*\nimport t.a.*\nimport t.b.*';
        const qualified = await workspace({ ...files, 'p.govrule': rule({ responsible: 't.a.reviewer', escalate: 'after 1h to onlyA' }, head) });
        expect(linkingDiagnostics(qualified, 'p.govrule')).toEqual([]);
        const twice = await workspace({ ...files, 'p.govrule': rule({}, 'import demo.common.*\nimport demo.common.reviewer') });
        expect(linkingDiagnostics(twice, 'p.govrule')).toEqual([]);
        const local = await workspace({ ...files, 'p.govrule': rule({}, head, 'category c\npost reviewer') });
        expect(linkingDiagnostics(local, 'p.govrule')).toEqual([]);
        expect(qualifiedName(clausesOf(ruleOf(local)).responsible!.post.ref!)).toBe('t.p.reviewer');
    });
});

describe('wrong kind', () => {
    test.each([
        ['responsible', 'remove', "Expected a post here, but 'remove' is an action (demo.common.remove)"],
        ['severity', 'reviewer', "Expected a severity level here, but 'reviewer' is a post (demo.common.reviewer)"],
        ['actions', 'cac', "Expected an action here, but 'cac' is an authority (demo.common.cac)"],
        ['category', 'channel', "Expected a category here, but 'channel' is an attribute (demo.common.channel)"],
        ['when', 'misc', "Expected an attribute here, but 'misc' is a category (t.p.misc)"],
        ['escalate', 'after 1h to remove', "Expected a post or authority here, but 'remove' is an action (demo.common.remove)"],
    ])('%s %s', async (clause, value, message) => {
        const text = rule({ [clause]: value }, 'import demo.common.*', 'category c\ncategory misc');
        const ws = await workspace({ 'common.govrule': VOCABULARY, 'p.govrule': text });
        const errors = linkingDiagnostics(ws, 'p.govrule');
        expect(errors).toHaveLength(1);
        const word = value.split(' ').pop()!;
        expect(errors[0]).toMatchObject({ code: 'wrong-kind', severity: DiagnosticSeverity.Error, message, range: rangeIn(text, `${clause} `, word) });
    });

    test('a wrong kind suggests close names of the right kind', async () => {
        const ws = await workspace({
            'common.govrule': VOCABULARY,
            'p.govrule': rule({ responsible: 'review' }, 'import demo.common.*', 'category c\naction review'),
        });
        const [error] = linkingDiagnostics(ws, 'p.govrule');
        expect(error.code).toBe('wrong-kind');
        expect(error.message).toBe("Expected a post here, but 'review' is an action (t.p.review); did you mean 'reviewer'?");
    });

    test('an escalation may go to a post or an authority', async () => {
        const ws = await workspace({ 'common.govrule': VOCABULARY, 'p.govrule': rule({ escalate: 'after 1h to editor after 2h to cac' }) });
        expect(linkingDiagnostics(ws, 'p.govrule')).toEqual([]);
        const steps = clausesOf(ruleOf(ws)).escalate!.steps.map(s => s.target.ref?.$type);
        expect(steps).toEqual(['Post', 'Authority']);
    });
});

describe('enum members', () => {
    const ATTRIBUTES = 'package t.attrs\nattribute kind: enum { app, web }\nattribute platform: enum { app, desktop }\n';

    test('resolve inside the attribute they are compared with', async () => {
        const ws = await workspace({
            'common.govrule': VOCABULARY,
            'attrs.govrule': ATTRIBUTES,
            'p.govrule': rule({ when: 'kind == app and platform in [app, desktop]' }, 'import demo.common.*\nimport t.attrs.*'),
        });
        expect(linkingDiagnostics(ws, 'p.govrule')).toEqual([]);
        const and = clausesOf(ruleOf(ws)).when!.condition as ast.And;
        const left = (and.left as ast.Comparison);
        const right = (and.right as ast.Comparison);
        expect((left.value as ast.EnumLiteral).member.ref?.$container.$container).toBe(left.attribute.ref);
        expect((right.values[0] as ast.EnumLiteral).member.ref?.$container.$container).toBe(right.attribute.ref);
        expect(left.attribute.ref).not.toBe(right.attribute.ref);
    });

    test('resolve inside an attribute’s default', async () => {
        const ws = await workspace({ 'a.govrule': 'package t.a\nattribute size: enum { small, large } default large\n' });
        const attribute = ws.documents.get('a.govrule')!.parseResult.value.elements.find(ast.isAttribute)!;
        expect((attribute.default as ast.EnumLiteral).member.ref?.name).toBe('large');
    });

    test('a member of another attribute is not a value, and the message lists the members', async () => {
        const text = rule({ when: 'kind == desktop' }, 'import demo.common.*\nimport t.attrs.*');
        const ws = await workspace({ 'common.govrule': VOCABULARY, 'attrs.govrule': ATTRIBUTES, 'p.govrule': text });
        const errors = linkingDiagnostics(ws, 'p.govrule');
        expect(errors).toHaveLength(1);
        expect(errors[0]).toMatchObject({
            code: 'unresolved-reference',
            range: rangeOf(text, 'desktop'),
            message: "'desktop' is not a value of attribute 'kind' (one of app, web)",
        });
    });

    test('a misspelt member gets a suggestion from its attribute', async () => {
        const text = rule({ when: 'channel in [website, selfMedai]' });
        const ws = await workspace({ 'common.govrule': VOCABULARY, 'p.govrule': text });
        const [error] = linkingDiagnostics(ws, 'p.govrule');
        expect(error.message).toBe("'selfMedai' is not a value of attribute 'channel' (one of website, app, selfMedia); did you mean 'selfMedia'?");
        expect(error.range).toEqual(rangeOf(text, 'selfMedai'));
    });

    test('enum members are not names of the package', async () => {
        const text = rule({ responsible: 'app' });
        const ws = await workspace({ 'common.govrule': VOCABULARY, 'p.govrule': text });
        expect(linkingDiagnostics(ws, 'p.govrule').map(d => [d.code, d.message])).toEqual([['unresolved-reference', "Cannot find a post named 'app'"]]);
    });
});

describe('action parameters', () => {
    test('argument names link to the parameters of their action', async () => {
        const ws = await workspace({ 'common.govrule': VOCABULARY, 'p.govrule': rule({ actions: 'fine(note: "n", amount: 5 CNY)' }) });
        expect(linkingDiagnostics(ws, 'p.govrule')).toEqual([]);
        const call = clausesOf(ruleOf(ws)).actions!.calls[0];
        expect(call.args.map(a => a.param.ref)).toEqual([call.action.ref!.params[1], call.action.ref!.params[0]]);
    });

    test('an unknown parameter names the known ones and suggests the closest', async () => {
        const text = rule({ actions: 'rectify(dedline: 5d)' });
        const ws = await workspace({ 'common.govrule': VOCABULARY, 'p.govrule': text });
        const errors = linkingDiagnostics(ws, 'p.govrule');
        // The unknown name, and (at the action) the required argument that is still missing.
        expect(errors.map(e => [e.code, e.range])).toEqual(expect.arrayContaining([
            ['action-arguments', rangeIn(text, 'actions', 'rectify')], ['action-arguments', rangeOf(text, 'dedline')]]));
        expect(errors).toHaveLength(2);
        expect(errors.find(e => e.range.start.character === rangeOf(text, 'dedline').start.character)).toMatchObject({
            message: "Action 'rectify' has no parameter 'dedline' (its parameters are deadline); did you mean 'deadline'?",
        });
    });

    test('an action without parameters says so', async () => {
        const text = rule({ actions: 'remove(x: 1)' });
        const ws = await workspace({ 'common.govrule': VOCABULARY, 'p.govrule': text });
        const errors = linkingDiagnostics(ws, 'p.govrule');
        expect(errors.map(e => [e.code, e.message, e.range])).toEqual([
            ['action-arguments', "Action 'remove' has no parameter 'x' (it takes no parameters)", rangeIn(text, 'actions remove', 'x')]]);
    });

    test('arguments of an unresolved action are not reported again', async () => {
        const text = rule({ actions: 'remvoe(x: 1)' });
        const ws = await workspace({ 'common.govrule': VOCABULARY, 'p.govrule': text });
        expect(linkingDiagnostics(ws, 'p.govrule').map(e => e.code)).toEqual(['unresolved-reference']);
    });
});

describe('did you mean', () => {
    test('an unresolved name suggests close visible names of the expected kind', async () => {
        const text = rule({ severity: 'critcal', responsible: 'reviwer', actions: 'remvoe' });
        const ws = await workspace({ 'common.govrule': VOCABULARY, 'p.govrule': text });
        const errors = linkingDiagnostics(ws, 'p.govrule');
        expect(errors.map(e => [e.code, e.message, e.range])).toEqual([
            ['unresolved-reference', "Cannot find a severity level named 'critcal'; did you mean 'critical'?", rangeOf(text, 'critcal')],
            ['unresolved-reference', "Cannot find a post named 'reviwer'; did you mean 'reviewer'?", rangeOf(text, 'reviwer')],
            ['unresolved-reference', "Cannot find an action named 'remvoe'; did you mean 'remove'?", rangeOf(text, 'remvoe')],
        ]);
        expect(errors.map(e => (e.data as { suggestions: string[] }).suggestions)).toEqual([['critical'], ['reviewer'], ['remove']]);
    });

    test('suggestions use the shortest name that resolves at that place', async () => {
        const ws = await workspace({
            'cats.govrule': 'package t.cats\ncategory rumor { category enterprise }\n',
            'common.govrule': VOCABULARY,
            'p.govrule': rule({ category: 'rumor.enterprize' }, 'import demo.common.*\nimport t.cats.*', ''),
        });
        const [error] = linkingDiagnostics(ws, 'p.govrule');
        expect(error.message).toBe("Cannot find a category named 'rumor.enterprize'; did you mean 'rumor.enterprise'?");
    });

    test('a name of another kind or far away is not suggested', async () => {
        const ws = await workspace({ 'common.govrule': VOCABULARY, 'p.govrule': rule({ responsible: 'remove2', severity: 'zzzzzz' }) });
        const messages = linkingDiagnostics(ws, 'p.govrule').map(e => e.message);
        expect(messages).toEqual(["Cannot find a severity level named 'zzzzzz'", "Cannot find a post named 'remove2'"]);
    });

    test('a name in a package that is not imported is not suggested', async () => {
        const ws = await workspace({
            'other.govrule': 'package t.other\npost reviewers\n',
            'common.govrule': VOCABULARY,
            'p.govrule': rule({ responsible: 'reviewerz' }, 'import demo.common.minor\nimport demo.common.remove'),
        });
        const [error] = linkingDiagnostics(ws, 'p.govrule');
        expect(error.message).toBe("Cannot find a post named 'reviewerz'");
    });

    test('CJK names count one edit per character', async () => {
        const ws = await workspace({
            'common.govrule': VOCABULARY,
            'p.govrule': rule({ responsible: '审核员甲' }, 'import demo.common.*', 'category c\npost 审核员乙'),
        });
        const [error] = linkingDiagnostics(ws, 'p.govrule');
        expect(error.message).toBe("Cannot find a post named '审核员甲'; did you mean '审核员乙'?");
    });
});

describe('package boundaries', () => {
    test('import t.* does not reach into package t.x, which only shares the prefix', async () => {
        const ws = await workspace({
            'common.govrule': VOCABULARY,
            'uses.govrule': USES_VOCABULARY,
            't.govrule': 'package t\n',
            'tx.govrule': 'package t.x\npost leaf\n',
            'r.govrule': 'package other\nimport t.*\nimport demo.common.*\ncategory c\nrule r { category c severity minor responsible x.leaf actions remove }\n',
        });
        expect(ws.diagnostics('r.govrule').map(d => d.code)).toContain('unresolved-reference');
    });

    test('the fully qualified name still reaches it', async () => {
        const ws = await workspace({
            'common.govrule': VOCABULARY,
            'uses.govrule': USES_VOCABULARY,
            'tx.govrule': 'package t.x\npost leaf\n',
            'r.govrule': 'package other\nimport demo.common.*\ncategory c\nrule r { category c severity minor responsible t.x.leaf actions remove }\n',
        });
        expect(ws.diagnostics('r.govrule').filter(d => d.severity === 1)).toEqual([]);
    });
});
