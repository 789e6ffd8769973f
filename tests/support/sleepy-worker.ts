// A worker answering jobs through answerJobs(): `{ echo }` returns `echo`; `{ fail }` throws; `{ exit }`
// ends the thread in the middle of the job; `{ crash }` throws outside any job (an uncaught error);
// `{ hold }` (a Hold from createHold) says it has started the job, then keeps it until the test
// releases it, so a test knows the job is in hand without waiting for time to pass.
import { answerJobs } from '../../src/app/worker-queue.ts';
import { holdHere, type Hold } from './hold.ts';

answerJobs<{ echo?: string; fail?: string; exit?: boolean; crash?: string; hold?: Hold }, string>(async (job) => {
  if (job.exit) process.exit(1);
  if (job.fail !== undefined) throw new Error(job.fail);
  if (job.crash !== undefined)
    setImmediate(() => {
      throw new Error(job.crash);
    });
  if (job.hold) await holdHere(job.hold);
  return job.echo ?? '';
});
