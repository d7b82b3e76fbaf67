/**
 * Runs code-server (a real VS Code workbench served over HTTP) on loopback, in its own process
 * group with its own HOME, user data and extensions folders, so that the test can stop all of it.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';
import { promisify } from 'node:util';
import type { Prerequisites } from './prerequisites.js';

const HOST = '127.0.0.1';

export interface CodeServerDirs {
    readonly home: string;
    readonly userData: string;
    readonly extensions: string;
}

/** A free TCP port on loopback. */
export function freePort(): Promise<number> {
    return new Promise((resolve, reject) => {
        const server = net.createServer();
        server.once('error', reject);
        server.listen(0, HOST, () => {
            const { port } = server.address() as net.AddressInfo;
            server.close(() => resolve(port));
        });
    });
}

export function makeDirs(base: string): CodeServerDirs {
    const dirs = { home: path.join(base, 'home'), userData: path.join(base, 'user-data'), extensions: path.join(base, 'extensions') };
    for (const dir of Object.values(dirs)) {
        fs.mkdirSync(dir, { recursive: true });
    }
    return dirs;
}

/** Settings that keep the workbench quiet, offline and predictable for screenshots. */
const QUIET_SETTINGS: Record<string, unknown> = {
    'workbench.startupEditor': 'none',
    'workbench.tips.enabled': false,
    'workbench.enableExperiments': false,
    'workbench.colorTheme': 'Default Dark Modern',
    'workbench.editor.enablePreview': false,
    'security.workspace.trust.enabled': false,
    'telemetry.telemetryLevel': 'off',
    'update.mode': 'none',
    'extensions.autoCheckUpdates': false,
    'extensions.autoUpdate': false,
    'extensions.ignoreRecommendations': true,
    'git.enabled': false,
    'chat.disableAIFeatures': true,
    'editor.minimap.enabled': false,
    'window.commandCenter': false,
    'workbench.secondarySideBar.defaultVisibility': 'hidden',
};

/** The user settings: the quiet ones, then a suite's own (which win). */
export function writeUserSettings(dirs: CodeServerDirs, settings: Record<string, unknown> = {}): void {
    const file = path.join(dirs.userData, 'User', 'settings.json');
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, JSON.stringify({ ...QUIET_SETTINGS, ...settings }, null, 4));
}

function environment(dirs: CodeServerDirs, prereq: Prerequisites): NodeJS.ProcessEnv {
    const keep = ['PATH', 'LANG', 'TERM', 'TMPDIR'];
    const env: NodeJS.ProcessEnv = Object.fromEntries(keep.filter(k => process.env[k] !== undefined).map(k => [k, process.env[k]]));
    return {
        ...env,
        PATH: `${path.dirname(prereq.node24)}:${process.env.PATH ?? ''}`,
        HOME: dirs.home,
        XDG_CONFIG_HOME: path.join(dirs.home, '.config'),
        XDG_DATA_HOME: path.join(dirs.home, '.local', 'share'),
        XDG_CACHE_HOME: path.join(dirs.home, '.cache'),
        // Anything that would go out to the internet (extension gallery, …) goes to a closed
        // loopback port instead and fails at once.
        HTTP_PROXY: `http://${HOST}:9`,
        HTTPS_PROXY: `http://${HOST}:9`,
        NO_PROXY: `${HOST},localhost`,
        EXTENSIONS_GALLERY: JSON.stringify({ serviceUrl: `http://${HOST}:9/gallery`, itemUrl: `http://${HOST}:9/item` }),
    };
}

export async function installExtension(prereq: Prerequisites, dirs: CodeServerDirs, vsix: string): Promise<string> {
    const { stdout } = await promisify(execFile)(prereq.node24, [
        prereq.codeServer, '--user-data-dir', dirs.userData, '--extensions-dir', dirs.extensions,
        '--install-extension', vsix, '--force',
    ], { env: environment(dirs, prereq), timeout: 120_000 });
    return stdout;
}

export class CodeServer {
    private constructor(private readonly child: ChildProcess, readonly origin: string, readonly log: string) {}

    /** The workbench with a folder open. */
    folderUrl(folder: string): string {
        return `${this.origin}/?folder=${encodeURIComponent(folder)}`;
    }

    /** The workbench with a multi-root workspace (a .code-workspace file) open. */
    workspaceUrl(file: string): string {
        return `${this.origin}/?workspace=${encodeURIComponent(file)}`;
    }

    /**
     * `args`: more of code-server's options, e.g. `['--locale', 'zh-cn']`. `trust: false` keeps
     * workspace trust on, so that a folder opens in Restricted Mode until it is trusted.
     */
    static async start(prereq: Prerequisites, dirs: CodeServerDirs, folder: string, logFile: string, args: readonly string[] = [], options: { trust?: boolean } = {}): Promise<CodeServer> {
        const port = await freePort();
        const log = fs.openSync(logFile, 'w');
        // detached: the child calls setsid() and leads its own process group (code-server forks
        // the workbench server, extension hosts and language servers; all are stopped together).
        const child = spawn(prereq.node24, [
            prereq.codeServer,
            '--auth', 'none',
            '--bind-addr', `${HOST}:${port}`,
            '--disable-telemetry',
            '--disable-update-check',
            ...(options.trust === false ? [] : ['--disable-workspace-trust']),
            '--disable-getting-started-override',
            '--user-data-dir', dirs.userData,
            '--extensions-dir', dirs.extensions,
            ...args,
            folder,
        ], { env: environment(dirs, prereq), detached: true, stdio: ['ignore', log, log] });
        fs.closeSync(log);
        const server = new CodeServer(child, `http://${HOST}:${port}`, logFile);
        await server.waitUntilHealthy(`http://${HOST}:${port}/healthz`);
        return server;
    }

    private async waitUntilHealthy(url: string): Promise<void> {
        const deadline = Date.now() + 90_000;
        while (Date.now() < deadline) {
            if (this.child.exitCode !== null) {
                throw new Error(`code-server exited with ${this.child.exitCode}; see ${this.log}`);
            }
            try {
                const res = await fetch(url);
                if (res.ok) {
                    return;
                }
            } catch {
                // not listening yet
            }
            await new Promise(r => setTimeout(r, 250));
        }
        throw new Error(`code-server did not answer on ${url} within 90 s; see ${this.log}`);
    }

    /** Stops the whole process group: SIGTERM, then SIGKILL for whatever is left. */
    async stop(): Promise<void> {
        const pid = this.child.pid;
        if (pid === undefined) {
            return;
        }
        const signalGroup = (signal: NodeJS.Signals) => {
            try {
                process.kill(-pid, signal);
                return true;
            } catch {
                return false;
            }
        };
        if (!signalGroup('SIGTERM')) {
            return;
        }
        const deadline = Date.now() + 10_000;
        while (Date.now() < deadline) {
            try {
                process.kill(-pid, 0);
            } catch {
                return;
            }
            await new Promise(r => setTimeout(r, 200));
        }
        signalGroup('SIGKILL');
    }
}
