/**
 * ARCHITECTURE.md's code map stays true: every file of language/src is in a room of the table in
 * scripts/layers.mjs, and no room imports a room the table does not allow (none above it).
 */
import { describe, expect, test } from 'vitest';
// @ts-expect-error: a plain ES module script, without type declarations.
import { ROOMS, importEdges, layeringProblems, roomGraph, roomOf } from '../../scripts/layers.mjs';

interface Edge { from: string; to: string; typeOnly: boolean }

describe('the layering of language/src', () => {
    test('reads the imports of the sources (the graph is not empty)', () => {
        const edges: Edge[] = importEdges();
        expect(edges.length).toBeGreaterThan(300);
        expect(edges).toContainEqual({ from: 'runtime/decide.ts', to: 'bundle/types.ts', typeOnly: true });
        expect(roomGraph(edges).get('compiler')).toContain('bundle');
    });

    test('every import goes to a room the table allows, and the table is layered', () => {
        expect(layeringProblems()).toEqual([]);
    });

    test('an import of a room above is reported', () => {
        const edges: Edge[] = [
            ...importEdges(),
            { from: 'runtime/decide.ts', to: 'compiler/bundle.ts', typeOnly: false },
            { from: 'validation/validator.ts', to: 'lsp/features/hover-provider.ts', typeOnly: true },
            { from: 'services.ts', to: 'validation/validator.ts', typeOnly: false },
        ];
        expect(layeringProblems(edges)).toEqual([
            'runtime/decide.ts (runtime) imports compiler/bundle.ts (compiler), which runtime may not import',
            'validation/validator.ts (validation) imports lsp/features/hover-provider.ts (lsp/features), which validation may not import',
            'services.ts (services) holds types only, but imports code from validation/validator.ts',
        ]);
    });

    test('compiler, runtime and diff meet only in bundle/', () => {
        const graph: Map<string, string[]> = roomGraph();
        expect(graph.get('runtime')).not.toContain('compiler');
        expect(graph.get('compiler')).not.toContain('runtime');
        // diff's reports speak the reader's language (l10n), which depends on nothing.
        expect(graph.get('diff')).toEqual(['bundle', 'l10n', 'runtime']);
        // The words of test results, shared by the CLI and the editor, need no compiler either.
        expect(graph.get('reports')).toEqual(['bundle', 'l10n', 'runtime']);
    });

    test('rooms are found by their longest path', () => {
        expect(roomOf('syntax/generated/ast.ts')).toBe('ast');
        expect(roomOf('syntax/mistakes.ts')).toBe('syntax');
        expect(roomOf('lsp/server/main.ts')).toBe('lsp/start');
        expect(roomOf('lsp/server/services.ts')).toBe('lsp/services');
        expect(roomOf('nowhere/new.ts')).toBe('unmapped:nowhere/new.ts');
        expect(ROOMS.map((r: { room: string }) => r.room)).toContain('project');
    });
});
