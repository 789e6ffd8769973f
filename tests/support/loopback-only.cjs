// No test reaches beyond 127.0.0.1. Loaded into every process and thread of the suite through
// NODE_OPTIONS=--require (set by tests/support/global-setup.ts; Node runs --require, not --import,
// in worker threads too) and by vitest's setup file. A name lookup other than localhost fails at
// once, as a host that does not exist would, and is written to the file CURATOR_TEST_NETWORK_LOG
// names; the global teardown fails the run listing them. CommonJS: it runs before any loader.
'use strict';
const { appendFileSync } = require('node:fs');
const dns = require('node:dns');
const { isIP } = require('node:net');

const LOG = process.env.CURATOR_TEST_NETWORK_LOG;
const PATCHED = Symbol.for('arxiv-curator.loopback-only');

/** Names a test may look up: this machine's. IP literals never reach the resolver. */
function isLocal(hostname) {
  return hostname === 'localhost' || hostname.endsWith('.localhost') || isIP(hostname) !== 0;
}

function refuse(hostname) {
  // The test file (setup-file.ts names it; the processes it starts inherit it) and the process.
  const file = process.env.CURATOR_TEST_FILE ?? 'outside any test file';
  const who = `${process.argv.slice(1, 3).join(' ')} (pid ${process.pid})`;
  try {
    if (LOG) appendFileSync(LOG, `${file}\t${hostname}\t${who}\n`);
  } catch {
    // Another user's process (tests/support/other-user.ts) cannot write the log: the refusal stands.
  }
  return Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname} (the test suite allows only 127.0.0.1)`), {
    code: 'ENOTFOUND',
    errno: -3008,
    syscall: 'getaddrinfo',
    hostname,
  });
}

if (!dns[PATCHED]) {
  dns[PATCHED] = true;
  const lookup = dns.lookup;
  dns.lookup = function (hostname, options, callback) {
    if (typeof hostname === 'string' && !isLocal(hostname)) {
      const done = typeof options === 'function' ? options : callback;
      const error = refuse(hostname);
      process.nextTick(() => done(error));
      return {};
    }
    return lookup.call(this, hostname, options, callback);
  };
  const lookupPromise = dns.promises.lookup;
  dns.promises.lookup = async function (hostname, options) {
    if (typeof hostname === 'string' && !isLocal(hostname)) throw refuse(hostname);
    return lookupPromise.call(this, hostname, options);
  };
}
