/**
 * The coverage of a test run, placed in the files: for each file, the enabled rules and leaf
 * categories it declares, where, and how many of the run's tests reached each. What counts as
 * reached is `govrule test --coverage`'s (runtime/coverage.ts): a rule when it wins a test, a leaf
 * category when it is a test's `given` category. The editor shows it as statement coverage.
 */
import type { Range } from 'vscode-languageserver';
import { declarationsOf, qualifiedName } from '../../model/names.js';
import { computeCoverage, testsByRule, type LoadedBundle, type TestResult } from '../../runtime/index.js';
import * as ast from '../../syntax/generated/ast.js';
import type { Compiled } from '../server/workspace-compiler.js';

/** A rule or leaf category that a run could reach, and how many of its tests did. */
export interface CoveredDeclaration {
    readonly kind: 'rule' | 'category';
    readonly id: string;
    /** The whole declaration (a rule's block, a leaf category's line). */
    readonly range: Range;
    readonly tests: number;
}

export interface FileCoverage {
    readonly uri: string;
    /** In source order. */
    readonly declarations: readonly CoveredDeclaration[];
}

/** The files that declare enabled rules or leaf categories, sorted by URI; files with neither are left out. */
export function coverageByFile(compiled: Compiled, loaded: LoadedBundle, results: readonly TestResult[]): FileCoverage[] {
    const coverage = computeCoverage(loaded, results);
    const rules = new Set([...coverage.rules.covered, ...coverage.rules.missed]);
    const leaves = new Set([...coverage.leafCategories.covered, ...coverage.leafCategories.missed]);
    const ruleTests = new Map([...testsByRule(results)].map(([id, tests]) => [id, tests.length]));
    const categoryTests = new Map<string, number>();
    for (const result of results) {
        const category = result.test.given.category;
        categoryTests.set(category, (categoryTests.get(category) ?? 0) + 1);
    }

    const files: FileCoverage[] = [];
    for (const document of compiled.files.values()) {
        const declarations: CoveredDeclaration[] = [];
        for (const declaration of declarationsOf(document.parseResult.value as ast.Model)) {
            const range = declaration.$cstNode?.range;
            if (!range || !(ast.isRule(declaration) || ast.isCategory(declaration))) {
                continue;
            }
            const id = qualifiedName(declaration);
            if (ast.isRule(declaration) && rules.has(id)) {
                declarations.push({ kind: 'rule', id, range, tests: ruleTests.get(id) ?? 0 });
            } else if (ast.isCategory(declaration) && leaves.has(id)) {
                declarations.push({ kind: 'category', id, range, tests: categoryTests.get(id) ?? 0 });
            }
        }
        if (declarations.length > 0) {
            files.push({ uri: document.uri.toString(), declarations });
        }
    }
    return files.sort((a, b) => (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : 0));
}
