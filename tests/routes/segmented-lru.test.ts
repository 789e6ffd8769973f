// The segmented LRU behind the render cache, the ETag memo and the fast path's addresses.
import { describe, expect, it } from 'vitest';
import { createSegmentedLru } from '../../src/routes/cache.ts';

describe('the segmented LRU', () => {
  it('answers the newest value of a key, kept or on probation', () => {
    const lru = createSegmentedLru<string>(2, 2);
    lru.set('/rss.xml', 'version 1');
    expect(lru.get('/rss.xml')).toBe('version 1');
    // Now kept: a new value must replace it there (it once stayed behind, and every ETag was hashed again).
    lru.set('/rss.xml', 'version 2');
    expect(lru.get('/rss.xml')).toBe('version 2');
    lru.set('/new', 'probation 1');
    lru.set('/new', 'probation 2');
    expect(lru.get('/new')).toBe('probation 2');
  });

  it('keeps what is asked for again through a flood of one-off keys', () => {
    const lru = createSegmentedLru<number>(4, 2);
    lru.set('/', 0);
    lru.get('/');
    for (let day = 1; day <= 100; day++) lru.set(`/digest/${day}`, day);
    expect(lru.get('/')).toBe(0);
    expect(lru.get('/digest/1')).toBeUndefined();
    expect(lru.get('/digest/100')).toBe(100);
  });
});
