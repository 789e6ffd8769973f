// A worker body that fails as it loads, for tests of app/worker-thread.ts's restarts and backoff.
throw new Error('broken at start-up');
