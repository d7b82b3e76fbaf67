#!/usr/bin/env node
'use strict';
// The GovRule language server for any LSP editor: `govrule-language-server --stdio`.
require('../out/server.cjs');
