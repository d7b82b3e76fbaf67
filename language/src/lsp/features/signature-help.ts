/**
 * Signature help inside an action call: `fine(amount: money, note: text?)` with the parameter
 * at the cursor highlighted. Works from the tokens before the cursor, so it helps while the
 * call is still unfinished and does not parse.
 */
import type { LangiumDocument } from 'langium';
import type { SignatureHelpProvider } from 'langium/lsp';
import type { CancellationToken, SignatureHelp, SignatureHelpOptions, SignatureHelpParams } from 'vscode-languageserver';
import { docComment } from '../../model/documentation.js';
import * as ast from '../../syntax/generated/ast.js';
import { VALUE_EXAMPLES } from '../../model/types.js';
import { t } from '../../l10n/index.js';
import { labelOf, paramText } from '../queries/describe.js';
import type { GovRuleLspServices } from '../server/services.js';

interface Token {
    readonly image: string;
    readonly type: string;
}

export class GovRuleSignatureHelpProvider implements SignatureHelpProvider {
    constructor(private readonly services: GovRuleLspServices) { }

    get signatureHelpOptions(): SignatureHelpOptions {
        return { triggerCharacters: ['('], retriggerCharacters: [',', ':'] };
    }

    provideSignatureHelp(document: LangiumDocument, params: SignatureHelpParams, _cancelToken?: CancellationToken): SignatureHelp | undefined {
        const model = document.parseResult.value;
        if (!ast.isModel(model)) {
            return undefined;
        }
        const text = document.textDocument.getText().slice(0, document.textDocument.offsetAt(params.position));
        const tokens: Token[] = this.services.parser.Lexer.tokenize(text).tokens.map(t => ({ image: t.image, type: t.tokenType.name }));
        const call = openCall(tokens);
        if (!call) {
            return undefined;
        }
        const resolution = this.services.references.NameResolver.resolve(call.name, model);
        const action = resolution.kind === 'found' ? resolution.entry.description.node : undefined;
        if (!ast.isAction(action)) {
            return undefined;
        }
        const labels = action.params.map(paramText);
        const signature = `${action.name}(${labels.join(', ')})`;
        let offset = action.name.length + 1;
        const parameters = action.params.map((param, i) => {
            const range: [number, number] = [offset, offset + labels[i].length];
            offset += labels[i].length + 2;
            const example = `${param.name}: ${VALUE_EXAMPLES[param.type]}`;
            return { label: range, documentation: t(param.optional ? 'editor.signature.optional-parameter' : 'editor.signature.parameter', { type: param.type, example }) };
        });
        const named = action.params.findIndex(p => p.name === call.current);
        const next = action.params.findIndex(p => !call.given.includes(p.name));
        const label = labelOf(action);
        const doc = docComment(this.services.documentation.CommentProvider, action);
        return {
            signatures: [{
                label: signature,
                documentation: { kind: 'markdown', value: [label, doc].filter(Boolean).join('\n\n') },
                parameters,
            }],
            activeSignature: 0,
            activeParameter: named >= 0 ? named : next >= 0 ? next : Math.min(call.index, Math.max(0, action.params.length - 1)),
        };
    }
}

/**
 * The innermost unclosed `(` before the cursor that follows a dotted name: that name, the
 * argument names given before the cursor, the name of the argument being written (if typed)
 * and its position.
 */
function openCall(tokens: readonly Token[]): { name: string; given: string[]; current?: string; index: number } | undefined {
    let depth = 0;
    for (let i = tokens.length - 1; i >= 0; i--) {
        const image = tokens[i].image;
        if (image === ')') {
            depth++;
        } else if (image === '(') {
            if (depth > 0) {
                depth--;
                continue;
            }
            const name = nameBefore(tokens, i);
            if (!name) {
                return undefined;
            }
            const args = tokens.slice(i + 1);
            const given: string[] = [];
            let index = 0;
            let current: string | undefined;
            args.forEach((token, k) => {
                if (token.image === ',') {
                    index++;
                    current = undefined;
                } else if (token.type === 'ID' && args[k + 1]?.image === ':') {
                    given.push(token.image);
                    current = token.image;
                }
            });
            return { name, given, current, index };
        } else if (image === '{' || image === '}') {
            return undefined;
        }
    }
    return undefined;
}

function nameBefore(tokens: readonly Token[], paren: number): string | undefined {
    const parts: string[] = [];
    let i = paren - 1;
    while (i >= 0 && tokens[i].type === 'ID') {
        parts.unshift(tokens[i].image);
        if (tokens[i - 1]?.image !== '.') {
            break;
        }
        i -= 2;
    }
    return parts.length > 0 ? parts.join('.') : undefined;
}
