// Every test file runs its modules afresh in a new context, so the optimizing compiler (TurboFan) keeps compiling
// code that is thrown away with the file: 15 s of the workers' CPU in a `perf record -a` of `npm test` on this
// 2-core machine (2026-12-05). Capping the tier at Sparkplug in the workers (s3rver, in the parent, keeps its
// optimized code, except when one file runs in band there) gave 114–118 s against 118–137 s and 201–208 s of CPU
// against 210–243 s in two interleaved pairs: a gain of about a tenth, near this machine's run-to-run noise.
// A step run as dist/index.js is a process of its own and is not affected.
import { setFlagsFromString } from 'node:v8'

setFlagsFromString('--max-opt=1')
