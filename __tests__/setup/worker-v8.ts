// Every test file runs its modules afresh in a new context, so the optimizing compiler (TurboFan) keeps compiling
// code that is thrown away with the file: 15 s of the workers' CPU in a `perf record -a` of `npm test` on this
// 2-core machine (2026-12-05). Capping the tier at Sparkplug for the jest workers only (s3rver, in the parent, keeps
// its optimized code) gave 114–118 s against 118–137 s in interleaved runs, and 200–208 s of CPU against 210–243 s.
// A step run as dist/index.js is a process of its own and is not affected.
import { setFlagsFromString } from 'node:v8'

setFlagsFromString('--max-opt=1')
