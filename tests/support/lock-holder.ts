// Another process holding SQLite's write lock: `BEGIN IMMEDIATE` in a plain node process (as a
// sqlite3 shell or a long import would), released when the test says so.
//   const holder = await holdWriteLock(dbPath);   // resolves once the lock is held
//   ...; await holder.release();                   // COMMIT, then the process exits
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

const SCRIPT = `
const Database = require('better-sqlite3');
const db = new Database(process.argv[1]);
db.exec('BEGIN IMMEDIATE');
process.stdout.write('locked\\n');
process.stdin.once('data', () => { db.exec('COMMIT'); db.close(); process.exit(0); });
`;

export interface LockHolder {
  pid: number;
  release(): Promise<void>;
}

export function holdWriteLock(dbPath: string): Promise<LockHolder> {
  const child = spawn(process.execPath, ['-e', SCRIPT, dbPath], { cwd: ROOT, stdio: ['pipe', 'pipe', 'inherit'] });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`the lock holder exited with ${code} before taking the lock`)));
    child.stdout.once('data', () =>
      resolve({
        pid: child.pid!,
        release: async () => {
          child.stdin.write('go\n');
          await exited;
        },
      }),
    );
  });
}
