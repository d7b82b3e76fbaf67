/** File-system errors as a person reads them: what went wrong in words, then the system's code. */
import { t } from './l10n/index.js';

/** The system codes GovRule puts in words; any other is shown as its code. */
const REASONS = {
    EACCES: 'diagnostics.io.EACCES',
    EPERM: 'diagnostics.io.EPERM',
    ENOENT: 'diagnostics.io.ENOENT',
    ENOTDIR: 'diagnostics.io.ENOTDIR',
    EISDIR: 'diagnostics.io.EISDIR',
    EEXIST: 'diagnostics.io.EEXIST',
    EROFS: 'diagnostics.io.EROFS',
    ENOSPC: 'diagnostics.io.ENOSPC',
    EDQUOT: 'diagnostics.io.EDQUOT',
    ELOOP: 'diagnostics.io.ELOOP',
    ENAMETOOLONG: 'diagnostics.io.ENAMETOOLONG',
    EIO: 'diagnostics.io.EIO',
    ENXIO: 'diagnostics.io.ENXIO',
    EBUSY: 'diagnostics.io.EBUSY',
    ETXTBSY: 'diagnostics.io.EBUSY',
    EMFILE: 'diagnostics.io.EMFILE',
    EINVAL: 'diagnostics.io.EINVAL',
    EPIPE: 'diagnostics.io.EPIPE',
} as const;

/** `permission denied (EACCES)`; an error without a code gives its message. */
export function describeIoError(err: unknown): string {
    const code = (err as NodeJS.ErrnoException | undefined)?.code;
    if (typeof code === 'string') {
        const key = Object.prototype.hasOwnProperty.call(REASONS, code) ? REASONS[code as keyof typeof REASONS] : undefined;
        return key ? t('diagnostics.io.reason', { reason: t(key), code }) : code;
    }
    return err instanceof Error ? err.message : String(err);
}
