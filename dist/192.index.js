export const id = 192;
export const ids = [192,361];
export const modules = {

/***/ 3986:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   hV: () => (/* binding */ assetsPlugin),
/* harmony export */   zS: () => (/* binding */ BuildError)
/* harmony export */ });
/* unused harmony export STDERR_TAIL_LINES */
/* harmony import */ var _runner_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4813);
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1421);
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_child_process__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _sets_object_sets_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(9389);
/* harmony import */ var _hashing_code_hash_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(9361);
/* harmony import */ var _hashing_set_key_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(4574);
/* harmony import */ var _sets_layout_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(3267);
/* harmony import */ var _inputs_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(8422);
/* harmony import */ var _sets_manifest_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(9640);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(3045);










function readOptions(tool) {
    const { paths, run, directory, prefix, packBelow, variant, crossPlatform } = tool.options;
    const list = typeof paths === 'string' ? (0,_hashing_code_hash_js__WEBPACK_IMPORTED_MODULE_4__/* .parsePatterns */ .Z7)(paths) : Array.isArray(paths) ? paths.map(String) : [];
    if (list.length === 0)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_9__/* .ConfigError */ .xL(`Tool ${tool.ref}: 'options.paths' must list the code-hash patterns of what it builds from.`);
    if (typeof directory !== 'string' || !directory)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_9__/* .ConfigError */ .xL(`Tool ${tool.ref}: 'options.directory' must name the directory its build writes.`);
    if (run !== undefined && typeof run !== 'string')
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_9__/* .ConfigError */ .xL(`Tool ${tool.ref}: 'options.run' must be a shell command.`);
    if (prefix !== undefined && typeof prefix !== 'string')
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_9__/* .ConfigError */ .xL(`Tool ${tool.ref}: 'options.prefix' must be a string.`);
    const packBytes = packBelow === undefined ? 0 : typeof packBelow === 'string' || typeof packBelow === 'number' ? (0,_inputs_js__WEBPACK_IMPORTED_MODULE_7__/* .parseByteSize */ .nS)(packBelow) : undefined;
    if (packBytes === undefined || packBytes > _inputs_js__WEBPACK_IMPORTED_MODULE_7__/* .MAX_PACK_BELOW */ .jB) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_9__/* .ConfigError */ .xL(`Tool ${tool.ref}: 'options.packBelow' must be a size up to 64MiB such as 1MiB or 262144 (bytes), or 0 for no packs.`);
    }
    if (variant !== undefined && (typeof variant !== 'string' || !/^([A-Za-z0-9][A-Za-z0-9._-]{0,63})?$/.test(variant))) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_9__/* .ConfigError */ .xL(`Tool ${tool.ref}: 'options.variant' must be up to 64 letters, digits, '.', '_' or '-' (such as linux-x64).`);
    }
    if (crossPlatform !== undefined && typeof crossPlatform !== 'boolean') {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_9__/* .ConfigError */ .xL(`Tool ${tool.ref}: 'options.crossPlatform' must be true or false.`);
    }
    return { paths: list, run, directory, prefix, packBelow: packBytes, variant: variant ?? '', crossPlatform };
}
/** Each instance lives under `<store prefix><instanceID>/` unless options.prefix says otherwise, then in its variant's folder. */
function instancePrefix(instanceID, options, context) {
    const base = typeof options.prefix === 'string' ? (0,_inputs_js__WEBPACK_IMPORTED_MODULE_7__/* .normalizePrefix */ .iG)(options.prefix) : `${context.storePrefix}${instanceID}/`;
    return (0,_sets_layout_js__WEBPACK_IMPORTED_MODULE_6__/* .variantPrefix */ .OH)(base, typeof options.variant === 'string' ? options.variant : '');
}
/** Lines of a failed build's error output kept for the summary. */
const STDERR_TAIL_LINES = 20;
/** A build command failed: its exit, and the end of what it wrote to stderr (the summary shows both). */
class BuildError extends Error {
    command;
    exitCode;
    signal;
    stderrTail;
    constructor(command, exitCode, signal, stderrTail) {
        super(`the build command ${exitCode === null ? `was killed by ${signal ?? 'a signal'}` : `exited with code ${exitCode}`}: ${command}`);
        this.command = command;
        this.exitCode = exitCode;
        this.signal = signal;
        this.stderrTail = stderrTail;
        this.name = 'BuildError';
    }
}
/** Keeps the last `limit` lines of a stream that is also passed through. */
function lineTail(limit) {
    let lines = [];
    let partial = '';
    return {
        push(chunk) {
            const parts = (partial + chunk.toString('utf8')).split(/\r?\n/);
            partial = parts.pop() ?? '';
            lines.push(...parts);
            if (lines.length > limit)
                lines = lines.slice(-limit);
        },
        lines: () => [...lines, ...(partial ? [partial] : [])].slice(-limit)
    };
}
/**
 * Runs the build at the repository root, its output streamed inside a log group. The shell parses only the
 * command's text; every templated value reaches it as an environment variable (see apply/shell.ts). Logs
 * and errors show the command as written in the config, never with values in it.
 */
