/** Diagnostics in the editor link their code to its section of the diagnostics reference. */
import type { Cancellation, LangiumDocument, ValidationOptions } from 'langium';
import type { Diagnostic } from 'vscode-languageserver';
import { codeDocUrl, isDiagnosticCode } from '../../diagnostics.js';
import { GovRuleDocumentValidator } from '../../validation/document-validator.js';

export class LspDocumentValidator extends GovRuleDocumentValidator {
    override async validateDocument(document: LangiumDocument, options: ValidationOptions = {}, cancelToken?: Cancellation.CancellationToken): Promise<Diagnostic[]> {
        const diagnostics = await super.validateDocument(document, options, cancelToken);
        return diagnostics.map(withDocLink);
    }
}

export function withDocLink(diagnostic: Diagnostic): Diagnostic {
    return isDiagnosticCode(diagnostic.code) ? { ...diagnostic, codeDescription: { href: codeDocUrl(diagnostic.code) } } : diagnostic;
}
