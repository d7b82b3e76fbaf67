/**
 * The bundle's shape (§9, docs/bundle.md) as TypeScript sees it: what compiler/ writes, runtime/
 * reads and the extension shows. language/schema/bundle.schema.json is the same contract for
 * everyone else; neither side of it imports the other.
 */

export type Scalar = string | number | boolean;

/** A condition as JsonLogic with strict operators. */
export type JsonLogic = boolean | { [operator: string]: unknown };

export interface Duration {
    /** ISO 8601; weeks are written as days (P7D). */
    readonly iso: string;
    readonly seconds: number;
}

export interface Money { amount: number; currency: string }
export type Value = Scalar | Duration | Money;

/** The type of an action's parameter. */
export type ParamType = 'boolean' | 'duration' | 'money' | 'number' | 'text';

export interface Source { file: string; line: number; column: number }
export interface BundleElement { id: string; name: string; label: string | null; doc: string | null; source: Source }

export interface Bundle {
    format: 'govrule-bundle';
    formatVersion: 2;
    compiler: { name: 'govrule'; version: string };
    packages: Array<{ id: string; files: string[] }>;
    severities: Array<BundleElement & { rank: number }>;
    posts: BundlePost[];
    authorities: BundleElement[];
    actions: Array<BundleElement & { params: Array<{ name: string; type: ParamType; optional: boolean }> }>;
    attributes: Array<BundleElement & { type: string; values: string[] | null; default: Scalar | null }>;
    categories: Array<BundleElement & { parent: string | null }>;
    campaigns: BundleCampaign[];
    rules: BundleRule[];
    tests: BundleTest[];
}

/** A special campaign (专项行动): the period in force of the rules that join it. */
export interface BundleCampaign extends BundleElement {
    effective: { from: string | null; to: string | null };
}

/**
 * A post, with the surfaces it manages (the post management list): members of the enum attribute
 * `surfaceAttribute`, which its package declares `managed`; `[]` and null when the post declares none.
 */
export interface BundlePost extends BundleElement {
    surfaces: string[];
    surfaceAttribute: string | null;
}

export interface BundleRule extends BundleElement {
    categories: string[];
    severity: string;
    responsible: string;
    actions: Array<{ action: string; args: Record<string, Value> }>;
    escalation: Array<{ after: string; afterSeconds: number; to: string; toKind: 'post' | 'authority' }>;
    when: JsonLogic;
    priority: number;
    enabled: boolean;
    /** The period the rule is in force: its own `effective` already within its campaign's. */
    effective: { from: string | null; to: string | null };
    basis: string[];
    /** The id of the campaign the rule joins, or null. */
    campaign: string | null;
}

export interface BundleTest {
    name: string;
    doc: string | null;
    source: Source;
    given: { category: string; attributes: Record<string, Scalar> };
    on: string | null;
    expect: {
        rule?: string | null;
        actions?: string[];
        /** `expect actions fine(amount: 100000 CNY)`: only the arguments given are checked. */
        actionArguments?: Array<{ action: string; args: Record<string, Value> }>;
        severity?: string;
        responsible?: string;
        escalations?: Array<{ to: string; within: Duration | null }>;
    };
}

/** The lists of a bundle, in the order they are written. */
export type ListKey = 'severities' | 'posts' | 'authorities' | 'actions' | 'attributes' | 'categories' | 'campaigns' | 'rules' | 'tests';
