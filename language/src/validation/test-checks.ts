/**
 * Checks on `test` blocks (§7), beyond the names and literal types that linking and
 * condition-checks cover: a test needs a `given` and at least one `expect`; each item is given
 * once (escalation expectations once per target); the event gives every attribute that has no
 * default (else it could not be decided, §8); test names are unique in a package.
 */
import { DocumentState, WorkspaceCache, type ValidationAcceptor } from 'langium';
import * as ast from '../syntax/generated/ast.js';
import type { GovRuleServices } from '../services.js';
import { modelOf } from '../model/names.js';
import { enumeration, typeWords } from '../l10n/diagnostic-words.js';
import { t } from '../l10n/index.js';
import type { WorkspaceFacts } from './workspace-facts.js';
import { shortened } from '../model/quote.js';
import type { DiagnosticData } from '../diagnostics.js';
import { worldOf, type World } from '../references/worlds.js';

/** How each single item is written, for messages. */
const ITEM_KEYWORDS: Partial<Record<ast.TestItem['$type'], string>> = {
    Given: 'given',
    On: 'on',
    ExpectRule: 'expect rule',
    ExpectActions: 'expect actions',
    ExpectSeverity: 'expect severity',
    ExpectResponsible: 'expect responsible',
};

export class TestChecks {
    private readonly facts: WorkspaceFacts;
    private readonly testsByName: WorkspaceCache<string, Map<string, ast.Test[]>>;

    constructor(services: GovRuleServices) {
        this.facts = services.validation.WorkspaceFacts;
        this.testsByName = new WorkspaceCache(services.shared, DocumentState.Linked);
    }

    /** missing-clause (no given, no expectation) and duplicate-clause (an item twice). */
    checkItems(test: ast.Test, accept: ValidationAcceptor): void {
        const seen = new Set<string>();
        const targets = new Set<ast.EscalationTarget>();
        for (const item of test.items) {
            const keyword = ITEM_KEYWORDS[item.$type];
            if (keyword) {
                if (seen.has(keyword)) {
                    accept('error', t('diagnostics.duplicate-clause.test', { test: test.name, keyword }), { node: item, code: 'duplicate-clause' });
                }
                seen.add(keyword);
            } else if (ast.isExpectEscalation(item) && item.target.ref) {
                if (targets.has(item.target.ref)) {
                    accept('error', t('diagnostics.duplicate-clause.test-escalation', { test: test.name, target: shortened(item.target.ref.name) }),
                        { node: item, property: 'target', code: 'duplicate-clause' });
                }
                targets.add(item.target.ref);
            }
        }
        if (!seen.has('given')) {
            accept('error', t('diagnostics.missing-clause.given', { test: test.name, example: 'given category { attribute: value }' }),
                { node: test, property: 'name', code: 'missing-clause', data: { clause: 'given' } satisfies DiagnosticData });
        }
        if (!test.items.some(item => item.$type.startsWith('Expect'))) {
            accept('error', t('diagnostics.missing-clause.expect', { test: test.name }),
                { node: test, property: 'name', code: 'missing-clause', data: { clause: 'expect' } satisfies DiagnosticData });
        }
    }

    /** duplicate-clause for an attribute given twice; missing-clause for a required attribute not given. */
    checkGiven(given: ast.Given, accept: ValidationAcceptor): void {
        const named = new Set<string>();
        for (const attr of given.attributes) {
            const name = attr.attribute.ref?.name ?? attr.attribute.$refText;
            if (named.has(name)) {
                accept('error', t('diagnostics.duplicate-clause.given', { name: shortened(name) }), { node: attr, property: 'attribute', code: 'duplicate-clause' });
            }
            named.add(name);
        }
        const missing: ast.Attribute[] = [];
        for (const [name, attributes] of this.facts.get(worldOf(given)).attributesByName) {
            // Two attributes of one name are an error of their own; the event cannot be judged here.
            if (attributes.length === 1 && !attributes[0].default && !named.has(name)) {
                missing.push(attributes[0]);
            }
        }
        if (missing.length > 0) {
            const list = enumeration(missing.map(a => t('diagnostics.missing-clause.attribute', { name: shortened(a.name), type: typeWords(a) })));
            const example = missing.map(a => `${a.name}: …`).join(', ');
            const params = { list, event: `{ ${example} }` };
            accept('error', missing.length === 1 ? t('diagnostics.missing-clause.attributes-one', params) : t('diagnostics.missing-clause.attributes', params),
                { node: given, keyword: 'given', code: 'missing-clause', data: { missing: missing.map(a => a.name) } satisfies DiagnosticData });
        }
    }

    /** duplicate-name: results are reported by test name, so two tests of one package need two names. */
    checkUniqueName(test: ast.Test, accept: ValidationAcceptor): void {
        const key = testKey(test);
        const world = worldOf(test);
        const same = this.testsByName.get(`tests:${world}`, () => this.collect(world)).get(key) ?? [];
        if (same.length > 1) {
            accept('error', t('diagnostics.duplicate-name.test', { package: shortened(modelOf(test)?.name ?? ''), count: same.length, test: test.name }),
                { node: test, property: 'name', code: 'duplicate-name' });
        }
    }

    private collect(world: World): Map<string, ast.Test[]> {
        const byName = new Map<string, ast.Test[]>();
        for (const doc of this.facts.get(world).documents) {
            for (const element of (doc.parseResult.value as ast.Model).elements) {
                if (ast.isTest(element)) {
                    const key = testKey(element);
                    const list = byName.get(key);
                    if (list) list.push(element); else byName.set(key, [element]);
                }
            }
        }
        return byName;
    }
}

function testKey(test: ast.Test): string {
    return `${modelOf(test)?.name ?? ''}\u0000${test.name}`;
}
