/**
 * The texts the extension shows people, read from extension/src with the TypeScript parser: the
 * first argument of each `t(…)` / `vscode.l10n.t(…)` and the two texts of each `tCount(n, one, other)`
 * (extension/src/l10n.ts; language.ts forwards them to `vscode.l10n.t`). Also the calls that would show a text that does not go through them.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import ts from 'typescript';

export interface FoundText {
    readonly file: string;
    readonly line: number;
    /** The text, or undefined when the argument is not a plain string literal (which the test refuses). */
    readonly text: string | undefined;
}

export interface ExtensionTexts {
    readonly texts: FoundText[];
    /** `showErrorMessage('…')`, `title: `…`` and the like: a literal shown to people without `t`. */
    readonly untranslated: FoundText[];
}

/** The window functions whose first argument is shown as it is. */
const SHOWN = new Set(['showErrorMessage', 'showWarningMessage', 'showInformationMessage']);
/** Object properties VS Code shows (progress and picker titles, placeholders, status items). */
const SHOWN_PROPERTIES = new Set(['title', 'placeHolder', 'placeholder', 'tooltip', 'saveLabel', 'openLabel', 'prompt']);

function literal(node: ts.Node | undefined): string | undefined {
    return node && (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) ? node.text : undefined;
}

/** A literal, or a template, holding words (not only a codicon like `$(question) GovRule`). */
function wordy(node: ts.Node): boolean {
    const text = ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) ? node.text
        : ts.isTemplateExpression(node) ? [node.head.text, ...node.templateSpans.map(s => s.literal.text)].join(' ') : undefined;
    if (text === undefined) {
        return false;
    }
    const words = text.replace(/\$\([a-z-~]+\)/g, '').replace(/\bGovRule\b/g, '').trim();
    return /\p{L}{2,}/u.test(words);
}

function calleeName(call: ts.CallExpression): string | undefined {
    const callee = call.expression;
    if (ts.isIdentifier(callee)) {
        return callee.text;
    }
    if (ts.isPropertyAccessExpression(callee)) {
        const owner = callee.expression.getText();
        return owner === 'vscode.l10n' ? 'vscode.l10n.t' : callee.name.text;
    }
    return undefined;
}

/** The texts of one source file (`file` as named in messages, relative to the project). */
export function textsIn(file: string, text: string): ExtensionTexts {
    const texts: FoundText[] = [];
    const untranslated: FoundText[] = [];
    const source = ts.createSourceFile(path.basename(file), text, ts.ScriptTarget.Latest, true);
    const at = (node: ts.Node, found: string | undefined): FoundText =>
        ({ file, line: source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1, text: found });
    // l10n.ts defines t and tCount (their parameters are not texts); language.ts forwards every
    // text to vscode.l10n.t.
    const defining = file === path.join('extension', 'src', 'l10n.ts');
    const forwarding = file === path.join('extension', 'src', 'language.ts');
    const visit = (node: ts.Node): void => {
        if (ts.isCallExpression(node)) {
            const name = calleeName(node);
            if (!defining && (name === 't' || (name === 'vscode.l10n.t' && !forwarding))) {
                texts.push(at(node, literal(node.arguments[0])));
            } else if (!defining && name === 'tCount') {
                texts.push(at(node, literal(node.arguments[1])), at(node, literal(node.arguments[2])));
            }
            const first = node.arguments[0];
            if (name !== undefined && SHOWN.has(name) && first && wordy(first)) {
                untranslated.push(at(first, first.getText(source)));
            }
        }
        if (ts.isPropertyAssignment(node) && SHOWN_PROPERTIES.has(node.name.getText(source)) && wordy(node.initializer)) {
            untranslated.push(at(node, node.getText(source)));
        }
        if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.EqualsToken
            && ts.isPropertyAccessExpression(node.left) && SHOWN_PROPERTIES.has(node.left.name.text) && wordy(node.right)) {
            untranslated.push(at(node, node.getText(source)));
        }
        ts.forEachChild(node, visit);
    };
    visit(source);
    return { texts, untranslated };
}

/** The texts of every module of extension/src. */
export function extensionTexts(root: string): ExtensionTexts {
    const dir = path.join(root, 'extension', 'src');
    const all: ExtensionTexts = { texts: [], untranslated: [] };
    for (const name of fs.readdirSync(dir).filter(n => n.endsWith('.ts')).sort()) {
        const file = path.join('extension', 'src', name);
        const found = textsIn(file, fs.readFileSync(path.join(root, file), 'utf8'));
        all.texts.push(...found.texts);
        all.untranslated.push(...found.untranslated);
    }
    return all;
}
