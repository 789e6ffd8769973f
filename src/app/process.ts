// Processes of this host: whether the one named by a lease or a lock's note still runs. Imports
// nothing of the app, so the store's lock may use it too.

/** Whether a process of this host still runs (EPERM: it does, under another user). */
export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
