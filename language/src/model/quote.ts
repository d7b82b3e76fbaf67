/**
 * Names as messages quote them. A name is user input of any length; a message quotes at most its
 * first 40 characters, so that a megabyte-long name makes a short message, not a megabyte one.
 */

/** Characters (code points) of a name that a message shows. */
export const SHOWN_LENGTH = 40;

/** `name`, or its first 40 characters followed by "…". */
export function shortened(name: string): string {
    if (name.length <= SHOWN_LENGTH) {
        return name;
    }
    const points = Array.from(name.slice(0, 2 * SHOWN_LENGTH));
    return points.length <= SHOWN_LENGTH && name.length <= 2 * SHOWN_LENGTH ? name : `${points.slice(0, SHOWN_LENGTH).join('')}…`;
}

/** `'name'`, shortened. */
export function quoted(name: string): string {
    return `'${shortened(name)}'`;
}
