/** Reads sources as the CLI does: a byte-order mark is dropped (cli/files.ts readSources). */
import { NodeFileSystemProvider } from 'langium/node';
import type { URI } from 'langium';

export class GovRuleFileSystemProvider extends NodeFileSystemProvider {
    override async readFile(uri: URI): Promise<string> {
        let text: string;
        try {
            text = await super.readFile(uri);
        } catch {
            // Deleted between the change event and the read (its deletion event follows), or
            // unreadable: one such file must not abort the build of all the others.
            return '';
        }
        return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
    }
}

export const GovRuleFileSystem = {
    fileSystemProvider: () => new GovRuleFileSystemProvider(),
};
