/** The compiler's version, as the package declares it. */
import pkg from '../../package.json' with { type: 'json' };

export const VERSION: string = pkg.version;
