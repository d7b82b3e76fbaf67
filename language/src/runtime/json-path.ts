/**
 * Where in a bundle a problem is: a JSON Pointer (RFC 6901), built as a linked list while a walk
 * descends, so that a deep walk does not copy its path at every level.
 */
export interface JsonPath {
    readonly parent: JsonPath | undefined;
    readonly key: string | number;
}

export const ROOT_PATH: JsonPath | undefined = undefined;

export function childPath(parent: JsonPath | undefined, key: string | number): JsonPath {
    return { parent, key };
}

/** The exact pointer: `''` for the whole document, else `/rules/0/when`. */
export function pointer(path: JsonPath | undefined): string {
    const keys: string[] = [];
    for (let p = path; p; p = p.parent) {
        keys.push(String(p.key).replace(/~/g, '~0').replace(/\//g, '~1'));
    }
    return keys.length === 0 ? '' : `/${keys.reverse().join('/')}`;
}

/** Segments shown of a long pointer in a message: the start says which element it is. */
const SHOWN_SEGMENTS = 12;
const SHOWN_KEY = 40;

/** A pointer for a one-line message: `/` for the root, long keys and deep paths shortened. */
export function pointerText(pointerString: string): string {
    if (pointerString === '') {
        return '/';
    }
    const segments = pointerString.slice(1).split('/');
    const shown = segments.slice(0, SHOWN_SEGMENTS).map(s => (s.length > SHOWN_KEY ? `${s.slice(0, SHOWN_KEY)}…` : s));
    return `/${shown.join('/')}${segments.length > SHOWN_SEGMENTS ? `/… (${segments.length} keys in all)` : ''}`;
}
