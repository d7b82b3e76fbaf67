/**
 * The conditions of rules as their authors wrote them: the source text of each `when` clause's
 * condition, by rule id. The bundle holds conditions as JsonLogic, which nobody signs off on.
 */
import type { LangiumDocument } from 'langium';
import * as ast from '../syntax/generated/ast.js';
import { declarationsOf, qualifiedName } from '../model/names.js';
import { clausesOf } from '../model/rules.js';

/**
 * Line breaks and indentation inside a condition follow the file's layout, not the condition's:
 * each line is trimmed and continuation lines are indented by four spaces, as `govrule fmt` does.
 */
function normalise(text: string): string {
    const lines = text.split(/\r\n|\r|\n/).map(line => line.trim()).filter(line => line !== '');
    return lines.map((line, i) => (i === 0 ? line : `    ${line}`)).join('\n');
}

export function conditionTexts(documents: readonly LangiumDocument[]): Map<string, string> {
    const texts = new Map<string, string>();
    for (const document of documents) {
        const model = document.parseResult.value as ast.Model;
        for (const declaration of declarationsOf(model)) {
            if (!ast.isRule(declaration)) {
                continue;
            }
            const text = clausesOf(declaration).when?.condition?.$cstNode?.text;
            if (text !== undefined) {
                texts.set(qualifiedName(declaration), normalise(text));
            }
        }
    }
    return texts;
}
