/**
 * The one vocabulary of GovRule text that tests of every folder build on (syntax, references,
 * validation, compiler, runtime, cli, lsp, ...): a severity scale, posts, an authority, actions with
 * parameters and attributes of each type, with labels and doc comments as authors write them, and
 * a rule file that uses all of it. The language server's tests assert positions in this text:
 * add to its end.
 */
/** The shared vocabulary: a scale, posts, an authority, actions, attributes. */
export const VOCABULARY = `package demo.common

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
attribute district: text default ""
`;

/** A rule file that uses every vocabulary item, so the vocabulary raises no lint by itself. */
export const USES_VOCABULARY = `package demo.uses
import demo.common.*

category misc "其他"

rule usesAll {
    category misc
    severity critical
    responsible reviewer
    actions remove, rectify(deadline: 5d), fine(amount: 100 CNY)
    when channel == app and reports > 1 and verified and district == "x"
    escalate { after 1h to editor after 12h to chiefEditor after 1d to cac }
}
`;

/** A rule of the shared vocabulary, for tests that change one part of it. */
export const A_RULE = `package t.rules
import demo.common.*

category misc "其他"

rule r {
    category misc
    severity serious
    responsible reviewer
    actions remove
}
`;
