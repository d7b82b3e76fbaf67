/** The language server: hover, completion, code lenses, inlay hints, quick-fix titles, commands. Keys start with `editor.`. */
import type { Catalogue } from '../catalogue.js';

export const editorMessages = {
    // Lists and their separators, as each language writes them.
    'editor.list.comma': { en: ', ', 'zh-CN': '、' },
    'editor.list.semicolon': { en: '; ', 'zh-CN': '；' },
    'editor.code-with-label': { en: '`{code}` ({label})', 'zh-CN': '`{code}`（{label}）' },

    // What a name is (hover headlines, completion details, rename refusals).
    'editor.kind.severity-level': { en: 'severity level', 'zh-CN': '严重程度等级' },
    'editor.kind.post': { en: 'post', 'zh-CN': '岗位' },
    'editor.kind.authority': { en: 'authority', 'zh-CN': '主管部门' },
    'editor.kind.action': { en: 'action', 'zh-CN': '处置措施' },
    'editor.kind.attribute': { en: 'attribute', 'zh-CN': '属性' },
    'editor.kind.category': { en: 'category', 'zh-CN': '类别' },
    'editor.kind.rule': { en: 'rule', 'zh-CN': '规则' },
    'editor.kind.escalation-target': { en: 'post or authority', 'zh-CN': '岗位或主管部门' },
    'editor.kind.parameter': { en: 'parameter', 'zh-CN': '参数' },
    'editor.kind.enum-member': { en: 'enum member', 'zh-CN': '枚举值' },
    'editor.kind.campaign': { en: 'campaign', 'zh-CN': '专项行动' },
    // The same, with an article, where English needs one ("a post"; Chinese has none).
    'editor.a-kind.severity-level': { en: 'a severity level', 'zh-CN': '严重程度等级' },
    'editor.a-kind.post': { en: 'a post', 'zh-CN': '岗位' },
    'editor.a-kind.authority': { en: 'an authority', 'zh-CN': '主管部门' },
    'editor.a-kind.action': { en: 'an action', 'zh-CN': '处置措施' },
    'editor.a-kind.attribute': { en: 'an attribute', 'zh-CN': '属性' },
    'editor.a-kind.category': { en: 'a category', 'zh-CN': '类别' },
    'editor.a-kind.rule': { en: 'a rule', 'zh-CN': '规则' },
    'editor.a-kind.escalation-target': { en: 'a post or authority', 'zh-CN': '岗位或主管部门' },
    'editor.a-kind.parameter': { en: 'a parameter', 'zh-CN': '参数' },
    'editor.a-kind.enum-member': { en: 'an enum member', 'zh-CN': '枚举值' },
    'editor.a-kind.campaign': { en: 'a campaign', 'zh-CN': '专项行动' },
    'editor.kind.parameter-of': { en: 'parameter of action {action}', 'zh-CN': '处置措施 {action} 的参数' },
    'editor.kind.value-of': { en: 'value of attribute {attribute}', 'zh-CN': '属性 {attribute} 的枚举值' },
    'editor.hover.managed': { en: 'managed: its values are the surfaces the posts of its package manage', 'zh-CN': '管理对象属性：其取值就是本包岗位所管理的对象' },
    'editor.hover.manages': { en: 'manages {surfaces}', 'zh-CN': '管理对象：{surfaces}' },
    'editor.kind.surface-of': { en: 'a surface: value of the managed attribute {attribute}', 'zh-CN': '管理对象：管理对象属性 {attribute} 的取值' },
    'editor.kind.package': { en: 'package', 'zh-CN': '包' },

    // One-line details (completion, outline).
    'editor.detail.action': { en: 'action {signature}', 'zh-CN': '处置措施 {signature}' },
    'editor.detail.attribute': { en: 'attribute {name}: {type}', 'zh-CN': '属性 {name}: {type}' },
    'editor.detail.attribute-default': { en: 'attribute {name}: {type} default {value}', 'zh-CN': '属性 {name}: {type}，默认值 {value}' },
    'editor.detail.parameter': { en: 'parameter {parameter}', 'zh-CN': '参数 {parameter}' },
    'editor.detail.declaration': { en: '{kind} {name}', 'zh-CN': '{kind} {name}' },
    'editor.detail.other': { en: '{kind}: {name}', 'zh-CN': '{kind}：{name}' },

    // Hover: the facts of a declaration.
    'editor.hover.type': { en: 'type: `{type}`', 'zh-CN': '类型：`{type}`' },
    'editor.hover.default': { en: 'default: `{value}`', 'zh-CN': '默认值：`{value}`' },
    'editor.hover.no-default': { en: 'required in every event (no default)', 'zh-CN': '每个事件都必须提供（无默认值）' },
    'editor.hover.level-highest': { en: 'the highest of {count} levels: {levels}', 'zh-CN': '{count} 个等级中最高：{levels}' },
    'editor.hover.level-lowest': { en: 'the lowest of {count} levels: {levels}', 'zh-CN': '{count} 个等级中最低：{levels}' },
    'editor.hover.level-rank': { en: 'rank {rank} of {count} levels: {levels}', 'zh-CN': '{count} 个等级中的等级 {rank}（最低为 0）：{levels}' },
    'editor.hover.inside': { en: 'inside `{category}`', 'zh-CN': '上级类别：`{category}`' },
    'editor.hover.inside-labelled': { en: 'inside `{category}` ({label})', 'zh-CN': '上级类别：`{category}`（{label}）' },
    'editor.hover.sub-categories': { en: 'sub-categories: {categories}', 'zh-CN': '下级类别：{categories}' },
    'editor.hover.optional-parameter': { en: '`{parameter}` (optional)', 'zh-CN': '`{parameter}`（可选）' },
    'editor.hover.package-declarations': { en: { one: '{count} declaration', other: '{count} declarations' }, 'zh-CN': '{count} 个声明' },
    'editor.hover.package-files': { en: { one: '{count} file', other: '{count} files' }, 'zh-CN': '{count} 个文件' },
    'editor.hover.package-contents': { en: '{declarations} in {files}: {paths}', 'zh-CN': '{files}中共 {declarations}：{paths}' },
    'editor.hover.duration': { en: '**duration** `{text}`: {words} ({iso})', 'zh-CN': '**时长** `{text}`：{words}（{iso}）' },
    'editor.hover.duration-words': { en: '**duration** `{text}`: {words}', 'zh-CN': '**时长** `{text}`：{words}' },
    'editor.hover.money': { en: '**money** `{text}`: {words}', 'zh-CN': '**金额** `{text}`：{words}' },

    // Hover: a rule's clauses in words.
    'editor.rule.disabled': { en: '**disabled**: kept in the bundle, never matches', 'zh-CN': '**已停用**：保留在规则包中，但不会匹配' },
    'editor.rule.categories': { en: 'categories: {categories}', 'zh-CN': '类别：{categories}' },
    'editor.rule.severity': { en: 'severity: {level}', 'zh-CN': '严重程度：{level}' },
    'editor.rule.responsible': { en: 'responsible: {post}', 'zh-CN': '责任岗位：{post}' },
    'editor.rule.actions': { en: 'actions: {actions}', 'zh-CN': '处置措施：{actions}' },
    'editor.rule.when': { en: 'when: `{condition}`', 'zh-CN': '条件：`{condition}`' },
    'editor.rule.escalation': { en: 'escalation: {steps}', 'zh-CN': '升级：{steps}' },
    'editor.rule.escalation-step': { en: 'after {duration} → {target}', 'zh-CN': '{duration}后 → {target}' },
    'editor.rule.escalation-then': { en: ', then ', 'zh-CN': '，' },
    'editor.rule.priority': { en: 'priority: {priority}', 'zh-CN': '优先级：{priority}' },
    'editor.rule.effective-period': { en: 'in force: {from} to {to}', 'zh-CN': '生效期间：{from} 至 {to}' },
    'editor.rule.effective-from': { en: 'in force: from {from}', 'zh-CN': '生效期间：自 {from} 起' },
    'editor.rule.campaign': { en: 'campaign: {campaign}', 'zh-CN': '专项行动：{campaign}' },
    'editor.hover.campaign-period': { en: 'runs: {from} to {to}', 'zh-CN': '行动期间：{from} 至 {to}' },
    'editor.hover.campaign-from': { en: 'runs: from {from}', 'zh-CN': '行动期间：自 {from} 起' },
    'editor.rule.basis': { en: 'basis: {texts}', 'zh-CN': '依据：{texts}' },

    // Completion.
    'editor.completion.clause': { en: 'rule clause', 'zh-CN': '规则子句' },
    'editor.completion.keyword': { en: 'keyword', 'zh-CN': '关键字' },
    'editor.completion.snippet-rule': { en: 'rule skeleton with the required clauses', 'zh-CN': '规则框架，含必需的子句' },
    'editor.completion.snippet-escalate': { en: 'escalation block', 'zh-CN': '升级步骤块' },
    'editor.completion.snippet-category': { en: 'category tree', 'zh-CN': '类别树' },
    'editor.completion.snippet-package': { en: 'package line and a wildcard import', 'zh-CN': '包声明和通配符导入' },
    'editor.completion.snippet-severities': { en: 'severity scale, lowest first', 'zh-CN': '严重程度等级表，从低到高' },
    'editor.completion.snippet-action': { en: 'handling action with a parameter', 'zh-CN': '带参数的处置措施' },
    'editor.completion.snippet-attribute': { en: 'enum attribute with a default', 'zh-CN': '带默认值的枚举属性' },
    'editor.completion.snippet-test': { en: 'test: an event and what must happen', 'zh-CN': '测试：一个事件及其预期结果' },
    'editor.completion.snippet-campaign': { en: 'campaign with its period', 'zh-CN': '专项行动及其期限' },
    'editor.completion.parameter': { en: 'Parameter of action `{action}`, such as `{example}`', 'zh-CN': '处置措施 `{action}` 的参数，例如 `{example}`' },
    'editor.completion.optional-parameter': {
        en: 'Parameter of action `{action}` (optional), such as `{example}`',
        'zh-CN': '处置措施 `{action}` 的可选参数，例如 `{example}`',
    },
    'editor.completion.duration': { en: 'duration: {words}', 'zh-CN': '时长：{words}' },
    'editor.completion.money': { en: 'money: an amount and an ISO 4217 currency code', 'zh-CN': '金额：数额加 ISO 4217 货币代码' },
    'editor.completion.number': { en: 'number', 'zh-CN': '数字' },
    'editor.completion.text': { en: 'text', 'zh-CN': '文本' },

    // Signature help: a parameter of an action call.
    'editor.signature.parameter': { en: '{type}: such as `{example}`', 'zh-CN': '{type}：例如 `{example}`' },
    'editor.signature.optional-parameter': { en: '{type}, optional: such as `{example}`', 'zh-CN': '{type}，可选：例如 `{example}`' },

    // Outline.
    'editor.symbol.test': { en: 'test', 'zh-CN': '测试' },
    'editor.symbol.test-given': { en: 'test · given {category}', 'zh-CN': '测试 · 给定 {category}' },
    'editor.symbol.rule-categories': { en: 'category {categories}', 'zh-CN': '类别 {categories}' },

    // Code lenses.
    'editor.lens.run-test': { en: 'Run test', 'zh-CN': '运行测试' },
    'editor.lens.passed-run-again': { en: '✓ passed — Run again', 'zh-CN': '✓ 通过 — 再次运行' },
    'editor.lens.failed-run-again': { en: '✗ failed — Run again', 'zh-CN': '✗ 未通过 — 再次运行' },
    'editor.lens.run-all': { en: 'Run all tests', 'zh-CN': '运行全部测试' },
    'editor.lens.run-all-results': { en: '{mark} {results} — Run all tests', 'zh-CN': '{mark} {results} — 运行全部测试' },
    'editor.lens.passed': { en: '{count} passed', 'zh-CN': '{count} 个通过' },
    'editor.lens.failed': { en: '{count} failed', 'zh-CN': '{count} 个未通过' },
    'editor.lens.not-run': { en: '{count} not run', 'zh-CN': '{count} 个未运行' },
    'editor.lens.separator': { en: ', ', 'zh-CN': '，' },
    'editor.lens.rule-disabled': { en: 'disabled: no test can reach it', 'zh-CN': '已停用：任何测试都不会匹配它' },
    'editor.lens.rule-not-counted': { en: 'tests not counted: the workspace has errors', 'zh-CN': '未统计测试：工作区有错误' },
    'editor.lens.rule-no-tests': { en: 'no tests', 'zh-CN': '没有测试' },
    'editor.lens.rule-tests': { en: { one: '{count} test', other: '{count} tests' }, 'zh-CN': '{count} 个测试' },

    // Rename: why a new name is refused.
    'editor.rename.not-a-name': { en: 'Only names of declarations, parameters and enum values can be renamed.', 'zh-CN': '只能重命名声明、参数和枚举值的名称。' },
    'editor.rename.nothing-to-rename': { en: "'{name}' does not name anything that can be renamed.", 'zh-CN': '“{name}”不是可以重命名的名称。' },
    'editor.rename.package': {
        en: "'{name}' is a package: rename it by editing the `package` line of its files.",
        'zh-CN': '“{name}”是一个包：要重命名，修改其文件中的 `package` 行。',
    },
    'editor.rename.keyword': { en: "'{name}' is a keyword of GovRule and cannot be a name.", 'zh-CN': '“{name}”是 GovRule 的关键字，不能用作名称。' },
    'editor.rename.invalid': {
        en: "'{name}' is not a valid name: use a letter or '_' followed by letters, digits or '_' (no dots or spaces); Chinese characters are letters.",
        'zh-CN': '“{name}”不是有效的名称：以字母或 `_` 开头，后跟字母、数字或 `_`（不含点和空格）；汉字也算字母。',
    },
    'editor.rename.cannot': { en: "'{name}' cannot be renamed.", 'zh-CN': '“{name}”无法重命名。' },
    'editor.rename.parameter-taken': { en: "Action '{action}' already has a parameter named '{name}'.", 'zh-CN': '处置措施“{action}”已有名为“{name}”的参数。' },
    'editor.rename.value-taken': { en: "Attribute '{attribute}' already has a value named '{name}'.", 'zh-CN': '属性“{attribute}”已有名为“{name}”的枚举值。' },
    'editor.rename.exists': { en: "'{name}' already exists ({kind} in {file}:{line}).", 'zh-CN': '“{name}”已存在（{file}:{line} 中的{kind}）。' },
    'editor.rename.package-name': { en: "'{name}' is the name of a package.", 'zh-CN': '“{name}”是一个包的名称。' },
    'editor.rename.attribute-taken': {
        en: "Attribute names are event keys and unique in the bundle: '{attribute}' already uses '{name}'.",
        'zh-CN': '属性名是事件中的键，在规则包中必须唯一：“{attribute}”已使用“{name}”。',
    },
    'editor.rename.reference-taken': {
        en: "In {file}:{line}, '{text}' already means {kind} ({target}); the renamed reference would change meaning.",
        'zh-CN': '在 {file}:{line}，“{text}”已指{kind} {target}，重命名后该引用的含义会改变。',
    },
    'editor.rename.reference-ambiguous': {
        en: "In {file}:{line}, '{text}' already means an ambiguous name; the renamed reference would change meaning.",
        'zh-CN': '在 {file}:{line}，“{text}”已是有歧义的名称，重命名后该引用的含义会改变。',
    },
    'editor.rename.would-capture': {
        en: "In {file}:{line}, '{text}' means {kind} ({target}) and would come to mean the renamed {renamed} instead.",
        'zh-CN': '在 {file}:{line}，“{text}”指{kind} {target}，重命名后会改指被重命名的{renamed}。',
    },

    // The server's own command line (`govrule-language-server --help`), in the language of the environment.
    'editor.server.usage': {
        en: 'Usage: govrule-language-server --stdio | --node-ipc | --socket=PORT | --pipe=NAME\n\nThe GovRule language server. Editors start it and talk LSP over the chosen transport.\n',
        'zh-CN': '用法：govrule-language-server --stdio | --node-ipc | --socket=PORT | --pipe=NAME\n\nGovRule 语言服务器。由编辑器启动，通过所选的传输方式以 LSP 通信。\n',
    },

    // Commands over workspace/executeCommand: why one fails.
    'editor.command.needs-file': { en: '{command} needs the URI of a file', 'zh-CN': '{command} 需要一个文件的 URI' },
    'editor.command.not-in-workspace': { en: '{file} is not part of the workspace', 'zh-CN': '{file} 不在工作区中' },
    'editor.command.not-a-rule-file': { en: '{file} is not a GovRule file of the workspace', 'zh-CN': '{file} 不是工作区中的 GovRule 文件' },
    'editor.command.no-such-test': { en: 'There is no test named {name} in {file}', 'zh-CN': '{file} 中没有名为 {name} 的测试' },
    'editor.command.bad-selection': {
        en: '{command} takes an object with "tests", a list of files ("uri", a string) and optionally test names ("name"), and "coverage", true or false; both are optional',
        'zh-CN': '{command} 的参数是一个对象：“tests”为文件（“uri”，字符串）及可选的测试名（“name”）的列表，“coverage”为 true 或 false；两项均可省略',
    },
    'editor.command.workspace-changed': {
        en: 'The workspace changed while the tests were starting: run them again',
        'zh-CN': '测试启动时工作区有改动，需重新运行',
    },
    'editor.command.cannot-compile': {
        en: { one: 'Cannot compile: {count} error (first: {first})', other: 'Cannot compile: {count} errors (first: {first})' },
        'zh-CN': '无法编译：有 {count} 个错误（第一个：{first}）',
    },
    'editor.command.cannot-run-tests': {
        en: { one: 'Cannot run the tests: {count} error (first: {first})', other: 'Cannot run the tests: {count} errors (first: {first})' },
        'zh-CN': '无法运行测试：有 {count} 个错误（第一个：{first}）',
    },
    'editor.command.diff-needs-old-side': {
        en: '{command} needs the old side: a git revision, a bundle file or a folder ({example})',
        'zh-CN': '{command} 需要比较的旧版本：git 修订版本、规则包文件或文件夹（{example}）',
    },
} as const satisfies Catalogue;
