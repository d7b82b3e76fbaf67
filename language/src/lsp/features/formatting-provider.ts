/**
 * Document, range and on-type formatting for the language server, all from the one formatter
 * that `govrule fmt` uses (language/src/format). A file with syntax errors gets no edits: its
 * diagnostics already say what is wrong, and guessing a layout could move code around.
 */
import { CstUtils, type LangiumCoreServices, type LangiumDocument } from 'langium';
import type { Formatter } from 'langium/lsp';
import type {
    DocumentFormattingParams, DocumentOnTypeFormattingOptions, DocumentOnTypeFormattingParams, DocumentRangeFormattingParams, TextEdit
} from 'vscode-languageserver-protocol';
import { editsWithin, formatDocument, type Replacement } from '../../format/formatter.js';

export class GovRuleFormatter implements Formatter {
    constructor(private readonly services: LangiumCoreServices) { }

    formatDocument(document: LangiumDocument, _params: DocumentFormattingParams): TextEdit[] {
        return this.edits(document, edits => edits);
    }

    formatDocumentRange(document: LangiumDocument, params: DocumentRangeFormattingParams): TextEdit[] {
        const start = document.textDocument.offsetAt(params.range.start);
        const end = document.textDocument.offsetAt(params.range.end);
        return this.edits(document, edits => editsWithin(edits, start, end));
    }

    /** Typing the `}` that closes a block lays out that block (from the start of its first line). */
    formatDocumentOnType(document: LangiumDocument, params: DocumentOnTypeFormattingParams): TextEdit[] {
        const root = document.parseResult.value.$cstNode;
        const offset = document.textDocument.offsetAt(params.position);
        const brace = root && params.ch === '}' ? CstUtils.findLeafNodeAtOffset(root, offset - 1) : undefined;
        const block = brace?.text === '}' && !brace.hidden ? brace.astNode.$cstNode : undefined;
        if (!brace || !block) {
            return [];
        }
        const text = document.textDocument.getText();
        const lineStart = Math.max(text.lastIndexOf('\n', block.offset - 1), text.lastIndexOf('\r', block.offset - 1)) + 1;
        return this.edits(document, edits => editsWithin(edits, lineStart, brace.end));
    }

    get formatOnTypeOptions(): DocumentOnTypeFormattingOptions {
        return { firstTriggerCharacter: '}' };
    }

    private edits(document: LangiumDocument, select: (edits: readonly Replacement[]) => readonly Replacement[]): TextEdit[] {
        const result = formatDocument(document, this.services);
        if (!result.ok) {
            return [];
        }
        return select(result.edits).map(e => ({
            range: { start: document.textDocument.positionAt(e.start), end: document.textDocument.positionAt(e.end) },
            newText: e.text,
        }));
    }
}
