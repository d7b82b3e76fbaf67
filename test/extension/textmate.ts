/** Loads the extension's TextMate grammar with the same engine VS Code uses (vscode-textmate + Oniguruma). */
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import * as oniguruma from 'vscode-oniguruma';
import * as textmate from 'vscode-textmate';

export const ROOT = path.resolve(__dirname, '..', '..');
export const GRAMMAR_FILE = path.join(ROOT, 'extension', 'syntaxes', 'govrule.tmLanguage.json');

export interface Token {
    readonly line: number;
    readonly column: number;
    readonly text: string;
    /** Scopes from outermost (`source.govrule`) to innermost. */
    readonly scopes: readonly string[];
}

let grammar: Promise<textmate.IGrammar> | undefined;

export function loadGrammar(): Promise<textmate.IGrammar> {
    grammar ??= (async () => {
        const wasm = fs.readFileSync(path.join(path.dirname(createRequire(__filename).resolve('vscode-oniguruma')), 'onig.wasm'));
        await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
        const registry = new textmate.Registry({
            onigLib: Promise.resolve({
                createOnigScanner: patterns => new oniguruma.OnigScanner(patterns),
                createOnigString: text => new oniguruma.OnigString(text),
            }),
            loadGrammar: async scopeName => scopeName === 'source.govrule'
                ? textmate.parseRawGrammar(fs.readFileSync(GRAMMAR_FILE, 'utf8'), GRAMMAR_FILE)
                : null,
        });
        const loaded = await registry.loadGrammar('source.govrule');
        if (!loaded) {
            throw new Error('the GovRule grammar did not load');
        }
        return loaded;
    })();
    return grammar;
}

/** Tokenizes a whole text line by line, carrying the rule stack across lines as an editor does. */
export async function tokenize(text: string): Promise<Token[]> {
    const g = await loadGrammar();
    const tokens: Token[] = [];
    let stack = textmate.INITIAL;
    text.split(/\r?\n/).forEach((lineText, line) => {
        const result = g.tokenizeLine(lineText, stack);
        for (const t of result.tokens) {
            tokens.push({ line, column: t.startIndex, text: lineText.slice(t.startIndex, t.endIndex), scopes: t.scopes });
        }
        stack = result.ruleStack;
    });
    return tokens;
}
