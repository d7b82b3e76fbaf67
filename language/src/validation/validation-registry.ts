/**
 * Langium's registry, made cheap for large workspaces: checks run synchronously (Langium wraps
 * each in an async function, one await per node and check), and the checks for a node type are
 * looked up once instead of being filtered into a new stream for every node.
 */
import { AstUtils, ValidationRegistry, isOperationCancelled, type AstNode, type ValidationCheck } from 'langium';
import { internalError, internalErrorMessage } from '../internal-errors.js';
import { hasSyntaxErrors } from '../syntax/syntax-errors.js';

export class GovRuleValidationRegistry extends ValidationRegistry {
    private readonly byType = new Map<string, readonly ValidationCheck[]>();

    /** All checks for a node type (GovRule uses no validation categories). */
    checksFor(type: string): readonly ValidationCheck[] {
        let checks = this.byType.get(type);
        if (!checks) {
            checks = this.getChecks(type).toArray();
            this.byType.set(type, checks);
        }
        return checks;
    }

    protected override wrapValidationException(check: ValidationCheck, thisObj: unknown): ValidationCheck {
        return (node: AstNode, accept, cancelToken) => {
            try {
                return check.call(thisObj, node, accept, cancelToken);
            } catch (err) {
                if (isOperationCancelled(err)) {
                    throw err;
                }
                // A tree with syntax errors may lack parts a check relies on; the syntax error is what
                // the author must fix, so a failing check there says nothing new.
                if (!hasSyntaxErrors(AstUtils.getDocument(node))) {
                    const { data } = internalError('validation', err);
                    accept('error', internalErrorMessage('validation', err), { node, code: 'internal-error', data });
                }
                return undefined;
            }
        };
    }

    protected override addEntry(type: string, entry: Parameters<ValidationRegistry['addEntry']>[1]): void {
        super.addEntry(type, entry);
        this.byType.clear();
    }
}
