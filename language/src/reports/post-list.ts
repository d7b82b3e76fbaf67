/**
 * The post management list (岗位管理清单, LANGUAGE.md §4.1) from a bundle: each post, the surfaces
 * it manages and the rules it is responsible for, in words. `govrule report posts` renders it as a
 * table; the rows are the same whatever the format.
 */
import type { Bundle, BundleElement } from '../bundle/types.js';
import { t } from '../l10n/index.js';

export interface PostListRow {
    /** The post as people know it: its label with its name, or its name. */
    readonly post: string;
    readonly id: string;
    /** One flag per column of `PostList.surfaces`. */
    readonly manages: readonly boolean[];
    /** The rules naming the post as responsible, as `post` is shown, in bundle (id) order. */
    readonly rules: readonly string[];
}

export interface PostList {
    /** The surfaces: the members of every managed attribute posts name, attributes by id, members in declared order. */
    readonly surfaces: readonly string[];
    readonly rows: readonly PostListRow[];
}

export function postList(bundle: Pick<Bundle, 'posts' | 'attributes' | 'rules'>): PostList {
    const attributeIds = new Set(bundle.posts.map(p => p.surfaceAttribute).filter((id): id is string => typeof id === 'string'));
    const surfaces: string[] = [];
    for (const attribute of bundle.attributes) {
        if (attributeIds.has(attribute.id)) {
            for (const value of attribute.values ?? []) {
                if (!surfaces.includes(value)) surfaces.push(value);
            }
        }
    }
    const postNames = shownNames(bundle.posts);
    const ruleNames = shownNames(bundle.rules);
    const rulesOf = new Map<string, string[]>();
    for (const rule of bundle.rules) {
        const list = rulesOf.get(rule.responsible) ?? [];
        list.push(ruleNames.get(rule.id)!);
        rulesOf.set(rule.responsible, list);
    }
    const rows = bundle.posts.map(post => {
        const managed = new Set(post.surfaces ?? []);
        return { post: postNames.get(post.id)!, id: post.id, manages: surfaces.map(s => managed.has(s)), rules: rulesOf.get(post.id) ?? [] };
    });
    return { surfaces, rows };
}

/** Each element by its label and name; by its id where two share a name (posts of two packages). */
function shownNames(elements: readonly BundleElement[]): Map<string, string> {
    const count = new Map<string, number>();
    for (const e of elements) count.set(e.name, (count.get(e.name) ?? 0) + 1);
    return new Map(elements.map(e => {
        const name = count.get(e.name)! > 1 ? e.id : e.name;
        return [e.id, e.label ? t('cli.report.posts.labelled', { label: e.label, name }) : name];
    }));
}
