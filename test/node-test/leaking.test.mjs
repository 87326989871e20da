// A node:test file whose scenario leaks: run by test/leak-examples.test.ts, which checks that
// `node --test` fails and shows the class and the variable that holds it.
import { test } from 'node:test';
import { expectNoLeak } from '@heapdiff/core/leak-test';

class PendingRequest {
  constructor(url) {
    this.url = url;
  }
}

const inFlight = [];

test('finished requests are released', async () => {
  await expectNoLeak(() => {
    inFlight.push(new PendingRequest('/api/orders'));
  });
});
