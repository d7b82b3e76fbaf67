/**
 * The one vocabulary of GovRule text that tests of every folder build on (syntax, references,
 * validation, compiler, runtime, cli, ...): a severity scale, posts, an authority, actions with
 * parameters and attributes of each type, and a rule file that uses all of them.
 */
/** A shared vocabulary most tests build on: a scale, posts, an authority, actions, attributes. */
export const VOCABULARY = `package t.common

severities {
    minor    "一般"
    serious  "较重"
    critical "特别严重"
}

post reviewer "内容审核员"
post editor   "值班编辑"
authority cac "网信办"

action remove "删除"
action rectify "责令改正" (deadline: duration)
action fine "罚款" (amount: money, note: text?)

attribute channel: enum { website, app, selfMedia } "渠道"
attribute reports: number default 0
attribute verified: boolean default false
attribute district: text default ""
`;

/** A rule file that uses every vocabulary item, so the vocabulary raises no lint by itself. */
export const USES_VOCABULARY = `package t.uses
import t.common.*

category misc "其他"

rule usesAll {
    category misc
    severity critical
    responsible reviewer
    actions remove, rectify(deadline: 5d), fine(amount: 100 CNY)
    when channel == app and reports > 1 and verified and district == "x"
    escalate { after 1h to editor after 1d to cac }
}
`;
