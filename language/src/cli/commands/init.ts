/**
 * `govrule init [folder]` (§11): scaffolds a rule repository that checks, tests and compiles
 * clean: govrule.json, a vocabulary, one category with a rule and its test, the editor's
 * extension recommendation and a GitHub Actions workflow. It never writes over a file: if any of
 * them exists, it writes nothing.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Command, Io, OptionValues } from '../command.js';
import { CliError, displayPath } from '../files.js';
import { t } from '../../l10n/index.js';

export const initCommand: Command = {
    name: 'init',
    summary: 'cli.init.summary',
    help: [],
    options: {},
    run: init,
};

/** The scaffold, by path relative to the folder; `/`-separated. */
export const SCAFFOLD: Readonly<Record<string, string>> = {
    'govrule.json': `{
    "include": ["rules/**/*.govrule", "tests/**/*.govrule"],
    "out": "dist/govrule.bundle.json"
}
`,
    'rules/vocabulary.govrule': `package policy

// What every rule of this repository shares: the severity scale, posts, authorities, actions
// and the attributes that conditions read. Labels are given in Chinese and English.

/** Severity, from low to high */
severities {
    minor "一般 Minor"
    serious "较重 Serious"
    severe "严重 Severe"
}

/** First-line content reviewer */
post reviewer "内容审核员 Reviewer"
/** Editor on duty, who takes over escalated cases */
post dutyEditor "值班编辑 Duty editor"
/** Editor in chief, responsible for the outcome of major cases */
post chiefEditor "总编辑 Editor in chief"

authority cac "网信办 Cyberspace administration"

action remove "删除信息 Remove"
action throttle "限流 Throttle"
/** Suspends the account's publishing for the given number of days */
action suspendAccount "暂停账号 Suspend account" (days: number)

attribute channel: enum { website, app, selfMedia } "发布渠道 Channel"
attribute reports: number default 0 "举报次数 Reports"
`,
    'rules/spam.govrule': `package policy

category spam "垃圾信息 Spam" {
    category advertising "广告引流 Advertising"
}

/** Advertising spam: removed; repeated reports escalate to the editors */
rule advertisingSpam "广告引流 Advertising spam" {
    category spam.advertising
    severity serious
    when reports >= 3 or channel == selfMedia
    responsible reviewer
    actions remove, suspendAccount(days: 7)
    escalate {
        after 4h to dutyEditor
        after 1d to chiefEditor
        after 3d to cac
    }
    basis "Platform community guidelines"
}

/** Any other spam: throttled */
rule spamBaseline "垃圾信息 Spam" {
    category spam
    severity minor
    responsible reviewer
    actions throttle
}
`,
    'tests/spam.govrule': `package policy.tests
import policy.*

test "reported advertising is removed and escalated" {
    given spam.advertising { channel: app, reports: 5 }
    on 2026-06-01
    expect rule advertisingSpam
    expect severity serious
    expect actions remove, suspendAccount
    expect escalation to chiefEditor within 1d
    expect escalation to cac within 3d
}

test "advertising without reports is only throttled" {
    given spam.advertising { channel: website }
    on 2026-06-01
    expect rule spamBaseline
    expect actions throttle
}
`,
    '.vscode/extensions.json': `{
    "recommendations": ["govrule.govrule"]
}
`,
    '.github/workflows/govrule.yml': `# Checks, tests and compiles the rules on every push and pull request.
name: govrule
on:
  push:
  pull_request:
permissions:
  contents: read
  security-events: write
jobs:
  rules:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-node@v4
        with:
          node-version: 20
          cache: npm
      - run: npm ci
      - name: Check (findings in code scanning)
        run: npx govrule check --format sarif > govrule.sarif
      - name: Upload findings
        if: always()
        uses: github/codeql-action/upload-sarif@v3
        with:
          sarif_file: govrule.sarif
          category: govrule
      - name: Test
        run: npx govrule test --reporter junit > govrule-tests.xml
      - name: Upload test results
        if: always()
        uses: actions/upload-artifact@v4
        with:
          name: govrule-tests
          path: govrule-tests.xml
      - name: Compile
        run: npx govrule compile -o dist/govrule.bundle.json
      - uses: actions/upload-artifact@v4
        with:
          name: govrule-bundle
          path: dist/govrule.bundle.json
`,
};

async function init(paths: string[], _values: OptionValues, io: Io): Promise<number> {
    if (paths.length > 1) {
        throw new CliError(t('cli.init.one-folder', { paths: paths.join(' ') }));
    }
    const folder = path.resolve(io.cwd, paths[0] ?? '.');
    if (fs.existsSync(folder) && !fs.statSync(folder).isDirectory()) {
        throw new CliError(t('cli.error.not-a-folder', { folder: displayPath(folder, io.cwd) }));
    }
    const targets = Object.keys(SCAFFOLD).map(name => ({ name, file: path.join(folder, ...name.split('/')) }));
    // lstat, not exists: a dangling symbolic link is in the way too.
    const present = targets.filter(t => lstatOrUndefined(t.file) !== undefined);
    if (present.length > 0) {
        throw new CliError(t('cli.init.files-exist', { files: present.map(p => displayPath(p.file, io.cwd)).join(t('cli.list.separator')) }));
    }
    for (const { name, file } of targets) {
        try {
            fs.mkdirSync(path.dirname(file), { recursive: true });
            // 'wx' fails rather than overwrite a file that appeared since the check.
            fs.writeFileSync(file, SCAFFOLD[name], { flag: 'wx' });
        } catch (err) {
            throw new CliError(t('cli.error.cannot-write', { file: displayPath(file, io.cwd), reason: (err as NodeJS.ErrnoException).code ?? (err as Error).message }));
        }
        io.stdout(`${displayPath(file, io.cwd)}\n`);
    }
    io.stderr(t('cli.init.done', { folder: displayPath(folder, io.cwd) }));
    return 0;
}

function lstatOrUndefined(file: string): fs.Stats | undefined {
    try {
        return fs.lstatSync(file);
    } catch {
        return undefined;
    }
}