async function runBuild(ref, command, cwd) {
    const title = command.written.split(/\r?\n/);
    _runner_js__WEBPACK_IMPORTED_MODULE_0__/* .startGroup */ .Oh(`Build ${ref}: ${title[0]}${title.length > 1 ? ' …' : ''}`);
    const tail = lineTail(STDERR_TAIL_LINES);
    try {
        const env = { ...process.env, ...command.env };
        const { code, signal } = await new Promise((resolve, reject) => {
            const child = command.delayedExpansion
                ? (0,node_child_process__WEBPACK_IMPORTED_MODULE_1__.spawn)(process.env.ComSpec ?? 'cmd.exe', ['/d', '/v:on', '/s', '/c', `"${command.script}"`], {
                    cwd,
                    env,
                    windowsVerbatimArguments: true,
                    stdio: ['ignore', 'inherit', 'pipe']
                })
                : (0,node_child_process__WEBPACK_IMPORTED_MODULE_1__.spawn)(command.script, { cwd, env, shell: true, stdio: ['ignore', 'inherit', 'pipe'] });
            child.stderr.on('data', (chunk) => {
                process.stderr.write(chunk);
                tail.push(chunk);
            });
            child.once('error', reject);
            child.once('close', (exitCode, exitSignal) => resolve({ code: exitCode, signal: exitSignal }));
        });
        if (code !== 0)
            throw new BuildError(command.written, code, signal, tail.lines());
    }
    finally {
        _runner_js__WEBPACK_IMPORTED_MODULE_0__/* .endGroup */ .N4();
    }
}
/**
 * `assets`: a build output kept in the store like check/upload keep it. Create and Update look by commit,
 * then by code hash (copy, no build); only when both miss does the build run and its directory get uploaded.
 */
