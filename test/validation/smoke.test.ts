import { describe, expect, test } from 'vitest';
import { USES_VOCABULARY, VOCABULARY, workspace } from '../helpers/workspace.js';

describe('a clean workspace', () => {
    test('has no diagnostics', async () => {
        const ws = await workspace({ 'common.govrule': VOCABULARY, 'uses.govrule': USES_VOCABULARY });
        expect(ws.summary()).toEqual([]);
    });
});
