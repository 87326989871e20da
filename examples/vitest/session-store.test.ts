import { expect, test } from 'vitest';
import { expectNoLeak, LeakAssertionError } from '@heapdiff/core/leak-test';
import { SessionStore } from './session-store.js';

const store = new SessionStore(); // long-lived, like the one in the real service
let next = 0;

test('opening and closing a session leaves nothing behind', async () => {
  await expectNoLeak(() => {
    const id = `s${next++}`;
    store.open(id, 'ada');
    store.close(id);
  });
});

test('a watcher that is never removed is reported with the path that holds it', async () => {
  const failure = await expectNoLeak(() => {
    const id = `s${next++}`;
    store.open(id, 'ada');
    store.watch(id, () => {});
    store.close(id);
  }).catch((error: unknown) => error);

  expect(failure).toBeInstanceOf(LeakAssertionError);
  const { groups, message } = failure as LeakAssertionError;
  expect(groups.map((g) => g.name)).toContain('Session');
  expect(message).toContain('.changes'); // the path: store → .changes → EventEmitter → ._events → …
});