const assetsPlugin = {
    name: 'assets',
    validate(tool) {
        readOptions(tool);
    },
    /**
     * The tool's set key (hashing/set-key.ts): its files (never its own directory, nor what apply writes), the
     * text of its run and the values of the [[ env ]] it uses, and the keys of the tools it depends on. A
     * changed recipe is a changed key, so it builds rather than being served the old output.
     */
    async fingerprint(tool, context, dependencies) {
        const options = readOptions(tool);
        const exclude = (0,_hashing_code_hash_js__WEBPACK_IMPORTED_MODULE_4__.outputExclusions)(context.repoPath, [node_path__WEBPACK_IMPORTED_MODULE_2___default().resolve(context.repoPath, options.directory), ...context.outputs], []);
        const files = await (0,_hashing_code_hash_js__WEBPACK_IMPORTED_MODULE_4__.computeCodeHash)(context.repoPath, options.paths, { exclude });
        const envNames = (tool.runTemplate?.slots ?? []).flatMap((slot) => slot.kind === 'value' && slot.source === 'env' ? [slot.variable] : []);
        const inputs = {
            filesHash: files.hash,
            files: files.entries,
            env: (0,_hashing_set_key_js__WEBPACK_IMPORTED_MODULE_5__.envIngredients)(envNames),
            ...(tool.runTemplate ? { run: (0,_hashing_set_key_js__WEBPACK_IMPORTED_MODULE_5__.sha256Hex)(tool.runTemplate.keyText) } : {}),
            ...(dependencies.length > 0 ? { dependencies: [...dependencies].sort() } : {}),
            platform: context.platform
        };
        return { key: (0,_hashing_set_key_js__WEBPACK_IMPORTED_MODULE_5__.setKey)(inputs), inputs };
    },
    async read(entry, context, options) {
        const commit = entry.resourceStatus.outputs.commitHash;
        if (typeof commit !== 'string')
            return { exists: false, detail: 'the state records no commit' };
        const setPrefix = (0,_sets_layout_js__WEBPACK_IMPORTED_MODULE_6__/* .commitPrefix */ .q8)(instancePrefix(entry.instanceID, options, context), commit);
        const manifest = await (0,_sets_object_sets_js__WEBPACK_IMPORTED_MODULE_3__/* .readManifest */ .WI)(context.store, setPrefix, context.policy, { commit });
        return manifest ? { exists: true } : { exists: false, detail: `no manifest at ${context.store.url(setPrefix)}` };
    },
    async apply(tool, context, fingerprint) {
        const options = readOptions(tool);
        const prefix = instancePrefix(tool.instanceID, options, context);
        // The plan computes every assets tool's fingerprint before anything runs.
        if (fingerprint === undefined)
            throw new Error(`${tool.ref} has no fingerprint: it was not planned`);
        const codeHash = fingerprint.key;
        const location = context.store.url((0,_sets_layout_js__WEBPACK_IMPORTED_MODULE_6__/* .commitPrefix */ .q8)(prefix, context.commit));
        const found = await (0,_sets_object_sets_js__WEBPACK_IMPORTED_MODULE_3__/* .findOrPromote */ .pO)(context.store, {
            prefix,
            commit: context.commit,
            codeHash: async () => fingerprint,
            concurrency: context.concurrency,
            platform: context.platform,
            crossPlatform: options.crossPlatform ?? context.crossPlatform,
            explainMiss: true
        }, context.policy);
        if (found.found) {
            _runner_js__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(`${tool.ref}: assets found (${found.source === 'commit' ? 'for this commit' : `in the cache under ${codeHash}`}); no build.`);
            const files = found.manifest?.files ?? [];
            return {
                built: false,
                outputs: { commitHash: context.commit, codeHash, location, source: found.source, files: files.length, bytes: (0,_sets_manifest_js__WEBPACK_IMPORTED_MODULE_8__/* .totalBytes */ .ob)(files) }
            };
        }
        if (!found.found && found.missReason)
            _runner_js__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(`${tool.ref}: no set for code hash ${codeHash}: ${found.missReason.line}.`);
        if (!tool.run) {
            throw new Error(`no assets are stored for code hash ${codeHash} and the tool has no 'options.run' to build them`);
        }
        await runBuild(tool.ref, tool.run, context.repoPath);
        const manifest = await (0,_sets_object_sets_js__WEBPACK_IMPORTED_MODULE_3__/* .publish */ .mk)(context.store, {
            prefix,
            commit: context.commit,
            codeHash,
            ...(fingerprint.inputs ? { inputs: fingerprint.inputs } : {}),
            platform: context.platform,
            directory: node_path__WEBPACK_IMPORTED_MODULE_2___default().resolve(context.repoPath, options.directory),
            concurrency: context.concurrency,
            packBelow: options.packBelow
        }, context.policy);
        return {
            built: true,
            outputs: {
                commitHash: context.commit,
                codeHash,
                location,
                source: 'build',
                files: manifest.files.length,
                bytes: (0,_sets_manifest_js__WEBPACK_IMPORTED_MODULE_8__/* .totalBytes */ .ob)(manifest.files)
            }
        };
    },
    // Assets are immutable history: deleting the tool only drops it from the state.
    async delete() { }
};


/***/ }),

/***/ 5192:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  PLUGINS: () => (/* binding */ PLUGINS)
});

// EXTERNAL MODULE: ./src/apply/plugins/assets.ts
var assets = __webpack_require__(3986);
// EXTERNAL MODULE: ./src/runner.ts
var runner = __webpack_require__(4813);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: ./src/constants.ts
var constants = __webpack_require__(7242);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/inputs.ts
var inputs = __webpack_require__(8422);
// EXTERNAL MODULE: ./src/apply/errors.ts
var apply_errors = __webpack_require__(3045);
;// CONCATENATED MODULE: ./src/apply/plugins/object.ts






