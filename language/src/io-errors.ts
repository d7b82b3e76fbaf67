/** File-system errors as a person reads them: what went wrong in words, then the system's code. */

const REASONS: Record<string, string> = {
    EACCES: 'permission denied',
    EPERM: 'operation not permitted',
    ENOENT: 'no such file or folder',
    ENOTDIR: 'a part of the path is not a folder',
    EISDIR: 'it is a folder',
    EEXIST: 'it already exists',
    EROFS: 'the file system is read-only',
    ENOSPC: 'no space left on the device',
    EDQUOT: 'the disk quota is exhausted',
    ELOOP: 'too many symbolic links',
    ENAMETOOLONG: 'the name is too long',
    EIO: 'input/output error',
    ENXIO: 'no such device, or no reader at the other end',
    EBUSY: 'the file is busy',
    ETXTBSY: 'the file is busy',
    EMFILE: 'too many open files',
    EINVAL: 'invalid argument',
    EPIPE: 'the reader closed the pipe',
};

/** `permission denied (EACCES)`; an error without a code gives its message. */
export function describeIoError(err: unknown): string {
    const code = (err as NodeJS.ErrnoException | undefined)?.code;
    if (typeof code === 'string') {
        return REASONS[code] ? `${REASONS[code]} (${code})` : code;
    }
    return err instanceof Error ? err.message : String(err);
}
