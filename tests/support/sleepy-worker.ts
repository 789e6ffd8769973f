// A worker answering jobs through answerJobs(): `{ ms, echo }` waits `ms` then returns `echo`; `{ fail }` throws;
// `{ exit }` ends the thread in the middle of the job; `{ crash }` throws outside any job (an uncaught error).
import { answerJobs } from '../../src/app/worker-queue.ts';

answerJobs<{ ms?: number; echo?: string; fail?: string; exit?: boolean; crash?: string }, string>(async (job) => {
  if (job.exit) process.exit(1);
  if (job.fail !== undefined) throw new Error(job.fail);
  if (job.crash !== undefined)
    setImmediate(() => {
      throw new Error(job.crash);
    });
  await new Promise((resolve) => setTimeout(resolve, job.ms ?? 0));
  return job.echo ?? '';
});