function keyOf(options, context) {
    const prefix = typeof options.prefix === 'string' ? (0,inputs/* normalizePrefix */.iG)(options.prefix) : context.storePrefix;
    return `${prefix}${String(options.key)}`;
}
function contentOf(options) {
    if (typeof options.content === 'string')
        return { body: Buffer.from(options.content), contentType: 'text/plain; charset=utf-8' };
    return { body: Buffer.from(`${JSON.stringify(options.content, null, 2)}\n`), contentType: 'application/json' };
}
const sha256 = (body) => (0,external_node_crypto_.createHash)('sha256').update(body).digest('hex');
/** `object`: a small file published to the store, e.g. releases/latest.json pointing at other tools' outputs. */
const objectPlugin = {
    name: 'object',
    validate(tool) {
        const { key, content } = tool.options;
        if (typeof key !== 'string' || !key || key.startsWith('/') || key.split('/').includes('..')) {
            throw new apply_errors/* ConfigError */.xL(`Tool ${tool.ref}: 'options.key' must be a relative key such as releases/latest.json.`);
        }
        if (content === undefined || content === null)
            throw new apply_errors/* ConfigError */.xL(`Tool ${tool.ref}: 'options.content' is required (a string, or a map written as JSON).`);
    },
    /** The object must still be there with the bytes the state recorded: one edited in the store is drift (Update). */
    async read(entry, context, options) {
        const key = keyOf(options, context);
        let text;
        try {
            text = await context.store.readText(key, constants/* READ_LIMITS */.Cl.state);
        }
        catch (error) {
            if (error instanceof errors/* OversizedError */.wF)
                return { exists: true, drifted: true, detail: `${context.store.url(key)} was replaced by a larger object` };
            throw error;
        }
        if (text === undefined)
            return { exists: false, detail: `${context.store.url(key)} is missing` };
        const recorded = entry.resourceStatus.outputs.sha256;
        if (typeof recorded === 'string' && sha256(text) !== recorded) {
            return {
                exists: false,
                detail: `${context.store.url(key)} was changed in the store (SHA-256 ${sha256(text).slice(0, 12)}…, the state records ${recorded.slice(0, 12)}…)`
            };
        }
        return { exists: true };
    },
    async apply(tool, context) {
        const key = keyOf(tool.options, context);
        const { body, contentType } = contentOf(tool.options);
        await context.store.put(key, body, { size: body.length, contentType });
        const outputs = { key, location: context.store.url(key), bytes: body.length, sha256: sha256(body) };
        // A key built from [[ env ]] is recorded as the state records options: with the value as a digest.
        const stateKey = keyOf(tool.stateOptions ?? tool.options, context);
        return {
            built: false,
            outputs,
            stateOutputs: stateKey === key ? outputs : { ...outputs, key: stateKey, location: context.store.url(stateKey) }
        };
    },
    async delete(entry, context) {
        const key = keyOf(entry.options, context);
        if (/<env [^>]+>/.test(key)) {
            // The state holds such a key only as a digest of the value: the object cannot be named from it.
            runner/* warning */.$e(`Tool ${entry.name}.${entry.instanceID}: its key was built from [[ env ]] (${key}), so it cannot be deleted from the state alone; delete the object by hand.`);
            return;
        }
        await context.store.delete(key);
    }
};

;// CONCATENATED MODULE: ./src/apply/plugins/index.ts


/** The built-in plugins, by name. */
const PLUGINS = new Map([assets/* assetsPlugin */.hV, objectPlugin].map((plugin) => [plugin.name, plugin]));


/***/ }),

/***/ 9361:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  computeCodeHash: () => (/* binding */ computeCodeHash),
  outputExclusions: () => (/* binding */ outputExclusions),
  Z7: () => (/* reexport */ patterns/* parsePatterns */.Z)
});

// UNUSED EXPORTS: CODE_HASH_TAG, matchFiles, pathMatcher, sortUtf8

// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(1421);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: external "node:util"
var external_node_util_ = __webpack_require__(7975);
// EXTERNAL MODULE: ./node_modules/picomatch/index.js
var picomatch = __webpack_require__(4006);
var picomatch_default = /*#__PURE__*/__webpack_require__.n(picomatch);
// EXTERNAL MODULE: ./node_modules/tinyglobby/dist/index.mjs + 1 modules
var dist = __webpack_require__(6448);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: external "node:worker_threads"
var external_node_worker_threads_ = __webpack_require__(5919);
;// CONCATENATED MODULE: ./src/hashing/file-hasher.ts


