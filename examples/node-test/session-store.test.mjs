// node --test node-test/*.test.mjs   (Node 18+)
import assert from 'node:assert/strict';
import { EventEmitter } from 'node:events';
import { test } from 'node:test';
import { expectNoLeak, LeakAssertionError } from '@heapdiff/core/leak-test';

class Session {
  constructor(user) {
    this.user = user;
  }
}

const bus = new EventEmitter(); // long-lived
const sessionsById = new Map();
let next = 0;

function open(user) {
  const id = `s${next++}`;
  sessionsById.set(id, new Session(user));
  bus.emit('open', id);
  return id;
}

test('opening and closing a session leaves nothing behind', async () => {
  await expectNoLeak(() => {
    const id = open('ada');
    sessionsById.delete(id);
  });
});

test('forgetting to delete the session is caught', async () => {
  await assert.rejects(
    expectNoLeak(() => {
      open('ada');
    }),
    (error) => {
      assert.ok(error instanceof LeakAssertionError);
      assert.ok(error.groups.some((g) => g.name === 'Session'));
      assert.match(error.message, /sessionsById/); // the module variable that holds them
      return true;
    },
  );
});
