/** Diagnostics: syntax, names, validation, configuration and files, with their suggestions. Keys start with `diagnostics.`. */
import type { Catalogue } from '../catalogue.js';

export const diagnosticsMessages = {
    // Words messages share (model/diagnostic-words.ts): names are quoted by the template, lists joined by the language.
    'diagnostics.words.quoted': { en: "'{name}'", 'zh-CN': '“{name}”' },
    'diagnostics.words.separator': { en: ', ', 'zh-CN': '、' },
    'diagnostics.words.or': { en: '{first} or {last}', 'zh-CN': '{first}或{last}' },
    'diagnostics.words.and': { en: '{first} and {last}', 'zh-CN': '{first}和{last}' },
    'diagnostics.words.or-between': { en: ' or ', 'zh-CN': '或' },
    'diagnostics.words.did-you-mean': { en: '; did you mean {names}?', 'zh-CN': '；是否应为{names}？' },
    'diagnostics.words.labelled': { en: "'{name}' ({label})", 'zh-CN': '“{name}”（{label}）' },
    'diagnostics.words.value': { en: 'value', 'zh-CN': '值' },
    'diagnostics.words.character': { en: "'{char}' ({label})", 'zh-CN': '“{char}”（{label}）' },

    // The kinds of declarations, bare and as an English sentence needs them ("a post").
    'diagnostics.kind.level': { en: 'severity level', 'zh-CN': '严重程度等级' },
    'diagnostics.kind.post': { en: 'post', 'zh-CN': '岗位' },
    'diagnostics.kind.authority': { en: 'authority', 'zh-CN': '主管部门' },
    'diagnostics.kind.action': { en: 'action', 'zh-CN': '处置措施' },
    'diagnostics.kind.attribute': { en: 'attribute', 'zh-CN': '属性' },
    'diagnostics.kind.category': { en: 'category', 'zh-CN': '类别' },
    'diagnostics.kind.rule': { en: 'rule', 'zh-CN': '规则' },
    'diagnostics.kind.target': { en: 'post or authority', 'zh-CN': '岗位或主管部门' },
    'diagnostics.kind.parameter': { en: 'parameter', 'zh-CN': '参数' },
    'diagnostics.kind.member': { en: 'enum member', 'zh-CN': '枚举值' },
    'diagnostics.kind.a.level': { en: 'a severity level', 'zh-CN': '严重程度等级' },
    'diagnostics.kind.a.post': { en: 'a post', 'zh-CN': '岗位' },
    'diagnostics.kind.a.authority': { en: 'an authority', 'zh-CN': '主管部门' },
    'diagnostics.kind.a.action': { en: 'an action', 'zh-CN': '处置措施' },
    'diagnostics.kind.a.attribute': { en: 'an attribute', 'zh-CN': '属性' },
    'diagnostics.kind.a.category': { en: 'a category', 'zh-CN': '类别' },
    'diagnostics.kind.a.rule': { en: 'a rule', 'zh-CN': '规则' },
    'diagnostics.kind.a.target': { en: 'a post or authority', 'zh-CN': '岗位或主管部门' },
    'diagnostics.kind.a.parameter': { en: 'a parameter', 'zh-CN': '参数' },
    'diagnostics.kind.a.member': { en: 'an enum member', 'zh-CN': '枚举值' },

    // What an attribute holds, and the types of values.
    'diagnostics.type.enum': { en: 'an enum ({members})', 'zh-CN': '枚举（{members}）' },
    'diagnostics.type.number': { en: 'a number', 'zh-CN': '数值' },
    'diagnostics.type.boolean': { en: 'a boolean', 'zh-CN': '布尔值' },
    'diagnostics.type.text': { en: 'text', 'zh-CN': '文本' },
    'diagnostics.value.duration': { en: 'duration', 'zh-CN': '时长' },
    'diagnostics.value.money': { en: 'money', 'zh-CN': '金额' },
    'diagnostics.value.number': { en: 'number', 'zh-CN': '数值' },
    'diagnostics.value.boolean': { en: 'boolean', 'zh-CN': '布尔值' },
    'diagnostics.value.text': { en: 'text', 'zh-CN': '文本' },

    // syntax: the parser's own errors (syntax/error-messages.ts).
    'diagnostics.syntax.expected-label': { en: 'Expected `{expected}` but found `{found}`.', 'zh-CN': '此处应为 `{expected}`，实际是 `{found}`。' },
    'diagnostics.syntax.expected-found': { en: "Expected {expected} but found '{found}'", 'zh-CN': '此处应为{expected}，实际是“{found}”' },
    'diagnostics.syntax.expected-end': { en: 'Expected {expected} but found the end of the file', 'zh-CN': '此处应为{expected}，但文件已结束' },
    'diagnostics.syntax.expected-description': { en: 'Expected: {description}', 'zh-CN': '此处应为：{description}' },
    'diagnostics.syntax.at-least-one': {
        en: 'expecting at least one iteration which starts with one of these possible Token sequences::',
        'zh-CN': '至少一项',
    },
    'diagnostics.syntax.token.name': { en: 'a name', 'zh-CN': '名称' },
    'diagnostics.syntax.token.string': { en: 'a string', 'zh-CN': '字符串' },
    'diagnostics.syntax.token.number': { en: 'a number', 'zh-CN': '数字' },
    'diagnostics.syntax.token.date': { en: 'a date (YYYY-MM-DD)', 'zh-CN': '日期（YYYY-MM-DD）' },
    'diagnostics.syntax.token.duration': { en: 'a duration such as 2h or 3d', 'zh-CN': '时长（如 2h、3d）' },
    'diagnostics.syntax.token.end': { en: 'the end of the file', 'zh-CN': '文件结尾' },
    'diagnostics.syntax.unexpected-character': { en: 'Unexpected character {char}', 'zh-CN': '无法识别的字符 {char}' },
    // syntax: stray words where a line must start with a keyword (syntax/syntax-hints.ts).
    'diagnostics.syntax.unknown-clause': { en: "Unknown clause '{word}'{hint}", 'zh-CN': '未知子句“{word}”{hint}' },
    'diagnostics.syntax.unknown-clause-expected': { en: "Unknown clause '{word}' (expected one of {words})", 'zh-CN': '未知子句“{word}”（应为以下之一：{words}）' },
    'diagnostics.syntax.unknown-declaration': { en: "Unknown declaration '{word}'{hint}", 'zh-CN': '未知声明“{word}”{hint}' },
    'diagnostics.syntax.unknown-declaration-expected': { en: "Unknown declaration '{word}' (expected one of {words})", 'zh-CN': '未知声明“{word}”（应为以下之一：{words}）' },
    'diagnostics.syntax.unknown-test-item': { en: "Unknown test item '{word}'{hint}", 'zh-CN': '未知测试项“{word}”{hint}' },
    'diagnostics.syntax.unknown-test-item-expected': { en: "Unknown test item '{word}' (expected one of {words})", 'zh-CN': '未知测试项“{word}”（应为以下之一：{words}）' },
    // syntax: slips at the keyboard, a Chinese input method left on, habits from other languages (syntax/mistakes.ts).
    'diagnostics.syntax.full-width': { en: "Use ASCII '{ascii}' instead of the full-width '{written}'", 'zh-CN': '请用半角“{ascii}”代替全角“{written}”' },
    'diagnostics.syntax.full-width-semicolon': { en: "Remove the full-width '；': GovRule needs no ';'", 'zh-CN': '请删除全角“；”：GovRule 不需要分号' },
    'diagnostics.syntax.full-width-quotes': { en: 'Use ASCII quotes \'"\' instead of the full-width \'“\' and \'”\'', 'zh-CN': '请用半角引号 `"` 代替全角引号 `“` 和 `”`' },
    'diagnostics.syntax.single-equals': { en: "'=' is not an operator: use '==' to compare, or ':' before a value", 'zh-CN': '“=”不是运算符：比较请用“==”，给出值请用“:”' },
    'diagnostics.syntax.use-double-equals': { en: "Use '==' to compare: '=' is not an operator", 'zh-CN': '比较请用“==”：“=”不是运算符' },
    'diagnostics.syntax.use-instead': { en: "Use '{keyword}' instead of '{written}'", 'zh-CN': '请用“{keyword}”代替“{written}”' },
    'diagnostics.syntax.duration-in-words': { en: "'{written}' is not a duration: write {duration}", 'zh-CN': '“{written}”不是时长的写法：请写作 {duration}' },
    'diagnostics.syntax.thousands': { en: 'Numbers have no thousands separators: write {number}', 'zh-CN': '数字不用千位分隔符：请写作 {number}' },
    'diagnostics.syntax.signed-number': { en: 'Numbers have no sign: {number} cannot be written here', 'zh-CN': '数字不带正负号：此处不能写 {number}' },
    'diagnostics.syntax.reserved-word': { en: "'{word}' is a reserved word; choose another name", 'zh-CN': '“{word}”是保留字，请另取名称' },
    // syntax: inputs too deep or too long to read (syntax/guarded-parser.ts).
    'diagnostics.syntax.categories-too-deep': {
        en: 'Categories are nested too deeply to read ({depth} levels of categories); make the category tree shallower',
        'zh-CN': '类别嵌套过深（{depth} 层），无法读取；请减少类别的层级',
    },
    'diagnostics.syntax.condition-too-deep': {
        en: "This is nested too deeply to read ({depth} levels of parentheses and 'not'); write the condition with less nesting",
        'zh-CN': '嵌套过深（{depth} 层括号和“not”），无法读取；请减少条件的嵌套',
    },
    'diagnostics.syntax.condition-too-long': {
        en: "This condition is too long to read ({operators} 'and'/'or'); split it over several rules",
        'zh-CN': '条件过长（{operators} 个“and”/“or”），无法读取；请拆分为多条规则',
    },

    // unresolved-reference, wrong-kind, ambiguous-reference (references/linker.ts).
    'diagnostics.unresolved-reference': { en: "Cannot find {kind} named '{name}'{hint}", 'zh-CN': '找不到名为“{name}”的{kind}{hint}' },
    'diagnostics.unresolved-reference.elsewhere': { en: "Cannot find {kind} named '{name}'. {hint}", 'zh-CN': '找不到名为“{name}”的{kind}。{hint}' },
    'diagnostics.unresolved-reference.declared-in': { en: "'{name}' is declared in {package}; add import {package}.*", 'zh-CN': '“{name}”声明于包 {package}；请添加 `import {package}.*`' },
    'diagnostics.unresolved-reference.declared-in-several': { en: "'{name}' is declared in {packages}; import one of them", 'zh-CN': '“{name}”声明于 {packages}；请导入其中一个包' },
    'diagnostics.unresolved-reference.outside-package': { en: "Cannot resolve '{name}' outside a package.", 'zh-CN': '“{name}”不在任何包中，无法解析。' },
    'diagnostics.wrong-kind': {
        en: "Expected {expected} here, but '{name}' is {found} ({qualified}){hint}",
        'zh-CN': '此处应为{expected}，但“{name}”是{found}（{qualified}）{hint}',
    },
    'diagnostics.ambiguous-reference': {
        en: "'{name}' is ambiguous: it could be {candidates}. Write the qualified name.",
        'zh-CN': '“{name}”有歧义：可能是{candidates}。请写完整名称。',
    },
    'diagnostics.ambiguous-reference.candidate': { en: "'{name}' (import {path})", 'zh-CN': '“{name}”（导入 {path}）' },
    'diagnostics.not-a-member': {
        en: "'{name}' is not a value of attribute '{attribute}' (one of {members}){hint}",
        'zh-CN': '“{name}”不是属性“{attribute}”的取值（可选：{members}）{hint}',
    },
    // action-arguments.
    'diagnostics.action-arguments.unknown-parameter': {
        en: "Action '{action}' has no parameter '{name}' ({known}){hint}",
        'zh-CN': '处置措施“{action}”没有参数“{name}”（{known}）{hint}',
    },
    'diagnostics.action-arguments.no-parameters': { en: 'it takes no parameters', 'zh-CN': '它不带参数' },
    'diagnostics.action-arguments.parameters-are': { en: 'its parameters are {params}', 'zh-CN': '它的参数为 {params}' },
    'diagnostics.action-arguments.repeated': { en: "Argument '{name}' is given more than once", 'zh-CN': '参数“{name}”重复给出' },
    'diagnostics.action-arguments.type': {
        en: "Argument '{name}' of action '{action}' takes a {expected} (such as {example}), not a {actual}",
        'zh-CN': '处置措施“{action}”的参数“{name}”应为{expected}（如 {example}），不能是{actual}',
    },
    'diagnostics.action-arguments.missing-one': { en: "Action '{action}' needs argument {list}; write {call}", 'zh-CN': '处置措施“{action}”缺少参数 {list}；请写作 {call}' },
    'diagnostics.action-arguments.missing': { en: "Action '{action}' needs arguments {list}; write {call}", 'zh-CN': '处置措施“{action}”缺少参数 {list}；请写作 {call}' },

    // Declarations (validation/declaration-checks.ts).
    'diagnostics.duplicate-name': { en: "'{name}' is declared more than once (also {others})", 'zh-CN': '“{name}”重复声明（另见 {others}）' },
    'diagnostics.duplicate-name.other': { en: '{kind} in {file}:{line}', 'zh-CN': '{file}:{line} 中的{kind}' },
    'diagnostics.duplicate-name.parameter': { en: "Parameter '{name}' is declared twice", 'zh-CN': '参数“{name}”重复声明' },
    'diagnostics.duplicate-name.member': { en: "Enum member '{name}' is declared twice", 'zh-CN': '枚举值“{name}”重复声明' },
    'diagnostics.duplicate-name.test': {
        en: 'Package \'{package}\' has {count} tests named "{test}"; give each test its own name',
        'zh-CN': '包“{package}”中有 {count} 个名为“{test}”的测试；请为每个测试另取名称',
    },
    'diagnostics.severity-scale.too-few': {
        en: 'A severity scale needs at least two levels (this one has {count})',
        'zh-CN': '严重程度等级表至少需要两个等级（此处只有 {count} 个）',
    },
    'diagnostics.severity-scale.several': {
        en: 'The bundle has {count} severity scales; it must have exactly one',
        'zh-CN': '规则包中有 {count} 个严重程度等级表；只能有一个',
    },
    'diagnostics.severity-scale.none': {
        en: 'The bundle has no severity scale; declare one with `{example}`',
        'zh-CN': '规则包中没有严重程度等级表；请用 `{example}` 声明',
    },
    'diagnostics.duplicate-attribute': {
        en: "Attribute name '{name}' is used by {others} too; attribute names are event keys and must be unique in the bundle",
        'zh-CN': '属性名“{name}”也被 {others} 使用；属性名是事件的字段名，在规则包中必须唯一',
    },
    'diagnostics.invalid-literal.default': {
        en: "Default {value} does not fit attribute '{attribute}', which is {type}",
        'zh-CN': '默认值 {value} 与属性“{attribute}”的类型（{type}）不符',
    },
    'diagnostics.unresolved-import.package': { en: "No package '{name}' in the workspace{hint}", 'zh-CN': '工作区中没有包“{name}”{hint}' },
    'diagnostics.unresolved-import.element': { en: "'{name}' names no element of a package in the workspace{hint}", 'zh-CN': '“{name}”不是工作区中任何包的元素{hint}' },
    'diagnostics.unused-declaration.post': { en: "Post '{name}' is never used", 'zh-CN': '岗位“{name}”未被使用' },
    'diagnostics.unused-declaration.authority': { en: "Authority '{name}' is never used", 'zh-CN': '主管部门“{name}”未被使用' },
    'diagnostics.unused-declaration.action': { en: "Action '{name}' is never used", 'zh-CN': '处置措施“{name}”未被使用' },
    'diagnostics.unused-declaration.attribute': { en: "Attribute '{name}' is never used", 'zh-CN': '属性“{name}”未被使用' },
    'diagnostics.uncovered-category': { en: "No enabled rule covers category '{name}'", 'zh-CN': '没有启用的规则覆盖类别“{name}”' },

    // Rules (validation/rule-checks.ts).
    'diagnostics.duplicate-clause': {
        en: "Rule '{rule}' has more than one '{clause}' clause",
        'zh-CN': '规则“{rule}”有多个“{clause}”子句',
    },
    'diagnostics.missing-clause': {
        en: "Rule '{rule}' has no '{clause}' clause",
        'zh-CN': '规则“{rule}”缺少“{clause}”子句',
    },
    'diagnostics.duplicate-action': { en: "Action '{name}' is listed more than once in this rule", 'zh-CN': '处置措施“{name}”在本规则中重复列出' },
    'diagnostics.escalation-order.no-steps': {
        en: 'An escalation needs at least one step, such as `after 2h to editor`',
        'zh-CN': '升级至少需要一个步骤，如 `after 2h to editor`',
    },
    'diagnostics.escalation-order.zero': { en: 'An escalation step needs a duration above zero', 'zh-CN': '升级步骤的时长必须大于零' },
    'diagnostics.escalation-order.not-increasing': {
        en: 'Steps must come in strictly increasing time: {after} is not after {previous}',
        'zh-CN': '升级步骤的时间必须严格递增：{after}并不晚于 {previous}',
    },
    'diagnostics.escalation-target': { en: "'{name}' is already a target of this escalation", 'zh-CN': '“{name}”已是本次升级的升级对象' },
    'diagnostics.escalates-to-responsible': {
        en: "This step escalates to '{name}', the rule's own responsible post",
        'zh-CN': '此步骤升级至“{name}”，即本规则自己的责任岗位',
    },
    'diagnostics.critical-without-authority': {
        en: "Rule '{rule}' is at the top severity '{level}' but its escalation never reaches an authority",
        'zh-CN': '规则“{rule}”为最高严重程度“{level}”，但其升级始终不到达主管部门',
    },
    'diagnostics.effective-range': { en: 'The rule ends ({to}) before it starts ({from})', 'zh-CN': '规则的结束日期（{to}）早于开始日期（{from}）' },
    'diagnostics.priority-not-whole': { en: 'A priority is a whole number ≥ 0, not {value}', 'zh-CN': '优先级应为不小于 0 的整数，不能是 {value}' },

    // Conditions and literals (validation/condition-checks.ts, literal-checks.ts, text-checks.ts).
    'diagnostics.type-mismatch.not-boolean': {
        en: "Attribute '{attribute}' is {type}, not a boolean: compare it with a value",
        'zh-CN': '属性“{attribute}”是{type}，不是布尔值：请与一个值比较',
    },
    'diagnostics.type-mismatch.ordering': {
        en: "'{op}' orders numbers, but attribute '{attribute}' is {type}",
        'zh-CN': '“{op}”只能比较数值，但属性“{attribute}”是{type}',
    },
    'diagnostics.type-mismatch.literal': {
        en: "{value} is not a value of attribute '{attribute}', which is {type}{hint}",
        'zh-CN': '{value} 不是属性“{attribute}”（{type}）的取值{hint}',
    },
    'diagnostics.type-mismatch.unquote-member': { en: '; write the member without quotes: {member}', 'zh-CN': '；枚举值不加引号：{member}' },
    'diagnostics.invalid-literal.date': { en: '{date} is not a calendar date', 'zh-CN': '{date} 不是有效的日期' },
    'diagnostics.invalid-literal.money-decimals': { en: 'Money has at most two decimals: {amount}', 'zh-CN': '金额最多两位小数：{amount}' },
    'diagnostics.invalid-literal.yuan': { en: "'{written}' is not money: write {money}", 'zh-CN': '“{written}”不是金额的写法：请写作 {money}' },
    'diagnostics.invalid-literal.currency': {
        en: "'{currency}' is not a currency code: write three capital letters (ISO 4217) such as CNY{hint}",
        'zh-CN': '“{currency}”不是货币代码：请写三个大写字母（ISO 4217），如 CNY{hint}',
    },
    'diagnostics.invalid-literal.code-point': { en: '{escape} is not a Unicode code point (the largest is 10FFFF)', 'zh-CN': '{escape} 不是 Unicode 码位（最大为 10FFFF）' },
    'diagnostics.invisible-character.string': {
        en: 'Invisible character in a string: {chars} cannot be seen; write it as an escape ({escapes}) if it is meant',
        'zh-CN': '字符串中有不可见字符：{chars} 看不见；如确需使用，请写成转义序列（{escapes}）',
    },
    'diagnostics.invisible-character.string-bidi': {
        en: 'Invisible character in a string: {chars} can reorder how the text is displayed; write it as an escape ({escapes}) if it is meant',
        'zh-CN': '字符串中有不可见字符：{chars} 会改变文本的显示顺序；如确需使用，请写成转义序列（{escapes}）',
    },
    'diagnostics.invisible-character.comment': {
        en: 'Invisible character in a comment: {chars} cannot be seen; remove it or write {escapes}',
        'zh-CN': '注释中有不可见字符：{chars} 看不见；请删除，或写作 {escapes}',
    },
    'diagnostics.invisible-character.comment-bidi': {
        en: 'Invisible character in a comment: {chars} can reorder how the text is displayed; remove it or write {escapes}',
        'zh-CN': '注释中有不可见字符：{chars} 会改变文本的显示顺序；请删除，或写作 {escapes}',
    },
    'diagnostics.invisible-character.text': { en: 'Invisible character: {chars} cannot be seen; remove it', 'zh-CN': '不可见字符：{chars} 看不见；请删除' },
    'diagnostics.invisible-character.text-bidi': {
        en: 'Invisible character: {chars} can reorder how the text is displayed; remove it',
        'zh-CN': '不可见字符：{chars} 会改变文本的显示顺序；请删除',
    },
    'diagnostics.invisible-character.and-more': { en: '{list} and {count} more', 'zh-CN': '{list}等（另有 {count} 个）' },
    'diagnostics.invisible-character.more': {
        en: '{count} more places in this file have invisible or control characters',
        'zh-CN': '本文件另有 {count} 处不可见字符或控制字符',
    },
    'diagnostics.unnormalized-name': {
        en: "Name '{name}' is not in Unicode normalization form C: it contains {char}, which is written {nfcChar} in NFC; names that look alike must be spelt alike, so write '{nfc}'",
        'zh-CN': '名称“{name}”不是 Unicode 规范化形式 C（NFC）：其中的{char}在 NFC 中写作{nfcChar}；看起来相同的名称必须写法相同，请写作“{nfc}”',
    },
    'diagnostics.confusable-name': {
        en: "'{name}' looks like '{other}' ({otherIs}){detail}; rename one of them so that they differ visibly",
        'zh-CN': '“{name}”与“{other}”（{otherIs}）看起来相同{detail}；请重命名其中一个，使二者一眼可辨',
    },
    'diagnostics.confusable-name.declaration': { en: '{kind} {name}', 'zh-CN': '{kind} {name}' },
    'diagnostics.confusable-name.another-parameter': { en: 'another parameter here', 'zh-CN': '此处的另一个参数' },
    'diagnostics.confusable-name.another-member': { en: 'another enum member here', 'zh-CN': '此处的另一个枚举值' },
    'diagnostics.confusable-name.differs': { en: ': it has {mine} where that has {theirs}', 'zh-CN': '：前者的{mine}在后者中是{theirs}' },
    'diagnostics.confusable-name.differs-nothing': { en: ': it has {mine} where that has nothing', 'zh-CN': '：前者多出{mine}' },

    // Tests (validation/test-checks.ts).
    'diagnostics.duplicate-clause.test': { en: 'Test "{test}" has more than one \'{keyword}\'', 'zh-CN': '测试“{test}”有多个“{keyword}”' },
    'diagnostics.duplicate-clause.test-escalation': {
        en: 'Test "{test}" already expects an escalation to \'{target}\'',
        'zh-CN': '测试“{test}”已预期升级至“{target}”',
    },
    'diagnostics.duplicate-clause.given': { en: "Attribute '{name}' is given more than once", 'zh-CN': '属性“{name}”重复给出' },
    'diagnostics.missing-clause.given': {
        en: 'Test "{test}" has no \'given\': write the event, such as `{example}`',
        'zh-CN': '测试“{test}”缺少“given”：请写出事件，如 `{example}`',
    },
    'diagnostics.missing-clause.expect': {
        en: 'Test "{test}" expects nothing: add `expect rule name` (or `expect rule none`) or another expectation',
        'zh-CN': '测试“{test}”没有任何预期：请添加 `expect rule name`（或 `expect rule none`）或其他预期',
    },
    'diagnostics.missing-clause.attribute': { en: "'{name}' ({type})", 'zh-CN': '“{name}”（{type}）' },
    'diagnostics.missing-clause.attributes-one': {
        en: 'The event gives no value for {list}, which has no default; every event must give it, e.g. {event}',
        'zh-CN': '事件没有给出 {list} 的值，它没有默认值；每个事件都必须给出，如 {event}',
    },
    'diagnostics.missing-clause.attributes': {
        en: 'The event gives no value for {list}, which have no default; every event must give them, e.g. {event}',
        'zh-CN': '事件没有给出 {list} 的值，它们都没有默认值；每个事件都必须给出，如 {event}',
    },

    // Analysis lints (validation/analysis-rules.ts).
    'diagnostics.unreachable-rule': { en: "Rule '{rule}' can never match: {detail}", 'zh-CN': '规则“{rule}”永远不会匹配：{detail}' },
    'diagnostics.unreachable-rule.alternatives': {
        en: 'no alternative of its condition can hold ({conflicts})',
        'zh-CN': '其条件的每个分支都不可能成立（{conflicts}）',
    },
    'diagnostics.unreachable-rule.separator': { en: '; ', 'zh-CN': '；' },
    'diagnostics.unreachable-rule.never-holds': { en: '{atom} never holds', 'zh-CN': '{atom}永远不成立' },
    'diagnostics.unreachable-rule.excludes-all': { en: "{atom} excludes every value of '{attribute}'", 'zh-CN': '{atom}排除了“{attribute}”的所有取值' },
    'diagnostics.unreachable-rule.cannot-both': { en: '{first} and {second} cannot both hold', 'zh-CN': '{first}与{second}不可能同时成立' },
    'diagnostics.unreachable-rule.cannot-all': { en: '{atoms} cannot all hold', 'zh-CN': '{atoms}不可能同时成立' },
    'diagnostics.shadowed-rule': {
        en: "Rule '{rule}' can never win: rule '{other}' matches every event it matches and wins {reason}",
        'zh-CN': '规则“{rule}”永远不会胜出：它匹配的每个事件规则“{other}”也都匹配，且{reason}胜出',
    },
    'diagnostics.shadowed-rule.by-priority': { en: 'by priority ({a} > {b})', 'zh-CN': '因优先级更高（{a} > {b}）' },
    'diagnostics.shadowed-rule.by-category': { en: 'with a more specific category', 'zh-CN': '因类别更具体' },
    'diagnostics.shadowed-rule.by-severity': { en: 'by severity ({a} > {b})', 'zh-CN': '因严重程度更高（{a} > {b}）' },
    'diagnostics.shadowed-rule.by-order': { en: 'by coming first in the bundle (its id sorts first)', 'zh-CN': '因在规则包中排在前面（其 id 排序在前）' },
    'diagnostics.analysis-budget': {
        en: 'The search for shadowed rules stopped here: the workspace has too many rules that could shadow one another (over {pairs} pairs to compare). This rule and the ones after it are not checked for shadowing.',
        'zh-CN': '被遮蔽规则的检查在此停止：工作区中可能相互遮蔽的规则太多（需比较的规则对超过 {pairs} 个）。本规则及其后的规则未做遮蔽检查。',
    },

    // config, config-duplicate-key (config/config.ts).
    'diagnostics.config.not-json': { en: '{file} is not valid JSON: {reason}', 'zh-CN': '{file} 不是有效的 JSON：{reason}' },
    'diagnostics.config.not-object': { en: '{file} must hold a JSON object', 'zh-CN': '{file} 的内容必须是一个 JSON 对象' },
    'diagnostics.config.schema': { en: '"$schema" must be a string: the URI of the schema', 'zh-CN': '“$schema”必须是字符串：模式（schema）的 URI' },
    'diagnostics.config.include': { en: '"include" must be a list of glob patterns', 'zh-CN': '“include”必须是 glob 模式的列表' },
    'diagnostics.config.out': { en: '"out" must be a file path', 'zh-CN': '“out”必须是文件路径' },
    'diagnostics.config.lint': { en: '"lint" must map diagnostic codes to levels', 'zh-CN': '“lint”必须将诊断代码映射到级别' },
    'diagnostics.config.unknown-setting': { en: "Unknown setting '{name}' (settings: include, out, lint)", 'zh-CN': '未知设置“{name}”（可用设置：include、out、lint）' },
    'diagnostics.config.level': { en: "Level of '{code}' must be one of {levels}", 'zh-CN': '“{code}”的级别必须是 {levels} 之一' },
    'diagnostics.config.invalid-setting': { en: "'{name}' {reason}", 'zh-CN': '“{name}”无效：{reason}' },
    'diagnostics.config.invalid-setting-plain': { en: "'{name}' is not valid", 'zh-CN': '“{name}”无效' },
    'diagnostics.config.include-leaves-root': {
        en: "Include pattern '{pattern}' leaves the project root; patterns are relative to the folder of {file}",
        'zh-CN': 'include 模式“{pattern}”超出了项目根目录；模式相对于 {file} 所在的文件夹',
    },
    'diagnostics.config.unknown-lint': { en: "Unknown lint '{code}' (lints: {lints})", 'zh-CN': '未知的规范检查“{code}”（可用：{lints}）' },
    'diagnostics.config.not-a-lint': {
        en: "'{code}' is an error and cannot be changed or turned off; only lints can",
        'zh-CN': '“{code}”是错误，不能调整级别或关闭；只有规范检查可以',
    },
    'diagnostics.config.out-outside-root': {
        en: "\"out\" must be a file inside the project root (the folder of {file}), not '{out}'",
        'zh-CN': '“out”必须是项目根目录（{file} 所在的文件夹）内的文件，不能是“{out}”',
    },
    'diagnostics.config.out-is-config': {
        en: '"out" must not be a {file}: the bundle would replace a project\'s configuration',
        'zh-CN': '“out”不能是 {file}：规则包会覆盖项目的配置',
    },
    'diagnostics.config.out-is-source': {
        en: '"out" \'{out}\' is matched by "include": the bundle would replace a source file',
        'zh-CN': '“out”的“{out}”与“include”匹配：规则包会覆盖规则文件',
    },
    'diagnostics.config.not-regular': { en: 'Cannot read {file}: it is not a regular file', 'zh-CN': '无法读取 {file}：它不是普通文件' },
    'diagnostics.config.unreadable': { en: 'Cannot read {file}: {reason}', 'zh-CN': '无法读取 {file}：{reason}' },
    'diagnostics.config.not-utf8': { en: '{file} is not valid UTF-8', 'zh-CN': '{file} 不是有效的 UTF-8 文本' },
    'diagnostics.config.in-file': { en: '{message} ({file})', 'zh-CN': '{message}（{file}）' },
    // What is wrong with a govrule.json that is not JSON (json-text.ts); the message follows "govrule.json is not valid JSON: ".
    'diagnostics.json.expected-end': { en: 'expected {what}, found the end of the text', 'zh-CN': '此处应为{what}，但文本已结束' },
    'diagnostics.json.expected-found': { en: 'expected {what}, found {found}', 'zh-CN': '此处应为{what}，实际是{found}' },
    'diagnostics.json.comment': { en: 'comments are not allowed in JSON', 'zh-CN': 'JSON 中不允许注释' },
    'diagnostics.json.unclosed-string': { en: 'a string is not closed: a \'"\' is missing', 'zh-CN': '字符串没有结束：缺少 `"`' },
    'diagnostics.json.unclosed-string-line': { en: 'a string is not closed: a \'"\' is missing before the end of the line', 'zh-CN': '字符串没有结束：行尾之前缺少 `"`' },
    'diagnostics.json.control-character': { en: '{char} inside a string; write it as an escape such as \\n', 'zh-CN': '字符串中有{char}；请写成转义序列，如 `\\n`' },
    'diagnostics.json.unicode-escape': { en: '\\u must be followed by four hexadecimal digits', 'zh-CN': '`\\u` 之后必须是四位十六进制数字' },
    'diagnostics.json.unknown-escape': { en: "unknown escape '{escape}' in a string", 'zh-CN': '字符串中有未知的转义序列“{escape}”' },
    'diagnostics.json.too-deep': { en: 'nested more than {max} levels deep', 'zh-CN': '嵌套超过 {max} 层' },
    'diagnostics.json.not-a-number': { en: "'{char}' does not start a number", 'zh-CN': '“{char}”不能作为数字的开头' },
    'diagnostics.json.trailing-comma': { en: "a comma before '{bracket}': JSON allows no trailing comma", 'zh-CN': '“{bracket}”之前有逗号：JSON 不允许末尾逗号' },
    'diagnostics.json.after-end': { en: 'unexpected {char} after the end of the JSON value', 'zh-CN': 'JSON 值结束后出现多余的{char}' },
    'diagnostics.json.code-point': { en: 'character U+{codePoint}', 'zh-CN': '字符 U+{codePoint}' },
    'diagnostics.json.what.value': { en: 'a value', 'zh-CN': '值' },
    'diagnostics.json.what.key': { en: 'a key in double quotes', 'zh-CN': '双引号中的键' },
    'diagnostics.json.what.colon': { en: '\':\' after the key "{key}"', 'zh-CN': '键“{key}”之后的“:”' },
    'diagnostics.json.what.after-value': { en: '\',\' or \'}\' after the value of "{key}"', 'zh-CN': '“{key}”的值之后的“,”或“}”' },
    'diagnostics.json.what.after-element': { en: '\',\' or \']\' after a list element', 'zh-CN': '列表元素之后的“,”或“]”' },
    'diagnostics.config-duplicate-key': {
        en: 'Duplicate key "{key}" (first at line {line}); the last one is used',
        'zh-CN': '键“{key}”重复（首次出现在第 {line} 行）；以最后一个为准',
    },
    'diagnostics.config-duplicate-key.in': {
        en: 'Duplicate key "{key}" in "{path}" (first at line {line}); the last one is used',
        'zh-CN': '“{path}”中的键“{key}”重复（首次出现在第 {line} 行）；以最后一个为准',
    },

    // unreadable-file (project/files.ts) and I/O errors in words (io-errors.ts).
    'diagnostics.unreadable-file': { en: 'Cannot read this file: {reason}', 'zh-CN': '无法读取此文件：{reason}' },
    'diagnostics.unreadable-file.utf8': {
        en: 'Not valid UTF-8: the byte 0x{byte} here is not part of a UTF-8 character; save the file as UTF-8',
        'zh-CN': '不是有效的 UTF-8：此处的字节 0x{byte} 不属于任何 UTF-8 字符；请将文件存为 UTF-8 编码',
    },
    'diagnostics.io.reason': { en: '{reason} ({code})', 'zh-CN': '{reason}（{code}）' },
    'diagnostics.io.EACCES': { en: 'permission denied', 'zh-CN': '权限不足' },
    'diagnostics.io.EPERM': { en: 'operation not permitted', 'zh-CN': '不允许此操作' },
    'diagnostics.io.ENOENT': { en: 'no such file or folder', 'zh-CN': '文件或文件夹不存在' },
    'diagnostics.io.ENOTDIR': { en: 'a part of the path is not a folder', 'zh-CN': '路径中有一部分不是文件夹' },
    'diagnostics.io.EISDIR': { en: 'it is a folder', 'zh-CN': '这是一个文件夹' },
    'diagnostics.io.EEXIST': { en: 'it already exists', 'zh-CN': '已经存在' },
    'diagnostics.io.EROFS': { en: 'the file system is read-only', 'zh-CN': '文件系统为只读' },
    'diagnostics.io.ENOSPC': { en: 'no space left on the device', 'zh-CN': '设备空间不足' },
    'diagnostics.io.EDQUOT': { en: 'the disk quota is exhausted', 'zh-CN': '磁盘配额已用完' },
    'diagnostics.io.ELOOP': { en: 'too many symbolic links', 'zh-CN': '符号链接层数过多' },
    'diagnostics.io.ENAMETOOLONG': { en: 'the name is too long', 'zh-CN': '名称过长' },
    'diagnostics.io.EIO': { en: 'input/output error', 'zh-CN': '输入/输出错误' },
    'diagnostics.io.ENXIO': { en: 'no such device, or no reader at the other end', 'zh-CN': '设备不存在，或另一端没有读取方' },
    'diagnostics.io.EBUSY': { en: 'the file is busy', 'zh-CN': '文件正被占用' },
    'diagnostics.io.EMFILE': { en: 'too many open files', 'zh-CN': '打开的文件过多' },
    'diagnostics.io.EINVAL': { en: 'invalid argument', 'zh-CN': '参数无效' },
    'diagnostics.io.EPIPE': { en: 'the reader closed the pipe', 'zh-CN': '读取方已关闭管道' },

    // internal-error (internal-errors.ts): the phase in words; the data keeps its English name.
    'diagnostics.internal-error': {
        en: 'Internal error during {phase} (please report it): {error}',
        'zh-CN': '{phase}时发生内部错误（请报告此问题）：{error}',
    },
    'diagnostics.internal-error.unknown': { en: 'unknown error', 'zh-CN': '未知错误' },
    'diagnostics.internal-error.phase.parsing': { en: 'parsing', 'zh-CN': '解析' },
    'diagnostics.internal-error.phase.indexing': { en: 'indexing', 'zh-CN': '建立索引' },
    'diagnostics.internal-error.phase.scope': { en: 'scope computation', 'zh-CN': '计算作用域' },
    'diagnostics.internal-error.phase.linking': { en: 'linking', 'zh-CN': '解析名称' },
    'diagnostics.internal-error.phase.references': { en: 'reference indexing', 'zh-CN': '建立引用索引' },
    'diagnostics.internal-error.phase.validation': { en: 'validation', 'zh-CN': '检查' },
    'diagnostics.internal-error.phase.analysis': { en: 'analysis', 'zh-CN': '分析' },
    'diagnostics.internal-error.phase.compilation': { en: 'compilation', 'zh-CN': '编译' },

    // Quick-fix titles (lsp/features/code-action-provider.ts).
    'diagnostics.fix.all': { en: "Fix all '{code}' problems in this file ({count})", 'zh-CN': '修复本文件中所有“{code}”问题（{count} 处）' },
    'diagnostics.fix.change-to': { en: "Change to '{name}'", 'zh-CN': '改为“{name}”' },
    'diagnostics.fix.change-to-kind': { en: "Change to {kind} '{name}'", 'zh-CN': '改为{kind}“{name}”' },
    'diagnostics.fix.use': { en: "Use '{name}'", 'zh-CN': '使用“{name}”' },
    'diagnostics.fix.nfc': { en: "Change to the NFC form '{name}'", 'zh-CN': '改为 NFC 形式“{name}”' },
    'diagnostics.fix.remove-text': { en: "Remove '{written}'", 'zh-CN': '删除“{written}”' },
    'diagnostics.fix.replace-text': { en: "Replace '{written}' with '{replacement}'", 'zh-CN': '将“{written}”替换为“{replacement}”' },
    'diagnostics.fix.change-import': { en: "Change 'import {path}' to 'import {meant}'", 'zh-CN': '将“import {path}”改为“import {meant}”' },
    'diagnostics.fix.add-import': { en: "Add 'import {path}'", 'zh-CN': '添加“import {path}”' },
    'diagnostics.fix.qualified-name': { en: "Write the qualified name '{name}'", 'zh-CN': '写完整名称“{name}”' },
    'diagnostics.fix.add-clause': { en: "Add '{clause}'", 'zh-CN': '添加“{clause}”' },
    'diagnostics.fix.add-clauses': { en: 'Add the missing clauses: {clauses}', 'zh-CN': '添加缺少的子句：{clauses}' },
    'diagnostics.fix.sort-steps': { en: 'Sort the escalation steps by time', 'zh-CN': '按时间排列升级步骤' },
    'diagnostics.fix.remove-action': { en: "Remove the repeated action '{name}'", 'zh-CN': '删除重复的处置措施“{name}”' },
    'diagnostics.fix.remove-clause': { en: 'Remove this repeated clause', 'zh-CN': '删除这个重复的子句' },
    'diagnostics.fix.remove-unused': { en: "Remove the unused {kind} '{name}'", 'zh-CN': '删除未使用的{kind}“{name}”' },
    'diagnostics.fix.add-argument': { en: 'Add the missing argument {text}', 'zh-CN': '添加缺少的参数 {text}' },
    'diagnostics.fix.add-arguments': { en: 'Add the missing arguments {text}', 'zh-CN': '添加缺少的参数 {text}' },
    'diagnostics.fix.escape': { en: 'Write {chars} as the escape {escape}', 'zh-CN': '将 {chars} 写成转义序列 {escape}' },
    'diagnostics.fix.remove-characters': { en: 'Remove {chars}', 'zh-CN': '删除 {chars}' },
} as const satisfies Catalogue;