/**
 * git blob ids of many files on all cores (for trees without git). Each worker reads its files with plain synchronous calls into one
 * reused buffer: for thousands of small files that is several times faster than promise-based reads,
 * whose per-file round trips through the thread pool cost more than the hashing itself.
 * The worker is inline source so the bundle stays one file.
 */
const WORKER_SOURCE = `
const { parentPort } = require('node:worker_threads')
const { createHash } = require('node:crypto')
const { openSync, readSync, fstatSync, closeSync } = require('node:fs')
const { hash: oneShot } = require('node:crypto') // crypto.hash: Node >= 20.12
const HEADER_ROOM = 32
parentPort.once('message', ({ files, algorithm }) => {
  const buffer = Buffer.allocUnsafe(1024 * 1024)
  const digests = []
  let bytes = 0
  for (const file of files) {
    const fd = openSync(file, 'r')
    try {
      // git's blob id: hash("blob <size>\\0" + bytes). A file that fits the buffer is read after room for
      // the header, which is then written in front of it: one read, one hash call, no stat.
      let filled = 0
      let read
      const room = buffer.length - HEADER_ROOM
      while (filled < room && (read = readSync(fd, buffer, HEADER_ROOM + filled, room - filled, null)) > 0) filled += read
      if (filled < room) {
        const header = 'blob ' + filled + '\\0'
        const start = HEADER_ROOM - header.length
        buffer.write(header, start, 'latin1')
        const body = buffer.subarray(start, HEADER_ROOM + filled)
        digests.push(oneShot ? oneShot(algorithm, body, 'hex') : createHash(algorithm).update(body).digest('hex'))
        bytes += filled
        continue
      }
      const hash = createHash(algorithm).update('blob ' + fstatSync(fd).size + '\\0').update(buffer.subarray(HEADER_ROOM, HEADER_ROOM + filled))
      bytes += filled
      while ((read = readSync(fd, buffer, 0, buffer.length, null)) > 0) {
        hash.update(buffer.subarray(0, read))
        bytes += read
      }
      digests.push(hash.digest('hex'))
    } finally {
      closeSync(fd)
    }
  }
  parentPort.postMessage({ digests, bytes })
})
`;
/**
 * Workers are started when the pool is made, so they boot while the caller is still listing files;
 * `hash` may be called once. Always `close` the pool.
 */
class HashPool {
    workers;
    constructor(size = (0,external_node_os_.availableParallelism)()) {
        this.workers = Array.from({ length: Math.max(1, size) }, () => new external_node_worker_threads_.Worker(WORKER_SOURCE, { eval: true }));
    }
    run(worker, files, algorithm) {
        return new Promise((resolve, reject) => {
            worker.once('message', resolve);
            worker.once('error', reject);
            worker.once('exit', (code) => reject(new Error(`A hashing worker stopped early (exit code ${code}).`)));
            worker.postMessage({ files, algorithm });
        });
    }
    /** Hashes `files` (absolute paths); interleaved shards balance the work without knowing sizes up front. */
    async hash(files, algorithm = 'sha1') {
        const count = this.workers.length;
        const shards = this.workers.map((_, shard) => files.filter((_, index) => index % count === shard));
        const results = await Promise.all(this.workers.map((worker, shard) => this.run(worker, shards[shard], algorithm)));
        return {
            digests: files.map((_, index) => results[index % count].digests[Math.floor(index / count)]),
            bytes: results.reduce((sum, result) => sum + result.bytes, 0)
        };
    }
    async close() {
        await Promise.all(this.workers.map((worker) => worker.terminate()));
    }
}

// EXTERNAL MODULE: ./src/hashing/patterns.ts
var patterns = __webpack_require__(4581);
;// CONCATENATED MODULE: ./src/hashing/code-hash.ts









const exec = (0,external_node_util_.promisify)(external_node_child_process_.execFile);
/** Tags version 2 so its hashes never meet version 1's in cache/. */
const CODE_HASH_TAG = 'code-hash-v2\n';

