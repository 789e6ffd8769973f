// A thread's nice value as Linux reports it (/proc/self/task/<id>/stat, field 19: proc(5)).
import { readdirSync, readFileSync } from 'node:fs';

/** The nice value of this process's thread `task` (the main thread's id is the process id). */
export function niceOf(task: string | number): number {
  return Number(readFileSync(`/proc/self/task/${task}/stat`, 'utf8').split(') ')[1]!.split(' ')[16]);
}

/** Every thread of this process and its nice value. */
export function threadNiceness(): Map<string, number> {
  return new Map(readdirSync('/proc/self/task').map((task) => [task, niceOf(task)]));
}
