/** Runs in every test file: its temporary folders go when it ends. */
import { afterAll } from 'vitest';
import { removeTempFolders } from './temp.js';

afterAll(removeTempFolders);
