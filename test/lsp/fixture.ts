/** A small multi-file workspace that the language server tests start from. */
import { writeWorkspace } from '../helpers/lsp-client.js';
import { VOCABULARY } from '../helpers/vocabulary.js';

/** The shared vocabulary (test/helpers/vocabulary.ts) is the workspace's common/vocab.govrule. */
export const VOCAB = VOCABULARY;

export const CATEGORIES = `package demo.rules
import demo.common.*

category rumor "网络谣言" {
    category enterprise "涉企谣言"
    category disaster   "涉灾谣言"
}
category leak "数据泄露"
`;

export const RULES = `package demo.rules
import demo.common.*

/** 自媒体涉企谣言 */
rule enterpriseRumor "涉企谣言处置" {
    category rumor.enterprise
    severity serious
    when channel == selfMedia and reports > 3
    responsible reviewer
    actions remove, rectify(deadline: 5d)
    escalate {
        after 2h to editor
        after 1d to cac
    }
}

rule disasterRumor {
    category rumor.disaster
    severity critical
    responsible editor
    actions remove, fine(amount: 5000 CNY)
    escalate { after 4h to chiefEditor after 2d to cac }
}

rule dataLeak "数据泄露" {
    category leak
    severity critical
    when verified and district != "两江新区"
    responsible chiefEditor
    actions fine(amount: 100000 CNY, note: "依法处罚")
    escalate { after 1h to cac }
}
`;

export const CONFIG = `{ "include": ["**/*.govrule"] }\n`;

export const FILES = {
    'govrule.json': CONFIG,
    'common/vocab.govrule': VOCAB,
    'rules/categories.govrule': CATEGORIES,
    'rules/rules.govrule': RULES,
};

export function fixtureWorkspace(extra: Record<string, string> = {}): string {
    return writeWorkspace({ ...FILES, ...extra });
}