function checkPattern(pattern) {
    const body = pattern.startsWith('!') ? pattern.slice(1) : pattern;
    if (external_node_path_default().isAbsolute(body) || body.split('/').includes('..')) {
        throw new errors/* InputError */.dz(`Code-hash pattern '${pattern}' leaves the repository: patterns are relative to 'repo-path' and may not be absolute or use '..'.`);
    }
}
function checkPatterns(patterns) {
    patterns.forEach(checkPattern);
    if (!patterns.some((pattern) => !pattern.startsWith('!'))) {
        throw new errors/* InputError */.dz(`The code-hash patterns '${patterns.join(' ')}' only exclude: add at least one pattern that includes files.`);
    }
}
/**
 * Sorts paths in byte order of their UTF-8 form, so the hash does not depend on locale. JS string order
 * (UTF-16 units) is the same except around surrogates and U+E000-U+FFFF; only then are bytes compared.
 */
function sortUtf8(paths) {
    if (!paths.some((p) => /[\uD800-\uFFFF]/.test(p)))
        return paths.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    return paths
        .map((p) => ({ p, bytes: Buffer.from(p) }))
        .sort((a, b) => Buffer.compare(a.bytes, b.bytes))
        .map(({ p }) => p);
}
const GLOB_OPTIONS = { cwd: '', dot: true, onlyFiles: true, followSymbolicLinks: false, ignore: ['**/.git', '**/.git/**'] };
/** Whether `relative` is one of `exclude` or lies under one. */
function excluder(exclude) {
    if (exclude.length === 0)
        return () => false;
    return (relative) => exclude.some((path) => relative === path || relative.startsWith(`${path}/`));
}
/** Lists the files the patterns match by walking the tree ('**', '!negation'; never inside .git), sorted; `exclude` is never entered. */
function matchFiles(repoRoot, patterns, exclude = []) {
    checkPatterns(patterns);
    const ignore = [...GLOB_OPTIONS.ignore, ...exclude.flatMap((path) => [(0,dist/* escapePath */.ft)(path), `${(0,dist/* escapePath */.ft)(path)}/**`])];
    // Synchronous: one directory walk, faster than the async crawler and nothing else runs meanwhile.
    return sortUtf8((0,dist/* globSync */.AZ)([...patterns], { ...GLOB_OPTIONS, ignore, cwd: repoRoot }));
}
/** A pattern as tinyglobby reads it: a name that does not end in `*` also means everything under it. */
function normalizeGlob(pattern) {
    let result = pattern.endsWith('/') ? pattern.slice(0, -1) : pattern;
    if (!result.endsWith('*'))
        result += '/**';
    return external_node_path_default().posix.normalize(result);
}
/**
 * The same selection as matchFiles, applied to a list of paths instead of a directory walk: tinyglobby's
 * pattern normalisation and picomatch options, and a file is excluded when it or any directory above it
 * matches an exclusion (tinyglobby does not enter such a directory).
 */
