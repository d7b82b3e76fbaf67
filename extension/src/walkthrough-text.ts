/**
 * The texts the "Get started with GovRule" walkthrough creates: a govrule.json, and a first rule
 * file (a scale, a post, an authority, an action, an attribute, a category, two rules and a test
 * that passes; `govrule check` finds nothing in it, test/extension/walkthrough.test.ts checks).
 * Pure: no `vscode` import.
 */

export const CREATE_CONFIG_COMMAND = 'govrule.createConfig';
export const NEW_RULE_FILE_COMMAND = 'govrule.newRuleFile';

/** What `govrule init` would put in it, for a folder whose rules lie anywhere. */
export const STARTER_CONFIG = `{
    "include": ["**/*.govrule"],
    "out": "dist/govrule.bundle.json"
}
`;

export const STARTER_RULES = `package starter

/** 处置严重程度，从低到高 */
severities {
    minor "一般"
    severe "严重"
}

post reviewer "内容审核员"
authority cac "网信办"
action remove "删除信息"
attribute channel: enum { website, app } "发布渠道"

category rumor "网络谣言"

/** 应用内传播的谣言：删除并在一天内报送网信办 */
rule rumorOnApp "应用内谣言" {
    category rumor
    severity severe
    when channel == app
    responsible reviewer
    actions remove
    escalate {
        after 1d to cac
    }
}

rule rumorElsewhere "其他渠道谣言" {
    category rumor
    severity minor
    responsible reviewer
    actions remove
}

test "应用内谣言删除并报送网信办" {
    given rumor { channel: app }
    expect rule rumorOnApp
    expect actions remove
    expect escalation to cac within 1d
}
`;
