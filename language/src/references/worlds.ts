/**
 * Which documents see each other. The saved files form one world, the workspace: they are linked,
 * checked, compiled and tested together. Each untitled buffer (a scratch document the editor has
 * not saved) is a world of its own that also sees the workspace: it can import the workspace's
 * vocabulary and is checked as if it were saved beside it, but nothing in the workspace sees the
 * buffer, so it never takes part in the workspace's build, tests or bundle.
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

/** The documents `world` sees: its own, and for an untitled buffer the workspace's too. */
export function inWorld(world: World): (document: LangiumDocument) => boolean {
    return document => seenFrom(world, worldOfUri(document.uri));
}

/** Whether what lives in world `owner` is visible from `world`. */
export function seenFrom(world: World, owner: World): boolean {
    return owner === world || owner === WORKSPACE;
}
