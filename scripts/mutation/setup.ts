/** Property tests draw a fixed seed under mutation testing, so a mutant's outcome is repeatable. */
import fc from 'fast-check';

fc.configureGlobal({ seed: 20_260_601 });
