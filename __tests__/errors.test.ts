// Errors carry the exit code the README's table gives them; main only reads it.
import { ConfigError, LockError, StateError } from '../src/apply/errors.js'
import { BuildError } from '../src/apply/plugins/assets.js'
import { exitCodeOf, InputError, IntegrityError, MissingBucketError, StoreError } from '../src/errors.js'
import { CancelledError } from '../src/util/cancellation.js'

describe('exitCodeOf', () => {
  it.each([
    ['bad input', new InputError('x'), 2],
    ['a bad apply config', new ConfigError('x'), 2],
    ["the seed's missing bucket", new MissingBucketError('x'), 100],
    ['SIGINT', new CancelledError('SIGINT'), 130],
    ['SIGTERM', new CancelledError('SIGTERM'), 143],
    ['a store failure', new StoreError('x'), 1],
    ['a set that fails its check', new IntegrityError('x'), 1],
    ['a held lock', new LockError('x'), 1],
    ['an unusable state', new StateError('x'), 1],
    // A build's own exit code is what the summary reports, never the step's.
    ['a failed build (exit 7)', new BuildError('make', 7, null), 1],
    ['a plain Error', new Error('x'), 1],
    ['a thrown string', 'x', 1],
    ['undefined', undefined, 1]
  ])('%s exits %d', (_, error, code) => {
    expect(exitCodeOf(error)).toBe(code)
  })
})