function pathMatcher(patterns) {
    checkPatterns(patterns);
    const options = { dot: true, posix: true };
    const include = picomatch_default()(patterns.filter((p) => !p.startsWith('!')).map(normalizeGlob), options);
    const exclude = picomatch_default()([...GLOB_OPTIONS.ignore, ...patterns.filter((p) => p.startsWith('!')).map((p) => normalizeGlob(p.slice(1)))], options);
    // Many files share a directory: remember each directory's verdict (100,000 paths, ~1,000 directories).
    const excludedDirectory = new Map();
    const directoryExcluded = (directory) => {
        let verdict = excludedDirectory.get(directory);
        if (verdict === undefined) {
            const slash = directory.lastIndexOf('/');
            verdict = exclude(directory) || (slash !== -1 && directoryExcluded(directory.slice(0, slash)));
            excludedDirectory.set(directory, verdict);
        }
        return verdict;
    };
    return (relative) => {
        if (!include(relative) || exclude(relative))
            return false;
        const slash = relative.lastIndexOf('/');
        return slash === -1 || !directoryExcluded(relative.slice(0, slash));
    };
}
/** The directories a walk must cover for these patterns: each including pattern's part before its first glob. */
function patternRoots(patterns) {
    const roots = new Set();
    for (const pattern of patterns) {
        if (pattern.startsWith('!'))
            continue;
        const segments = normalizeGlob(pattern).split('/');
        const stable = [];
        for (const segment of segments.slice(0, -1)) {
            if (picomatch_default().scan(segment).isGlob || /[\\{}[\]()!*?+@]/.test(segment))
                break;
            stable.push(segment);
        }
        if (stable.length === 0 || stable[0] === '.')
            return [];
        roots.add(stable.join('/'));
    }
    return [...roots];
}
/** The digest over entries already in byte order of their paths, each path once. */
function digest(entries) {
    return (0,external_node_crypto_.createHash)('sha256')
        .update(CODE_HASH_TAG)
        .update(entries.map((entry) => `${entry.path}\0${entry.id}\n`).join(''))
        .digest('hex');
}
function noMatch(repoRoot, patterns) {
    return new errors/* FilesError */.yN(`The code-hash patterns '${patterns.join(' ')}' match no file under '${repoRoot}'. ` +
        `Check 'code-hash-paths' (CODE_HASH_FIND_FILTER) and 'repo-path' (GIT_REPO_PATH).`);
}
/** Every matched file hashed here, with git's blob formula (SHA-1: the object format of nearly every repository). */
async function hashByWalking(repoRoot, patterns, algorithm, exclude) {
    // Excluded directories are never entered (a local store may hold thousands of files), so they are not counted.
    const files = matchFiles(repoRoot, patterns, exclude);
    if (files.length === 0)
        throw noMatch(repoRoot, patterns);
    const pool = new HashPool();
    try {
        const { digests, bytes } = await pool.hash(files.map((relative) => external_node_path_default().join(repoRoot, relative)), algorithm);
        const entries = files.map((relative, index) => ({ path: relative, id: digests[index] }));
        return { hash: digest(entries), files: files.length, entries, excluded: 0, bytes, method: 'files', hashed: files.length };
    }
    finally {
        await pool.close();
    }
}
const GIT_OPTIONS = { maxBuffer: 1024 * 1024 * 1024, encoding: 'buffer' };
async function git(repoRoot, args) {
    const { stdout } = await exec('git', ['-c', 'core.quotePath=false', ...args], { ...GIT_OPTIONS, cwd: repoRoot });
    return stdout.toString('utf8');
}
const nulSeparated = (text) => text.split('\0').filter(Boolean);
/** Runs `git hash-object --stdin-paths` (clean filters applied, as `git add` would) over `files`. */
function gitHashObjects(repoRoot, files) {
    if (files.length === 0)
        return Promise.resolve([]);
    return new Promise((resolve, reject) => {
        const child = (0,external_node_child_process_.spawn)('git', ['hash-object', '--stdin-paths'], { cwd: repoRoot, stdio: ['pipe', 'pipe', 'pipe'] });
        let stdout = '';
        let stderr = '';
        child.stdout.on('data', (chunk) => (stdout += chunk));
        child.stderr.on('data', (chunk) => (stderr += chunk));
        child.once('error', reject);
        child.once('close', (code) => {
            const ids = stdout.split('\n').filter(Boolean);
            if (code !== 0 || ids.length !== files.length)
                reject(new errors/* FilesError */.yN(`git hash-object failed in '${repoRoot}': ${stderr.trim() || `exit ${code}`}`));
            else
                resolve(ids);
        });
        // Absolute: hash-object reads stdin paths from the top level of the work tree, not from repoRoot.
        child.stdin.end(files.map((file) => `${external_node_path_default().join(repoRoot, file)}\n`).join(''));
    });
}
/**
 * Ids from git: clean tracked files from the index (nothing read), changed, unmerged, untracked and ignored
 * files through `git hash-object` (so line-ending and LFS clean filters apply as in the index), submodules as
 * their gitlink. Undefined when repoRoot is not in a git work tree or git is missing.
 */
