/** A small multi-file workspace that the language server tests start from. */
import { writeWorkspace } from '../helpers/lsp-client.js';

export const VOCAB = `package demo.common

/** 处置严重程度，从低到高 */
severities {
    minor    "一般"
    serious  "较重"
    critical "特别严重"
}

/** 一线审核岗位 */
post reviewer    "内容审核员"
post editor      "值班编辑"
post chiefEditor "总编辑"
/** 市委网信办 */
authority cac    "市委网信办"

action remove    "删除信息"
action rectify   "责令限期改正" (deadline: duration)
/** 依法处以罚款 */
action fine      "罚款" (amount: money, note: text?)

attribute channel: enum { website, app, selfMedia } "发布渠道"
attribute reports: number default 0 "举报次数"
attribute verified: boolean default false "是否认证账号"
`;

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
    when verified
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
