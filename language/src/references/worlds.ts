/**
 * Which documents see each other. The saved files form one world, the workspace: they are linked,
 * checked, compiled and tested together. Each untitled buffer (a scratch document the editor has
 * not saved) is a world of its own: it is checked on its own, its declarations are invisible to
 * every other document, and it never takes part in the workspace's build, tests or bundle.
 */
import { AstUtils, type AstNode, type LangiumDocument, type URI } from 'langium';

/** A world's key: `''` for the workspace, the document's URI for an untitled buffer. */
export type World = string;

export const WORKSPACE: World = '';

export function worldOfUri(uri: URI): World {
    return uri.scheme === 'untitled' ? uri.toString() : WORKSPACE;
}

export function worldOf(node: AstNode): World {
    return worldOfUri(AstUtils.getDocument(node).uri);
}

export function inWorld(world: World): (document: LangiumDocument) => boolean {
    return document => worldOfUri(document.uri) === world;
}
