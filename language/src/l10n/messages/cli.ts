/** The CLI: usage, summaries, errors, progress and test reports. Keys start with `cli.`. */
import type { Catalogue } from '../catalogue.js';

export const cliMessages = {
    // ---- lists and the frame of every message on stderr ----
    'cli.list.separator': { en: ', ', 'zh-CN': '、' },
    'cli.clause.separator': { en: '; ', 'zh-CN': '；' },
    'cli.error': { en: 'govrule: error: {message}', 'zh-CN': 'govrule：错误：{message}' },
    'cli.note': { en: 'govrule: {message}', 'zh-CN': 'govrule：{message}' },
    'cli.internal-error': { en: 'govrule: internal error: {detail}', 'zh-CN': 'govrule：内部错误：{detail}' },
    'cli.internal-error.hint': { en: '{message} (run with --debug for details)', 'zh-CN': '{message}（加上 --debug 运行可查看详情）' },

    // ---- usage ----
    'cli.usage.title': { en: 'Usage: govrule <command> [paths...] [options]', 'zh-CN': '用法：govrule <命令> [路径...] [选项]' },
    'cli.usage.commands': { en: 'Commands:', 'zh-CN': '命令：' },
    'cli.usage.paths': {
        en: 'Paths are files or folders (searched for *.govrule). With none, the include\nof govrule.json is used, else the current folder.',
        'zh-CN': '路径是文件或文件夹（在文件夹中查找 *.govrule）。不给路径时，使用 govrule.json 的\ninclude；没有 govrule.json 时，使用当前文件夹。',
    },
    'cli.usage.options': { en: 'Options:', 'zh-CN': '选项：' },
    'cli.usage.command-options': { en: '{command}:', 'zh-CN': '{command}：' },
    'cli.usage.exit-codes': {
        en: 'Exit codes: 0 success, 1 errors (or too many warnings, or a failing test),\n2 usage or I/O error.',
        'zh-CN': '退出码：0 成功；1 有错误（或警告过多、有测试未通过）；\n2 用法错误或读写错误。',
    },
    'cli.option.format': { en: 'diagnostics as text (default, to stderr), json, sarif or github', 'zh-CN': '诊断的格式：text（默认，输出到 stderr）、json、sarif 或 github' },
    'cli.option.max-warnings': { en: 'fail when there are more than N warnings', 'zh-CN': '警告多于 N 个时以失败退出' },
    'cli.option.quiet': { en: 'report errors only', 'zh-CN': '只报告错误' },
    'cli.option.debug': { en: 'with an internal error, print where it happened (a stack trace)', 'zh-CN': '出现内部错误时，打印出错位置（调用栈）' },
    'cli.option.lang': { en: 'messages in en or zh-CN (default: from LC_ALL, LC_MESSAGES, LANG)', 'zh-CN': '输出语言：en 或 zh-CN（默认取自 LC_ALL、LC_MESSAGES、LANG）' },
    'cli.option.help': { en: 'show this help', 'zh-CN': '显示本帮助' },
    'cli.option.version': { en: 'show the version', 'zh-CN': '显示版本号' },

    // ---- commands: summaries and options ----
    'cli.check.summary': { en: 'parse, link and validate; print diagnostics', 'zh-CN': '解析、链接并校验；打印诊断' },
    'cli.compile.summary': { en: 'check, then write the bundle (-o FILE, or stdout)', 'zh-CN': '检查，然后写出规则包（-o FILE，或标准输出）' },
    'cli.compile.option.output': { en: 'write the bundle to FILE (atomically); else to stdout', 'zh-CN': '将规则包写入 FILE（原子写入）；不给时写到标准输出' },
    'cli.fmt.summary': { en: 'rewrite files in the canonical format; list the files changed', 'zh-CN': '按规范格式重写文件；列出改动的文件' },
    'cli.fmt.option.check': { en: 'change nothing; list the files that are not formatted and fail', 'zh-CN': '不做改动；列出格式不规范的文件并以失败退出' },
    'cli.test.summary': { en: 'run the test blocks and report each', 'zh-CN': '运行测试块并逐个报告结果' },
    'cli.test.option.reporter': { en: 'results on stdout as text (default), junit (XML) or json', 'zh-CN': '结果输出到标准输出：text（默认）、junit（XML）或 json' },
    'cli.test.option.coverage': { en: 'report rules, leaf categories and escalation targets no test reached', 'zh-CN': '报告没有测试覆盖的规则、末级类别和升级对象' },
    'cli.test.option.coverage-threshold': { en: 'fail when less than P percent of the enabled rules are covered', 'zh-CN': '已启用规则的覆盖率低于 P% 时以失败退出' },
    'cli.test.option.date': { en: 'the date of tests that have no `on` (default: today, UTC)', 'zh-CN': '未写 `on` 的测试所用的日期（默认：今天，UTC）' },
    'cli.eval.summary': { en: 'decide events with a compiled bundle; print the decision as JSON', 'zh-CN': '用编译好的规则包判定事件；以 JSON 打印判定结果' },
    'cli.eval.option.bundle': { en: 'the compiled bundle (govrule compile -o FILE)', 'zh-CN': '编译好的规则包（govrule compile -o FILE）' },
    'cli.eval.option.event': { en: 'one event as JSON: print its decision and explanation', 'zh-CN': '一个 JSON 事件：打印其判定结果和解释' },
    'cli.eval.option.events': { en: 'JSON Lines, one event a line: print one decision a line', 'zh-CN': 'JSON Lines，每行一个事件：每行打印一个判定结果' },
    'cli.eval.option.date': { en: 'the date of events that give none (default: today, UTC)', 'zh-CN': '未给日期的事件所用的日期（默认：今天，UTC）' },
    'cli.eval.option.explain': { en: 'with --events: add the explanation to each decision', 'zh-CN': '与 --events 一起使用：为每个判定结果附上解释' },
    'cli.eval.option.strict': { en: 'reject attributes and event keys the bundle does not know', 'zh-CN': '拒绝规则包中没有的属性和事件字段' },
    'cli.init.summary': { en: 'scaffold a rule repository in a folder (default: the current one)', 'zh-CN': '在文件夹中创建规则仓库骨架（默认：当前文件夹）' },
    'cli.diff.summary': { en: 'what changes between two bundles, folders or git revisions (OLD NEW)', 'zh-CN': '比较两个规则包、文件夹或 git 版本之间的变化（OLD NEW）' },
    'cli.diff.option.sides': { en: 'a bundle file, a folder of sources, or a git revision (HEAD~1, main)', 'zh-CN': '规则包文件、源文件所在文件夹或 git 版本（HEAD~1、main）' },
    'cli.diff.option.format': { en: 'the report as text (default), json or markdown', 'zh-CN': '报告格式：text（默认）、json 或 markdown' },
    'cli.diff.option.fail-on': {
        en: 'exit 1 when there are such differences: added, removed, changed\n(renamed rules count as changed), decisions; comma-separated',
        'zh-CN': '有这些差异时以 1 退出：added、removed、changed（重命名的规则\n算作 changed）、decisions；用逗号分隔',
    },
    'cli.diff.option.events': {
        en: 'replay: decide these events (JSON Lines) with both sides and\nreport the decisions that change',
        'zh-CN': '重放：用新旧两边分别判定这些事件（JSON Lines），\n报告有变化的判定结果',
    },
    'cli.diff.option.samples': { en: 'sample events per group of changed decisions (default 3)', 'zh-CN': '每组变化的判定结果列出的示例事件数（默认 3）' },
    'cli.diff.option.max-changed-decisions': { en: 'exit 1 when more decisions than this change', 'zh-CN': '变化的判定结果多于此数时以 1 退出' },

    // ---- usage errors ----
    'cli.error.unknown-command': {
        en: "unknown command '{command}' (commands: {commands}); see govrule --help",
        'zh-CN': '未知命令“{command}”（可用命令：{commands}）；参见 govrule --help',
    },
    'cli.error.unknown-option': { en: "Unknown option '{option}'; see govrule --help", 'zh-CN': '未知选项“{option}”；参见 govrule --help' },
    'cli.error.option-value-missing': { en: "Option '{option}' argument missing; see govrule --help", 'zh-CN': '选项“{option}”缺少值；参见 govrule --help' },
    'cli.error.option-takes-no-value': { en: "Option '{option}' does not take an argument; see govrule --help", 'zh-CN': '选项“{option}”不接受值；参见 govrule --help' },
    'cli.error.option-ambiguous': {
        en: "Option '{option}' argument is ambiguous.; see govrule --help",
        'zh-CN': '选项“{option}”的值有歧义（看起来像另一个选项）；参见 govrule --help',
    },
    'cli.error.command-line': { en: '{detail}; see govrule --help', 'zh-CN': '命令行有误：{detail}；参见 govrule --help' },
    'cli.error.repeated-option': {
        en: "--{option} given twice ('{first}' and '{second}'); give it once",
        'zh-CN': '--{option} 给了两次（“{first}”和“{second}”）；只能给一次',
    },
    'cli.error.lang': { en: "--lang takes en or zh-CN, not '{value}'", 'zh-CN': '--lang 只能是 en 或 zh-CN，而不是“{value}”' },
    'cli.error.lang-missing': { en: '--lang takes en or zh-CN', 'zh-CN': '--lang 需要一个值：en 或 zh-CN' },
    'cli.error.format': { en: "unknown format '{format}' (formats: {formats})", 'zh-CN': '未知格式“{format}”（可用格式：{formats}）' },
    'cli.error.max-warnings': { en: "--max-warnings takes a whole number, not '{value}'", 'zh-CN': '--max-warnings 须为非负整数，而不是“{value}”' },
    'cli.error.date': { en: "--date takes a calendar date YYYY-MM-DD, not '{value}'", 'zh-CN': '--date 须为 YYYY-MM-DD 格式的日期，而不是“{value}”' },
    'cli.error.reporter': { en: "unknown reporter '{reporter}' (reporters: {reporters})", 'zh-CN': '未知报告格式“{reporter}”（可用格式：{reporters}）' },
    'cli.error.coverage-threshold': {
        en: "--coverage-threshold takes a percentage from 0 to 100, not '{value}'",
        'zh-CN': '--coverage-threshold 须为 0 到 100 之间的百分数，而不是“{value}”',
    },

    // ---- files and output (project/) ----
    'cli.error.cannot-read': { en: 'cannot read {file}: {reason}', 'zh-CN': '无法读取 {file}：{reason}' },
    'cli.error.cannot-read-stdin': { en: 'cannot read stdin: {reason}', 'zh-CN': '无法读取标准输入：{reason}' },
    'cli.error.cannot-read-folder': { en: 'cannot read folder {folder}: {reason}', 'zh-CN': '无法读取文件夹 {folder}：{reason}' },
    'cli.error.cannot-write': { en: 'cannot write {file}: {reason}', 'zh-CN': '无法写入 {file}：{reason}' },
    'cli.error.cannot-write-temp': { en: 'cannot write a temporary file in {folder}: {reason}', 'zh-CN': '无法在 {folder} 中写入临时文件：{reason}' },
    'cli.error.not-a-file': { en: '{file} is not a file', 'zh-CN': '{file} 不是文件' },
    'cli.error.not-a-folder': { en: '{folder} is not a folder', 'zh-CN': '{folder} 不是文件夹' },
    'cli.error.no-such-path': { en: 'no such file or folder: {path}', 'zh-CN': '没有这个文件或文件夹：{path}' },
    'cli.error.not-file-or-folder': { en: 'not a file or folder: {path}', 'zh-CN': '不是文件或文件夹：{path}' },
    'cli.error.no-sources': { en: 'no .govrule files found in {folder}', 'zh-CN': '在 {folder} 中没有找到 .govrule 文件' },
    'cli.error.no-sources-include': {
        en: 'no .govrule files found in {folder} (include: {include})',
        'zh-CN': '在 {folder} 中没有找到 .govrule 文件（include：{include}）',
    },
    'cli.error.no-sources-include-problem': {
        en: 'no .govrule files found in {folder} (include: {include}); {config}: {problem}',
        'zh-CN': '在 {folder} 中没有找到 .govrule 文件（include：{include}）；{config}：{problem}',
    },
    'cli.error.line-too-long': { en: 'line {line} of {file} is longer than {max} characters', 'zh-CN': '{file} 第 {line} 行超过 {max} 个字符' },
    'cli.error.line-too-long-stdin': { en: 'line {line} of stdin is longer than {max} characters', 'zh-CN': '标准输入第 {line} 行超过 {max} 个字符' },
    'cli.error.output-is-config': {
        en: 'the output {output} is a project configuration ({config}); refusing to replace it with the bundle',
        'zh-CN': '输出 {output} 是项目配置（{config}）；不会用规则包替换它',
    },
    'cli.error.output-is-config-via': {
        en: 'the output {output} is {target}, a project configuration ({config}); refusing to replace it with the bundle',
        'zh-CN': '输出 {output} 即 {target}，是项目配置（{config}）；不会用规则包替换它',
    },
    'cli.error.output-is-source': {
        en: 'the output {output} is a source file of this run; refusing to replace it with the bundle',
        'zh-CN': '输出 {output} 是本次运行的源文件；不会用规则包替换它',
    },
    'cli.error.output-is-source-via': {
        en: 'the output {output} is {target}, a source file of this run; refusing to replace it with the bundle',
        'zh-CN': '输出 {output} 即 {target}，是本次运行的源文件；不会用规则包替换它',
    },
    // The `unreadable-file` diagnostics of a source file.
    'cli.unreadable.cannot-read': { en: 'Cannot read this file: {reason}', 'zh-CN': '无法读取此文件：{reason}' },
    'cli.unreadable.not-utf8': {
        en: 'Not valid UTF-8: the byte 0x{byte} here is not part of a UTF-8 character; save the file as UTF-8',
        'zh-CN': '不是有效的 UTF-8：此处的字节 0x{byte} 不属于任何 UTF-8 字符；请将文件另存为 UTF-8 编码',
    },

    // ---- diagnostics reports ----
    'cli.report.clean': {
        en: { one: 'No problems in {count} file.', other: 'No problems in {count} files.' },
        'zh-CN': '{count} 个文件中没有发现问题。',
    },
    'cli.report.found': {
        en: { one: '{problems} in {count} file.', other: '{problems} in {count} files.' },
        'zh-CN': '{count} 个文件中有 {problems}。',
    },
    'cli.report.problem.separator': { en: ', ', 'zh-CN': '，' },
    'cli.report.errors': { en: { one: '{count} error', other: '{count} errors' }, 'zh-CN': '{count} 个错误' },
    'cli.report.warnings': { en: { one: '{count} warning', other: '{count} warnings' }, 'zh-CN': '{count} 个警告' },
    'cli.report.info': { en: '{count} info', 'zh-CN': '{count} 个提示' },
    'cli.report.hints': { en: { one: '{count} hint', other: '{count} hints' }, 'zh-CN': '{count} 个建议' },
    'cli.report.too-many-warnings': {
        en: { one: 'govrule: {count} warning exceeds --max-warnings {max}', other: 'govrule: {count} warnings exceed --max-warnings {max}' },
        'zh-CN': 'govrule：有 {count} 个警告，多于 --max-warnings {max}',
    },
    'cli.report.stack': { en: 'govrule: stack of the internal error in {file}:\n{stack}', 'zh-CN': 'govrule：{file} 中内部错误的调用栈：\n{stack}' },
    'cli.compile.wrote': { en: 'Wrote {file}.', 'zh-CN': '已写入 {file}。' },
    'cli.fmt.cannot-format': { en: 'cannot format: {reason}', 'zh-CN': '无法格式化：{reason}' },
    'cli.fmt.unformatted-one': {
        en: { one: 'govrule: 1 of {count} file is not formatted; run govrule fmt to format it', other: 'govrule: 1 of {count} files are not formatted; run govrule fmt to format it' },
        'zh-CN': 'govrule：{count} 个文件中有 1 个格式不规范；运行 govrule fmt 即可格式化',
    },
    'cli.fmt.unformatted-many': {
        en: 'govrule: {unformatted} of {count} files are not formatted; run govrule fmt to format them',
        'zh-CN': 'govrule：{count} 个文件中有 {unformatted} 个格式不规范；运行 govrule fmt 即可格式化',
    },

    // ---- govrule test ----
    'cli.test.sources-have-errors': { en: 'govrule: the sources have errors; no test was run', 'zh-CN': 'govrule：源文件有错误，未运行任何测试' },
    'cli.test.none-found': { en: 'govrule: no test blocks found', 'zh-CN': 'govrule：没有找到测试块' },
    'cli.test.below-threshold': {
        en: 'govrule: rule coverage {percent}% is below --coverage-threshold {threshold}%',
        'zh-CN': 'govrule：规则覆盖率 {percent}% 低于 --coverage-threshold {threshold}%',
    },
    'cli.test.summary-line': { en: '{passed} passed, {failed} failed', 'zh-CN': '{passed} 个通过，{failed} 个未通过' },
    'cli.test.pass': { en: 'PASS', 'zh-CN': '通过' },
    'cli.test.fail': { en: 'FAIL', 'zh-CN': '失败' },
    'cli.test.on': { en: 'on {date}', 'zh-CN': '判定日期：{date}' },
    'cli.test.on-today': { en: 'on {date} (today: the test has no `on`)', 'zh-CN': '判定日期：{date}（今天：测试未写 `on`）' },
    'cli.test.error': { en: 'error: {error}', 'zh-CN': '错误：{error}' },
    'cli.test.column.what': { en: 'what', 'zh-CN': '项目' },
    'cli.test.column.expected': { en: 'expected', 'zh-CN': '预期' },
    'cli.test.column.actual': { en: 'actual', 'zh-CN': '实际' },
    'cli.test.also-matched': { en: 'also matched: {rules}', 'zh-CN': '同时匹配：{rules}' },
    'cli.test.junit.failure': { en: '{what}: expected {expected}, actual {actual}', 'zh-CN': '{what}：预期 {expected}，实际 {actual}' },
    // What an expectation is about (the `expect` keyword's word), and its values.
    'cli.test.kind.rule': { en: 'rule', 'zh-CN': '规则' },
    'cli.test.kind.actions': { en: 'actions', 'zh-CN': '处置措施' },
    'cli.test.kind.severity': { en: 'severity', 'zh-CN': '严重程度' },
    'cli.test.kind.responsible': { en: 'responsible', 'zh-CN': '责任岗位' },
    'cli.test.kind.escalation': { en: 'escalation', 'zh-CN': '升级' },
    'cli.test.value.none': { en: 'none', 'zh-CN': '无' },
    'cli.test.value.no-escalation': { en: 'no escalation', 'zh-CN': '不升级' },
    'cli.test.value.within': { en: '{target} within {duration}', 'zh-CN': '{duration}内升级至{target}' },
    'cli.test.value.after': { en: '{target} after {duration}', 'zh-CN': '{duration}后升级至{target}' },
    'cli.test.value.labelled': { en: '{label} ({name})', 'zh-CN': '{label}（{name}）' },
    'cli.test.value.unlabelled': { en: '{id}', 'zh-CN': '“{id}”' },
    // A failing test as the editor shows it: one diagnostic per failing expectation.
    'cli.test.failed': {
        en: 'Test "{test}" failed: expected {what} {expected}, actual: {actual}{also}{when}',
        'zh-CN': '测试“{test}”未通过：预期{what}：{expected}，实际：{actual}{also}{when}',
    },
    'cli.test.failed-undecidable': {
        en: 'Test "{test}" failed: its event cannot be decided: {error}{when}',
        'zh-CN': '测试“{test}”未通过：其事件无法判定：{error}{when}',
    },
    'cli.test.failed.also-matched': { en: '; also matched: {rules}', 'zh-CN': '；同时匹配：{rules}' },
    'cli.test.failed.today': { en: ' (decided on {date}, today: the test has no `on`)', 'zh-CN': '（判定日期：{date}，即今天：测试未写 `on`）' },
    'cli.test.decided-by': { en: '{rule} decided the test', 'zh-CN': '判定此测试的规则是 {rule}' },
    // Coverage (`--coverage`).
    'cli.coverage.title': { en: 'Coverage:', 'zh-CN': '覆盖率：' },
    'cli.coverage.rules': { en: 'rules', 'zh-CN': '规则' },
    'cli.coverage.leaf-categories': { en: 'leaf categories', 'zh-CN': '末级类别' },
    'cli.coverage.escalation-targets': { en: 'escalation targets', 'zh-CN': '升级对象' },
    'cli.coverage.ratio': { en: '{covered}/{total} ({percent}%)', 'zh-CN': '{covered}/{total}（{percent}%）' },
    'cli.coverage.missed.rules': { en: 'Rules no test reached:', 'zh-CN': '没有测试覆盖的规则：' },
    'cli.coverage.missed.leaf-categories': { en: 'Leaf categories no test reached:', 'zh-CN': '没有测试覆盖的末级类别：' },
    'cli.coverage.missed.escalation-targets': { en: 'Escalation targets no test reached:', 'zh-CN': '没有测试覆盖的升级对象：' },

    // ---- govrule eval ----
    'cli.eval.no-paths': {
        en: 'eval takes no paths (got {paths}); give --bundle FILE and --event FILE or --events FILE',
        'zh-CN': 'eval 不接受路径（收到 {paths}）；请给出 --bundle FILE，以及 --event FILE 或 --events FILE',
    },
    'cli.eval.needs-bundle': {
        en: 'eval needs --bundle FILE (a bundle written by govrule compile -o FILE)',
        'zh-CN': 'eval 需要 --bundle FILE（由 govrule compile -o FILE 写出的规则包）',
    },
    'cli.eval.needs-one-input': {
        en: 'eval needs exactly one of --event FILE|- and --events FILE|-',
        'zh-CN': 'eval 需要 --event FILE|- 和 --events FILE|- 中的一个，且只能给一个',
    },
    'cli.eval.one-stdin': { en: 'only one of --bundle and the events can be read from stdin', 'zh-CN': '--bundle 和事件只能有一个从标准输入读取' },
    'cli.eval.bundle-unusable': { en: 'cannot use {file}: {message}', 'zh-CN': '无法使用 {file}：{message}' },
    'cli.eval.stdin-bundle-unusable': { en: 'cannot use the bundle on stdin: {message}', 'zh-CN': '无法使用标准输入中的规则包：{message}' },
    'cli.eval.undecidable': { en: 'the event cannot be decided: {message}', 'zh-CN': '无法判定该事件：{message}' },
    'cli.eval.not-json': { en: 'the event is not valid JSON: {message}', 'zh-CN': '事件不是有效的 JSON：{message}' },
    'cli.eval.some-undecidable': {
        en: 'govrule: {failed} of {count} events could not be decided (see the "error" lines)',
        'zh-CN': 'govrule：{count} 个事件中有 {failed} 个无法判定（见带 `error` 字段的行）',
    },

    // ---- govrule init ----
    'cli.init.one-folder': { en: 'init takes at most one folder (got {paths})', 'zh-CN': 'init 最多接受一个文件夹（收到 {paths}）' },
    'cli.init.files-exist': {
        en: 'init writes nothing over existing files; already there: {files}',
        'zh-CN': 'init 不会覆盖已有文件，因此什么也没写；已存在：{files}',
    },
    'cli.init.done': {
        en: 'Scaffolded a rule repository in {folder}. Next:\n  npm install --save-dev govrule     (or the tarball of npm pack)\n  npx govrule check && npx govrule test && npx govrule compile\n',
        'zh-CN': '已在 {folder} 创建规则仓库。接下来：\n  npm install --save-dev govrule     （或 npm pack 生成的 tarball）\n  npx govrule check && npx govrule test && npx govrule compile\n',
    },

    // ---- govrule diff (the command; the report's words are under cli.diff.report.*) ----
    'cli.diff.two-sides': { en: 'diff takes two sides, OLD and NEW (got {paths})', 'zh-CN': 'diff 需要新旧两边：OLD 和 NEW（收到 {paths}）' },
    'cli.diff.no-sides': { en: 'diff takes two sides, OLD and NEW (got none)', 'zh-CN': 'diff 需要新旧两边：OLD 和 NEW（一个也没给）' },
    'cli.diff.format': { en: "unknown format '{format}' for diff (formats: {formats})", 'zh-CN': 'diff 不支持格式“{format}”（可用格式：{formats}）' },
    'cli.diff.needs-events': { en: '{option} needs --events FILE (the events to replay)', 'zh-CN': '{option} 需要与 --events FILE（要重放的事件）一起使用' },
    'cli.diff.max-changed': {
        en: "--max-changed-decisions takes a count N or a percentage P% (0 to 100), not '{value}'",
        'zh-CN': '--max-changed-decisions 须为数目 N 或百分数 P%（0 到 100），而不是“{value}”',
    },
    'cli.diff.count': { en: "{option} takes a whole number from 0 to 1000, not '{value}'", 'zh-CN': '{option} 须为 0 到 1000 之间的整数，而不是“{value}”' },
    'cli.diff.gate': { en: "unknown --fail-on '{gate}' (kinds: {gates})", 'zh-CN': '未知的 --fail-on 取值“{gate}”（可用取值：{gates}）' },
    'cli.diff.failed.added': { en: '--fail-on added: {count} added', 'zh-CN': '--fail-on added：新增了 {count} 条规则' },
    'cli.diff.failed.removed': { en: '--fail-on removed: {count} removed', 'zh-CN': '--fail-on removed：删除了 {count} 条规则' },
    'cli.diff.failed.changed': { en: '--fail-on changed: {count} changed', 'zh-CN': '--fail-on changed：修改了 {count} 条规则' },
    'cli.diff.failed.decisions': { en: '--fail-on decisions: {count} changed decisions', 'zh-CN': '--fail-on decisions：{count} 个判定结果有变化' },
    'cli.diff.failed.max-changed': {
        en: '--max-changed-decisions {max}: {changed} of {count} decisions changed ({percent}%)',
        'zh-CN': '--max-changed-decisions {max}：{count} 个判定结果中有 {changed} 个变化（{percent}%）',
    },
    'cli.progress.replay': { en: 'govrule: replay: {events} events read, {rate} events/s', 'zh-CN': 'govrule：重放：已读取 {events} 个事件，每秒 {rate} 个' },
} as const satisfies Catalogue;