async function hashWithGit(repoRoot, patterns, exclude) {
    const matching = pathMatcher(patterns);
    const isExcluded = excluder(exclude);
    let excluded = 0;
    const matches = (relative) => {
        if (!matching(relative))
            return false;
        if (!isExcluded(relative))
            return true;
        excluded++;
        return false;
    };
    const roots = patternRoots(patterns);
    const includes = roots.map((root) => `:(literal)${root}`);
    const pathspec = includes.length > 0 ? ['--', ...includes] : [];
    // Untracked outputs are left to git, so it never walks a local store's thousands of files; tracked ones come
    // from the index at no cost and are counted.
    const untrackedSpec = exclude.length > 0
        ? ['--', ...(includes.length > 0 ? includes : ['.']), ...exclude.map((path) => `:(exclude,literal)${path}`)]
        : pathspec;
    let listings;
    try {
        listings = await Promise.all([
            git(repoRoot, ['ls-files', '-s', '-z', ...pathspec]),
            // --relative: paths relative to repoRoot, as ls-files writes them. Racily clean entries are compared by content.
            git(repoRoot, ['diff-files', '-z', '--name-only', '--relative', ...pathspec]),
            git(repoRoot, ['ls-files', '-o', '-z', ...untrackedSpec])
        ]);
    }
    catch {
        return undefined; // not a work tree (a copied tree, a tarball) or no git: every file is hashed here
    }
    const [staged, changed, others] = listings;
    const dirty = new Set(nulSeparated(changed));
    const isRegularFile = (relative) => {
        try {
            return (0,external_node_fs_.lstatSync)(external_node_path_default().join(repoRoot, relative)).isFile();
        }
        catch {
            return false; // deleted in the work tree: not part of the tree being built
        }
    };
    // Records are "<mode> <id> <stage>\t<path>\0" in index order, which is byte order of the path, so
    // clean entries come in hash order, without sorting. Unmerged paths repeat once per stage.
    const clean = [];
    const toHash = [];
    let previous = '';
    for (let start = 0; start < staged.length;) {
        const tab = staged.indexOf('\t', start);
        const end = staged.indexOf('\0', tab);
        const relative = staged.slice(tab + 1, end);
        const mode = staged.slice(start, start + 6);
        const id = staged.slice(start + 7, tab - 2);
        const stage = staged[tab - 1];
        start = end + 1;
        if (relative === previous)
            continue;
        previous = relative;
        if (mode === '160000') {
            // A submodule: its gitlink, when the patterns cover its directory.
            if (matches(relative) || matches(`${relative}/.gitlink`))
                clean.push({ path: relative, id });
        }
        else if (mode === '120000' || !matches(relative)) {
            continue; // symlinks: neither followed nor hashed
        }
        else if (stage === '0' && !dirty.has(relative)) {
            clean.push({ path: relative, id });
        }
        else if (isRegularFile(relative)) {
            toHash.push(relative);
        }
    }
    for (const relative of nulSeparated(others)) {
        if (!relative.endsWith('/') && matches(relative) && isRegularFile(relative))
            toHash.push(relative);
    }
    if (clean.length + toHash.length === 0)
        throw noMatch(repoRoot, patterns);
    let entries = clean;
    if (toHash.length > 0) {
        const ids = await gitHashObjects(repoRoot, toHash);
        const byPath = new Map(clean.map((entry) => [entry.path, entry.id]));
        toHash.forEach((relative, i) => byPath.set(relative, ids[i]));
        entries = sortUtf8([...byPath.keys()]).map((relative) => ({ path: relative, id: byPath.get(relative) }));
    }
    return { hash: digest(entries), files: entries.length, entries, excluded, bytes: 0, method: 'git', hashed: toHash.length };
}
/**
 * The code hash (version 2): SHA-256 (hex) over `code-hash-v2\n`, then `<path>\0<git blob id>\n` for every
 * matched regular file in byte order of its UTF-8 path relative to repoRoot, leaving out `options.exclude`
 * (the build's outputs). Symlinks are neither followed nor hashed; a submodule contributes its gitlink. In a
 * git work tree the ids come from git; elsewhere every file is hashed here with the same formula.
 */
async function computeCodeHash(repoRoot, patterns, options = {}) {
    checkPatterns(patterns);
    const exclude = options.exclude ?? [];
    return (await hashWithGit(repoRoot, patterns, exclude)) ?? (await hashByWalking(repoRoot, patterns, 'sha1', exclude));
}
/**
 * What a build writes, as paths relative to the repository for CodeHashOptions.exclude: the outputs that lie
 * inside it (the package directory, a local store, this action's stage) and, when the package directory is
 * the repository itself, this action's files in it. Outputs are never inputs, whatever the patterns say.
 */
function outputExclusions(repoRoot, outputs, actionFiles) {
    const relative = [];
    for (const output of outputs) {
        const inside = external_node_path_default().relative(repoRoot, external_node_path_default().resolve(repoRoot, output));
        if (inside === '')
            relative.push(...actionFiles);
        else if (!external_node_path_default().isAbsolute(inside) && inside.split((external_node_path_default()).sep)[0] !== '..')
            relative.push(inside.split((external_node_path_default()).sep).join('/'));
    }
    return [...new Set(relative)];
}


/***/ })

};

//# sourceMappingURL=192.index.js.map