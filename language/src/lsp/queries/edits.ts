/** Text edits that several features make: adding an import, removing a line. */
import { GrammarUtils, type LangiumDocument } from 'langium';
import type { Range, TextEdit } from 'vscode-languageserver';
import * as ast from '../../syntax/generated/ast.js';

/**
 * Adds `import path` on a new line after the existing imports (or after the `package` line);
 * undefined when the file already has that import, or has no package line to put it after.
 */
export function addImportEdit(document: LangiumDocument, path: string): TextEdit | undefined {
    const model = document.parseResult.value;
    if (!ast.isModel(model) || model.imports.some(imp => imp.path === path)) {
        return undefined;
    }
    const anchor = model.imports[model.imports.length - 1]?.$cstNode ?? GrammarUtils.findNodeForProperty(model.$cstNode, 'name');
    if (!anchor) {
        // No package line to put it after: the file must be fixed first.
        return undefined;
    }
    const end = anchor.range.end;
    return { range: { start: end, end }, newText: `\nimport ${path}` };
}

/**
 * The whole lines a node occupies, with the line break, when nothing else is on them; else the
 * node's own range. Removing a declaration or clause leaves no blank line behind.
 */
export function removalRange(document: LangiumDocument, range: Range): Range {
    const text = document.textDocument.getText();
    const start = document.textDocument.offsetAt(range.start);
    const end = document.textDocument.offsetAt(range.end);
    const lineStart = text.lastIndexOf('\n', start - 1) + 1;
    let lineEnd = text.indexOf('\n', end);
    if (lineEnd < 0) {
        lineEnd = text.length;
    }
    const before = text.slice(lineStart, start);
    const after = text.slice(end, lineEnd);
    if (before.trim() === '' && after.trim() === '') {
        const through = lineEnd < text.length ? lineEnd + 1 : lineEnd;
        return { start: document.textDocument.positionAt(lineStart), end: document.textDocument.positionAt(through) };
    }
    return range;
}
