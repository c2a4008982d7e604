"use strict";
exports.id = 5;
exports.ids = [5];
exports.modules = {

/***/ 43986:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   h: () => (/* binding */ assetsPlugin),
/* harmony export */   z: () => (/* binding */ BuildError)
/* harmony export */ });
/* harmony import */ var _runner_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(74813);
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(31421);
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_child_process__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _sets_object_sets_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(35665);
/* harmony import */ var _sets_object_publish_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(36225);
/* harmony import */ var _hashing_code_hash_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(60946);
/* harmony import */ var _hashing_set_key_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(34574);
/* harmony import */ var _util_digest_stream_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(89587);
/* harmony import */ var _sets_layout_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(73267);
/* harmony import */ var _settings_values_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(535);
/* harmony import */ var _sets_manifest_js__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(99640);
/* harmony import */ var _sets_pack_encoding_js__WEBPACK_IMPORTED_MODULE_11__ = __webpack_require__(54908);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_12__ = __webpack_require__(73045);
/* harmony import */ var _util_cancellation_js__WEBPACK_IMPORTED_MODULE_13__ = __webpack_require__(76601);
/* harmony import */ var _util_paths_js__WEBPACK_IMPORTED_MODULE_14__ = __webpack_require__(24964);
/* harmony import */ var _plugin_js__WEBPACK_IMPORTED_MODULE_15__ = __webpack_require__(75216);
















function readOptions(tool) {
    (0,_plugin_js__WEBPACK_IMPORTED_MODULE_15__/* .refuseUnknownOptions */ .z)(tool, ['paths', 'run', 'directory', 'prefix', 'packBelow', 'packCompression', 'variant', 'crossPlatform']);
    const { paths, run, directory, prefix, packBelow, packCompression, variant, crossPlatform } = tool.options;
    const list = typeof paths === 'string' ? (0,_hashing_code_hash_js__WEBPACK_IMPORTED_MODULE_5__/* .parsePatterns */ .Z7)(paths) : Array.isArray(paths) ? paths.map(String) : [];
    if (list.length === 0)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_12__/* .ConfigError */ .xL(`Tool ${tool.ref}: 'options.paths' must list the code-hash patterns of what it builds from.`);
    if (typeof directory !== 'string' || !directory)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_12__/* .ConfigError */ .xL(`Tool ${tool.ref}: 'options.directory' must name the directory its build writes.`);
    if (run !== undefined && typeof run !== 'string')
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_12__/* .ConfigError */ .xL(`Tool ${tool.ref}: 'options.run' must be a shell command.`);
    if (prefix !== undefined && typeof prefix !== 'string')
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_12__/* .ConfigError */ .xL(`Tool ${tool.ref}: 'options.prefix' must be a string.`);
    const packBytes = packBelow === undefined ? 0 : typeof packBelow === 'string' || typeof packBelow === 'number' ? (0,_settings_values_js__WEBPACK_IMPORTED_MODULE_9__/* .parseByteSize */ .nS)(packBelow) : undefined;
    if (packBytes === undefined || packBytes > _settings_values_js__WEBPACK_IMPORTED_MODULE_9__/* .MAX_PACK_BELOW */ .jB) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_12__/* .ConfigError */ .xL(`Tool ${tool.ref}: 'options.packBelow' must be a size up to 64MiB such as 1MiB or 262144 (bytes), or 0 for no packs.`);
    }
    if (packCompression !== undefined && !_sets_pack_encoding_js__WEBPACK_IMPORTED_MODULE_11__/* .PACK_COMPRESSIONS */ .o.includes(packCompression)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_12__/* .ConfigError */ .xL(`Tool ${tool.ref}: 'options.packCompression' must be auto (zstd where the runtime has it) or none (plain tar packs).`);
    }
    if (variant !== undefined && (typeof variant !== 'string' || !/^([A-Za-z0-9][A-Za-z0-9._-]{0,63})?$/.test(variant))) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_12__/* .ConfigError */ .xL(`Tool ${tool.ref}: 'options.variant' must be up to 64 letters, digits, '.', '_' or '-' (such as linux-x64).`);
    }
    if (crossPlatform !== undefined && typeof crossPlatform !== 'boolean') {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_12__/* .ConfigError */ .xL(`Tool ${tool.ref}: 'options.crossPlatform' must be true or false.`);
    }
    return {
        paths: list,
        run,
        directory,
        prefix,
        packBelow: packBytes,
        packCompression: packCompression ?? 'auto',
        variant: variant ?? '',
        crossPlatform
    };
}
/** Each instance lives under `<store prefix><instanceID>/` unless options.prefix says otherwise, then in its variant's folder. */
function instancePrefix(instanceID, options, context) {
    const base = typeof options.prefix === 'string'
        ? (0,_settings_values_js__WEBPACK_IMPORTED_MODULE_9__/* .normalizePrefix */ .iG)(options.prefix, `Tool assets.${instanceID}: 'options.prefix'`)
        : `${context.storePrefix}${instanceID}/`;
    return (0,_sets_layout_js__WEBPACK_IMPORTED_MODULE_8__/* .variantPrefix */ .OH)(base, typeof options.variant === 'string' ? options.variant : '');
}
/** A build command failed: its exit (the summary names it; what the command printed stays in the log). */
class BuildError extends Error {
    command;
    exitCode;
    signal;
    constructor(command, exitCode, signal) {
        super(`the build command ${exitCode === null ? `was killed by ${signal ?? 'a signal'}` : `exited with code ${exitCode}`}: ${command}`);
        this.command = command;
        this.exitCode = exitCode;
        this.signal = signal;
        this.name = 'BuildError';
    }
}
/**
 * Runs the build at the repository root, its output streamed inside a log group. The shell parses only the
 * command's text; every templated value reaches it as an environment variable (see apply/shell.ts). Logs
 * and errors show the command as written in the config, never with values in it. A cancelled step passes
 * its signal on to the build's whole process group and waits for it to end.
 */
async function runBuild(ref, command, cwd) {
    const title = command.written.split(/\r?\n/);
    _runner_js__WEBPACK_IMPORTED_MODULE_0__/* .startGroup */ .Oh(`Build ${ref}: ${title[0]}${title.length > 1 ? ' \u2026' : ''}`);
    try {
        const env = { ...process.env, ...command.env };
        const windows = process.platform === 'win32';
        const { code, signal } = await new Promise((resolve, reject) => {
            const child = command.delayedExpansion
                ? (0,node_child_process__WEBPACK_IMPORTED_MODULE_1__.spawn)(process.env.ComSpec ?? 'cmd.exe', ['/d', '/v:on', '/s', '/c', `"${command.script}"`], {
                    cwd,
                    env,
                    windowsVerbatimArguments: true,
                    stdio: ['ignore', 'inherit', 'inherit']
                })
                : (0,node_child_process__WEBPACK_IMPORTED_MODULE_1__.spawn)(command.script, { cwd, env, shell: true, stdio: ['ignore', 'inherit', 'inherit'], detached: !windows });
            const stop = () => {
                const signal = (0,_util_cancellation_js__WEBPACK_IMPORTED_MODULE_13__/* .cancelledBy */ .tK)() ?? 'SIGTERM';
                try {
                    if (!windows && child.pid !== undefined)
                        process.kill(-child.pid, signal);
                    else
                        child.kill(signal);
                }
                catch {
                    // already gone
                }
            };
            _util_cancellation_js__WEBPACK_IMPORTED_MODULE_13__/* .cancelSignal */ .Bj.addEventListener('abort', stop);
            child.once('error', (error) => {
                _util_cancellation_js__WEBPACK_IMPORTED_MODULE_13__/* .cancelSignal */ .Bj.removeEventListener('abort', stop);
                reject(error);
            });
            child.once('close', (exitCode, exitSignal) => {
                _util_cancellation_js__WEBPACK_IMPORTED_MODULE_13__/* .cancelSignal */ .Bj.removeEventListener('abort', stop);
                resolve({ code: exitCode, signal: exitSignal });
            });
        });
        if (code !== 0)
            throw new BuildError(command.written, code, signal);
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
        const exclude = (0,_hashing_code_hash_js__WEBPACK_IMPORTED_MODULE_5__.outputExclusions)(context.repoPath, [node_path__WEBPACK_IMPORTED_MODULE_2___default().resolve(context.repoPath, options.directory), ...context.outputs], []);
        const files = await (0,_hashing_code_hash_js__WEBPACK_IMPORTED_MODULE_5__.computeCodeHash)(context.repoPath, options.paths, {
            exclude,
            checkOutputs: (hashed) => {
                const sources = (0,_hashing_code_hash_js__WEBPACK_IMPORTED_MODULE_5__.sourcesInOutput)(hashed, context.repoPath, options.directory);
                if (sources.length > 0)
                    throw (0,_hashing_code_hash_js__WEBPACK_IMPORTED_MODULE_5__.sourcesInOutputError)(sources, `Tool ${tool.ref}: options.directory`, options.directory, "Point 'directory' at the folder its run writes, or leave these files out of 'paths'.");
            }
        });
        const envNames = (tool.runTemplate?.slots ?? []).flatMap((slot) => slot.kind === 'value' && slot.source === 'env' ? [slot.variable] : []);
        const inputs = {
            filesHash: files.hash,
            files: files.entries,
            env: (0,_hashing_set_key_js__WEBPACK_IMPORTED_MODULE_6__.envIngredients)(envNames),
            ...(tool.runTemplate ? { run: (0,_util_digest_stream_js__WEBPACK_IMPORTED_MODULE_7__.sha256Hex)(tool.runTemplate.keyText) } : {}),
            ...(dependencies.length > 0 ? { dependencies: [...dependencies].sort() } : {}),
            platform: context.platform
        };
        return { key: (0,_hashing_set_key_js__WEBPACK_IMPORTED_MODULE_6__.setKey)(inputs), inputs };
    },
    async read(entry, context, options) {
        const commit = entry.resourceStatus.outputs.commitHash;
        if (typeof commit !== 'string')
            return { exists: false, detail: 'the state records no commit' };
        const setPrefix = (0,_sets_layout_js__WEBPACK_IMPORTED_MODULE_8__/* .commitPrefix */ .q8)(instancePrefix(entry.instanceID, options, context), commit);
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
        const location = context.store.url((0,_sets_layout_js__WEBPACK_IMPORTED_MODULE_8__/* .commitPrefix */ .q8)(prefix, context.commit));
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
                outputs: { commitHash: context.commit, codeHash, location, source: found.source, files: files.length, bytes: (0,_sets_manifest_js__WEBPACK_IMPORTED_MODULE_10__/* .totalBytes */ .ob)(files) }
            };
        }
        if (!found.found && found.missReason)
            _runner_js__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(`${tool.ref}: no set for code hash ${codeHash}: ${found.missReason.line}.`);
        if (!tool.run) {
            throw new Error(`no assets are stored for code hash ${codeHash} and the tool has no 'options.run' to build them`);
        }
        // Checked after every template in it was resolved: an output from the state must not point the upload elsewhere.
        const directory = node_path__WEBPACK_IMPORTED_MODULE_2___default().resolve(context.repoPath, options.directory);
        if (!(0,_util_paths_js__WEBPACK_IMPORTED_MODULE_14__/* .isInside */ .FK)(context.repoPath, directory)) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_12__/* .ConfigError */ .xL(`Tool ${tool.ref}: 'options.directory' resolves to ${directory}, outside the repository ${context.repoPath}: nothing was built or uploaded.`);
        }
        await runBuild(tool.ref, tool.run, context.repoPath);
        const { manifest } = await (0,_sets_object_publish_js__WEBPACK_IMPORTED_MODULE_4__.publish)(context.store, {
            prefix,
            commit: context.commit,
            codeHash,
            ...(fingerprint.inputs ? { inputs: fingerprint.inputs } : {}),
            platform: context.platform,
            directory,
            concurrency: context.concurrency,
            packBelow: options.packBelow,
            packCompression: options.packCompression
        }, context.policy);
        return {
            built: true,
            outputs: {
                commitHash: context.commit,
                codeHash,
                location,
                source: 'build',
                files: manifest.files.length,
                bytes: (0,_sets_manifest_js__WEBPACK_IMPORTED_MODULE_10__/* .totalBytes */ .ob)(manifest.files)
            }
        };
    },
    // Assets are immutable history: deleting the tool only drops it from the state.
    async delete() { }
};


/***/ }),

/***/ 95192:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  PLUGINS: () => (/* binding */ PLUGINS)
});

// EXTERNAL MODULE: ./src/apply/plugins/assets.ts
var assets = __webpack_require__(43986);
// EXTERNAL MODULE: ./src/runner.ts
var runner = __webpack_require__(74813);
// EXTERNAL MODULE: ./src/constants.ts
var constants = __webpack_require__(27242);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(83916);
// EXTERNAL MODULE: ./src/settings/values.ts
var values = __webpack_require__(535);
// EXTERNAL MODULE: ./src/sets/manifest.ts
var manifest = __webpack_require__(99640);
// EXTERNAL MODULE: ./src/util/digest-stream.ts
var digest_stream = __webpack_require__(89587);
// EXTERNAL MODULE: ./src/apply/errors.ts
var apply_errors = __webpack_require__(73045);
// EXTERNAL MODULE: ./src/apply/plugins/plugin.ts
var plugins_plugin = __webpack_require__(75216);
;// CONCATENATED MODULE: ./src/apply/plugins/object.ts








/**
 * The object's key, checked after every template in it was resolved: a value from another tool's outputs
 * (state a keyless writer may have edited) could otherwise add `..` and lead a local store outside its root.
 */
function keyOf(options, context, ref = 'object') {
    const prefix = typeof options.prefix === 'string' ? (0,values/* normalizePrefix */.iG)(options.prefix, `Tool ${ref}: 'options.prefix'`) : context.storePrefix;
    const key = `${prefix}${String(options.key)}`;
    if (!(0,manifest/* isSafeRelativePath */.VH)(key)) {
        throw new apply_errors/* ConfigError */.xL(`Tool ${ref}: its key resolves to '${key}', which is not a plain relative key (no '..', '.', empty part or leading '/'): nothing was written.`);
    }
    return key;
}
function contentOf(options) {
    if (typeof options.content === 'string')
        return { body: Buffer.from(options.content), contentType: 'text/plain; charset=utf-8' };
    return { body: Buffer.from(`${JSON.stringify(options.content, null, 2)}\n`), contentType: 'application/json' };
}
/** `object`: a small file published to the store, e.g. releases/latest.json pointing at other tools' outputs. */
const objectPlugin = {
    name: 'object',
    validate(tool) {
        (0,plugins_plugin/* refuseUnknownOptions */.z)(tool, ['key', 'content', 'prefix']);
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
        if (typeof recorded === 'string' && (0,digest_stream.sha256Hex)(text) !== recorded) {
            return {
                exists: false,
                detail: `${context.store.url(key)} was changed in the store (SHA-256 ${(0,digest_stream.sha256Hex)(text).slice(0, 12)}\u2026, the state records ${recorded.slice(0, 12)}\u2026)`
            };
        }
        return { exists: true };
    },
    async apply(tool, context) {
        const key = keyOf(tool.options, context, tool.ref);
        const { body, contentType } = contentOf(tool.options);
        await context.store.put(key, body, { size: body.length, contentType });
        const outputs = { key, location: context.store.url(key), bytes: body.length, sha256: (0,digest_stream.sha256Hex)(body) };
        // A key built from [[ env ]] is recorded as the state records options: with the value as a digest.
        const stateKey = keyOf(tool.stateOptions ?? tool.options, context, tool.ref);
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
const PLUGINS = new Map([assets/* assetsPlugin */.h, objectPlugin].map((plugin) => [plugin.name, plugin]));


/***/ }),

/***/ 75216:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   z: () => (/* binding */ refuseUnknownOptions)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73045);

/**
 * An option a plugin does not read is refused, as an unknown tool-level key is: a misspelt `directroy` would
 * otherwise be dropped and the build stored from the wrong folder. `instanceID` is allowed: DevStream (from
 * v0.10, configmanager.go renderInstanceIDtoOptions) writes it into every tool's options.
 */
function refuseUnknownOptions(tool, allowed) {
    const unknown = Object.keys(tool.options).filter((key) => key !== 'instanceID' && !allowed.includes(key));
    if (unknown.length > 0)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigError */ .xL(`Tool ${tool.ref}: unknown option(s) ${unknown.map((key) => `'${key}'`).join(', ')} under 'options'; allowed: ${allowed.join(', ')}.`);
}


/***/ }),

/***/ 5005:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  apply: () => (/* binding */ apply)
});

// EXTERNAL MODULE: ./src/runner.ts
var runner = __webpack_require__(74813);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/apply/config.ts + 1 modules
var apply_config = __webpack_require__(62289);
// EXTERNAL MODULE: ./src/apply/errors.ts
var errors = __webpack_require__(73045);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: ./src/apply/state-storage.ts
var state_storage = __webpack_require__(63949);
;// CONCATENATED MODULE: ./src/apply/lock.ts




/** How long ago, in words: `3 min`, `2 h 5 min`, `40 s`. */
function age(ms) {
    const seconds = Math.max(0, Math.round(ms / 1000));
    if (seconds < 120)
        return `${seconds} s`;
    const minutes = Math.round(seconds / 60);
    return minutes < 120 ? `${minutes} min` : `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}
/** Who holds a lock, for messages: its id, the run that took it, and how long ago. */
function describeHolder(body) {
    try {
        const info = JSON.parse(body);
        const run = [
            info.run?.workflow && `workflow '${info.run.workflow}'`,
            info.run?.id && `run ${info.run.id}`,
            info.run?.actor && `started by ${info.run.actor}`
        ]
            .filter(Boolean)
            .join(', ');
        return {
            id: info.id,
            text: `lock ${info.id}, taken ${age(Date.now() - Date.parse(info.createdAt))} ago (${info.createdAt}) by ${run || 'a run that did not say which'}`
        };
    }
    catch {
        return { text: 'a lock that cannot be read' };
    }
}
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
/**
 * Takes `<state key>.lock` by a conditional create, then reads it back: on servers that ignore
 * If-None-Match the read-back tells who really won. A held lock waits up to the timeout, then fails naming its holder.
 */
async function acquireLock(storage, options) {
    if (options.forceUnlock) {
        const held = await storage.get('lock');
        const holder = held ? describeHolder(held.body) : undefined;
        if (!held)
            runner/* info */.pq(`force-unlock: no lock on ${storage.description}; nothing to remove.`);
        else if (holder?.id !== options.forceUnlock) {
            throw new errors/* LockError */.Ku(`force-unlock '${options.forceUnlock}' does not match the ${holder?.text ?? 'lock'} on ${storage.description}; nothing was removed.`);
        }
        else {
            await storage.remove('lock');
            runner/* warning */.$e(`Removed the stale ${holder.text} on ${storage.description}.`);
        }
    }
    const info = {
        id: (0,external_node_crypto_.randomUUID)(),
        createdAt: new Date().toISOString(),
        run: {
            id: process.env.GITHUB_RUN_ID,
            workflow: process.env.GITHUB_WORKFLOW,
            actor: process.env.GITHUB_ACTOR,
            repository: process.env.GITHUB_REPOSITORY
        }
    };
    const body = JSON.stringify(info);
    const deadline = Date.now() + options.timeoutSeconds * 1000;
    for (;;) {
        // Look first: a server that ignores If-None-Match would otherwise let us overwrite a held lock.
        const held = await storage.get('lock');
        if (!held) {
            try {
                await storage.put('lock', body, { ifNoneMatch: true });
                const readBack = await storage.get('lock');
                if (readBack?.body === body)
                    return info;
            }
            catch (error) {
                if (!(error instanceof state_storage/* PreconditionFailed */.OJ))
                    throw error;
            }
        }
        const current = held ?? (await storage.get('lock'));
        const holder = current ? describeHolder(current.body) : { text: 'a lock that vanished' };
        if (Date.now() >= deadline) {
            throw new errors/* LockError */.Ku(`The state ${storage.description} is locked: ${holder.text}. Wait for that run, or raise 'lock-timeout'; ` +
                (holder.id
                    ? `if that run is gone (killed before it could release the lock), re-run with 'force-unlock: ${holder.id}'.`
                    : `if no run holds it, delete the lock object by hand.`));
        }
        runner/* info */.pq(`Waiting for the state lock (${holder.text})\u2026`);
        await sleep(Math.min(options.pollMs ?? 5000, Math.max(0, deadline - Date.now())));
    }
}
/** Removes the lock if it is still ours. */
async function releaseLock(storage, info) {
    const held = await storage.get('lock');
    if (held && describeHolder(held.body).id === info.id)
        await storage.remove('lock');
}

// EXTERNAL MODULE: ./src/apply/template.ts
var template = __webpack_require__(57860);
;// CONCATENATED MODULE: ./src/apply/plan.ts



const label = (name, instanceID) => `${name}/${instanceID}`;
/**
 * Sorts nodes into batches that only depend on earlier batches, each batch in the order the nodes were given
 * (config order, as dtm runs them); a cycle is an error naming its members.
 */
function topologicalBatches(nodes, id, dependencies) {
    const remaining = new Map(nodes.map((node) => [id(node), node]));
    const done = new Set();
    const batches = [];
    while (remaining.size > 0) {
        const ready = [...remaining.values()].filter((node) => dependencies(node).every((dep) => done.has(dep) || !remaining.has(dep)));
        if (ready.length === 0) {
            throw new errors/* ConfigError */.xL(`These tools depend on each other in a cycle: ${[...remaining.keys()].join(', ')}. Remove one dependsOn or reference.`);
        }
        for (const node of ready)
            remaining.delete(id(node));
        for (const node of ready)
            done.add(id(node));
        batches.push(ready);
    }
    return batches;
}
/** Key-order-independent equality of plain YAML/JSON values. */
function sameValue(a, b) {
    const canonical = (value) => {
        if (Array.isArray(value))
            return value.map(canonical);
        if (value !== null && typeof value === 'object') {
            return Object.fromEntries(Object.keys(value)
                .sort()
                .map((key) => [key, canonical(value[key])]));
        }
        return value;
    };
    return JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
}
/** Outputs of `tool` ('name.instanceID') as `resources` record them, for references. */
function outputLookup(resources, where) {
    return (tool, key) => {
        const entry = resources.get(tool.replace('.', '_'));
        const outputs = entry?.resourceStatus.outputs;
        if (!outputs || !(key in outputs)) {
            throw new errors/* ConfigError */.xL(`${where}: \${{ ${tool}.outputs.${key} }} cannot be resolved: ${entry ? `${tool} has no output '${key}' (it has: ${Object.keys(outputs ?? {}).join(', ') || 'none'})` : `${tool} has not run yet`}.`);
        }
        return outputs[key];
    };
}
/**
 * Options as compared with the state, without an `instanceID` equal to the tool's own. DevStream from v0.10 writes `instanceID` into every
 * tool's options before saving (configmanager.go, renderInstanceIDtoOptions in tool.go); this action does not,
 * so a state DevStream wrote would otherwise show every tool as changed once.
 */
function withoutInjectedInstanceID(options, instanceID) {
    if (!options || typeof options !== 'object' || options.instanceID !== instanceID)
        return options;
    const { instanceID: _injected, ...rest } = options;
    return rest;
}
/**
 * Compares the config with the state and with what really exists (each plugin's read), in dependency order
 * so that a tool whose dependency is created or updated is updated too. Logs each decision as DevStream does.
 */
async function computePlan(tools, state, plugins, context) {
    const batches = topologicalBatches(tools, (tool) => tool.ref, (tool) => [...tool.dependencies, ...tool.after]);
    const fingerprints = new Map();
    const changing = new Set();
    const changes = [];
    for (const tool of batches.flat()) {
        const plugin = plugins.get(tool.name);
        plugin.validate(tool);
        const dependencyFingerprints = tool.dependencies.map((dep) => fingerprints.get(dep)?.key).filter((f) => f !== undefined);
        const planned = {
            ref: tool.ref,
            instanceID: tool.instanceID,
            options: tool.options,
            stateOptions: tool.stateOptions,
            runTemplate: tool.run
        };
        const built = plugin.fingerprint ? await plugin.fingerprint(planned, context, dependencyFingerprints) : undefined;
        if (built)
            fingerprints.set(tool.ref, built);
        const fingerprint = built?.key;
        const name = label(tool.name, tool.instanceID);
        const entry = state.resources.get(tool.key);
        const change = (action, reason, message) => {
            runner/* info */.pq(message);
            changing.add(tool.ref);
            changes.push({ key: tool.key, label: name, action, reason, tool, entry });
        };
        if (!entry) {
            change('Create', 'not in the state', `Tool (${name}) found in config but doesn't exist in the state, will be created.`);
            continue;
        }
        const changedDependency = tool.dependencies.find((dep) => changing.has(dep));
        if (changedDependency) {
            change('Update', `dependency ${changedDependency} changes`, `Tool (${name}) depends on ${changedDependency}, which changes, will be updated.`);
            continue;
        }
        let wanted;
        try {
            wanted = (0,template/* resolveReferences */.d)(tool.stateOptions, outputLookup(state.resources, tool.file));
        }
        catch {
            wanted = undefined; // a reference the state cannot answer: treat as changed
        }
        if (!sameValue(withoutInjectedInstanceID(wanted, tool.instanceID), withoutInjectedInstanceID(entry.options, entry.instanceID)) ||
            !sameValue([...tool.dependencies].sort(), [...entry.dependsOn].sort())) {
            change('Update', 'options changed', `Tool (${name}) config drifted from the state, will be updated.`);
            continue;
        }
        const recorded = entry.resourceStatus.outputs.codeHash;
        if (fingerprint !== undefined && fingerprint !== recorded) {
            change('Update', `code hash changed (${String(recorded).slice(0, 12)}\u2026 \u2192 ${fingerprint.slice(0, 12)}\u2026)`, `Tool (${name}) code hash changed from ${String(recorded)} to ${fingerprint}, will be updated.`);
            continue;
        }
        const live = await plugin.read(entry, context, (0,template/* resolveReferences */.d)(tool.options, outputLookup(state.resources, tool.file)));
        if (!live.exists) {
            // As dtm: a tool in the state whose resource is gone is created again.
            change('Create', `resource gone: ${live.detail ?? 'missing'}`, `Tool (${name}) state found but it seems the tool isn't created (${live.detail ?? 'missing'}), will be created.`);
            continue;
        }
        if (live.drifted) {
            change('Update', `resource drifted: ${live.detail ?? 'changed'}`, `Tool (${name}) drifted from the state (${live.detail ?? 'changed'}), will be updated.`);
            continue;
        }
        runner/* info */.pq(`Tool (${name}) is up to date.`);
    }
    const wantedKeys = new Set(tools.map((tool) => tool.key));
    const orphans = [...state.resources.entries()].filter(([key]) => !wantedKeys.has(key)).map(([key, entry]) => ({ key, entry }));
    const deleteOrder = topologicalBatches(orphans, (orphan) => `${orphan.entry.name}.${orphan.entry.instanceID}`, (orphan) => orphan.entry.dependsOn)
        .flat()
        .reverse();
    for (const { key, entry } of deleteOrder) {
        if (!plugins.has(entry.name))
            throw new errors/* ConfigError */.xL(`The state holds ${key} of plugin '${entry.name}', which this action does not know; cannot delete it.`);
        const name = label(entry.name, entry.instanceID);
        runner/* info */.pq(`Tool (${name}) in the state but not in config, will be deleted.`);
        changes.push({ key, label: name, action: 'Delete', reason: 'not in the config', entry });
    }
    return { changes, fingerprints };
}

// EXTERNAL MODULE: ./src/apply/plugins/assets.ts
var assets = __webpack_require__(43986);
// EXTERNAL MODULE: ./src/apply/plugins/index.ts + 1 modules
var plugins = __webpack_require__(95192);
// EXTERNAL MODULE: ./src/apply/state.ts + 1 modules
var state = __webpack_require__(12593);
// EXTERNAL MODULE: ./src/apply/shell.ts + 1 modules
var shell = __webpack_require__(96002);
// EXTERNAL MODULE: ./src/git.ts
var git = __webpack_require__(71243);
// EXTERNAL MODULE: ./src/util/text.ts
var util_text = __webpack_require__(49997);
// EXTERNAL MODULE: ./src/util/redact.ts
var redact = __webpack_require__(50767);
// EXTERNAL MODULE: ./src/modes/apply-outcome.ts
var apply_outcome = __webpack_require__(52685);
// EXTERNAL MODULE: ./src/settings/values.ts
var values = __webpack_require__(535);
// EXTERNAL MODULE: ./src/stores/index.ts
var stores = __webpack_require__(92826);
// EXTERNAL MODULE: ./src/sets/platform.ts
var platform = __webpack_require__(47102);
// EXTERNAL MODULE: ./src/util/cancellation.ts
var cancellation = __webpack_require__(76601);
;// CONCATENATED MODULE: ./src/modes/apply.ts





















/** The store plugins use: the action's, unless the config's `config.store` or Replibyte `datastore` names another. */
function storeSettingsFor(settings, overrides, baseDir) {
    if (!overrides)
        return settings.store;
    const prefix = overrides.prefix !== undefined ? (0,values/* normalizePrefix */.iG)(overrides.prefix, `The config's store prefix`) : settings.store.prefix;
    const backend = overrides.backend ?? (overrides.bucket ? 's3' : settings.store.kind);
    if (backend === 'local') {
        const root = external_node_path_default().resolve(baseDir, overrides.localDir ?? '.asset-store');
        if (overrides.mustExist && !(0,external_node_fs_.existsSync)(root)) {
            throw new errors/* ConfigError */.xL(`datastore.local_disk.dir '${root}' does not exist. As with Replibyte, create it first (mkdir -p ${root}).`);
        }
        return { kind: 'local', prefix, root };
    }
    if (backend !== 's3' && backend !== 'gcs')
        throw new errors/* ConfigError */.xL(`config.store.backend is '${backend}'; allowed: s3, gcs, local.`);
    const bucket = overrides.bucket ?? (settings.store.kind === 's3' ? settings.store.bucket : undefined);
    if (!bucket)
        throw new errors/* ConfigError */.xL(`config.store uses the s3 backend but names no bucket (and the action's 'bucket' input is empty).`);
    for (const secret of [overrides.credentials?.secretAccessKey, overrides.credentials?.sessionToken])
        (0,redact/* registerSecret */.cl)(secret);
    const derived = (0,values/* deriveS3Settings */.LX)(settings.store, { bucket, prefix, region: overrides.region, endpoint: overrides.endpoint });
    return {
        ...derived,
        flavor: backend === 'gcs' ? 'gcs' : derived.flavor,
        credentials: overrides.credentials ?? (overrides.profile ? undefined : derived.credentials),
        profile: overrides.profile ?? (overrides.credentials ? undefined : derived.profile)
    };
}
function warnAboutEphemeralState(config) {
    if (config.state.kind === 'local' && process.env.RUNNER_ENVIRONMENT === 'github-hosted') {
        runner/* warning */.$e(`The state is a local file (${config.state.file}) on a GitHub-hosted runner: it is lost when the job ends, so every run starts from an empty state. Use the s3 state backend.`);
    }
}
/** The plan as a graph: every config tool and every state entry to delete, with their dependencies. */
function planGraph(tools, plan) {
    const actions = new Map(plan.changes.map((change) => [change.key, change.action]));
    const nodes = tools.map((tool) => ({ ref: tool.ref, action: actions.get(tool.key) ?? 'Unchanged' }));
    const edges = tools.flatMap((tool) => tool.dependencies.map((dep) => ({
        from: dep,
        to: tool.ref,
        kind: tool.dependsOn.includes(dep) ? 'dependsOn' : 'reference'
    })));
    for (const change of plan.changes) {
        if (change.action !== 'Delete' || !change.entry)
            continue;
        const ref = `${change.entry.name}.${change.entry.instanceID}`;
        nodes.push({ ref, action: 'Delete' });
        edges.push(...change.entry.dependsOn.map((dep) => ({ from: dep, to: ref, kind: 'dependsOn' })));
    }
    return { nodes, edges };
}
function processingBanner(text) {
    runner/* info */.pq(`-------------------- [  ${text}  ] --------------------`);
}
/** apply: read the config, plan against the state and the store, then carry the plan out, saving the state after each change. */
async function apply(settings) {
    const started = Date.now();
    const config = await (0,apply_config.loadConfig)(settings.apply.config, [...plugins.PLUGINS.keys()]);
    // Values read from the environment may be secrets: masked before anything below can print or send them.
    for (const value of config.envValues)
        (0,redact/* registerSecret */.cl)(value);
    warnAboutEphemeralState(config);
    for (const notice of config.notices)
        runner/* info */.pq(notice);
    for (const warning of config.warnings)
        runner/* warning */.$e(warning);
    const storeSettings = storeSettingsFor(settings, config.store, config.baseDir);
    const storage = await (0,state_storage.stateStorageFor)(config.state, settings.store, settings.repoPath);
    const store = await (0,stores.createStore)(storeSettings, settings.concurrency);
    try {
        runner/* info */.pq(`Using ${config.state.kind} backend for the state: ${storage.description}.`);
        const commit = await (0,git/* resolveCommit */.WL)(await (0,git/* commitSources */.GN)(settings));
        const context = {
            store,
            storePrefix: storeSettings.prefix,
            repoPath: settings.repoPath,
            commit,
            concurrency: settings.concurrency,
            policy: settings.policy,
            platform: (0,platform/* currentPlatform */.jN)(),
            crossPlatform: settings.crossPlatform,
            // What apply itself writes is never hashed: a local store, a local state file and its lock.
            outputs: [
                ...(storeSettings.kind === 'local' ? [storeSettings.root] : []),
                ...(config.state.kind === 'local' ? [config.state.file, `${config.state.file}.lock`] : [])
            ]
        };
        const stateFile = new state/* StateFile */.iK(storage, settings.policy.signing, settings.apply.resignState);
        if (!settings.apply.planOnly && storage.honoursConditionalWrites && !(await storage.honoursConditionalWrites())) {
            runner/* warning */.$e(`The store of the state ${storage.description} ignores conditional writes (If-None-Match), so the state lock is best effort there: ` +
                `two applies that start at the same moment can both run. Each state write is still read back, so the state itself is never silently overwritten. ` +
                `AWS S3, MinIO, R2 and Ceph honour them.`);
        }
        const lock = settings.apply.planOnly
            ? undefined
            : await acquireLock(storage, { timeoutSeconds: settings.apply.lockTimeout, forceUnlock: settings.apply.forceUnlock });
        try {
            const state = await stateFile.load();
            if (stateFile.untrustedLoaded && !settings.apply.planOnly) {
                runner/* warning */.$e(`resign-state: the state ${storage.description} was ${stateFile.untrustedLoaded}; accepting it as it is and signing it now.`);
                await stateFile.save(state.resources);
            }
            const plan = await computePlan(config.tools, state, plugins.PLUGINS, context);
            const planned = plan.changes.map(({ key, action, reason }) => ({ key, action, reason }));
            const graph = planGraph(config.tools, plan);
            const outcome = (found, message, resources) => ({
                planOnly: settings.apply.planOnly,
                changes: plan.changes.length,
                plan: planned,
                graph,
                outputs: Object.fromEntries(config.tools.map((tool) => [tool.key, resources.get(tool.key)?.resourceStatus.outputs ?? {}])),
                found,
                commitHash: commit,
                stateDescription: storage.description,
                elapsedMs: Date.now() - started,
                message
            });
            const deletes = plan.changes.filter((change) => change.action === 'Delete');
            const deletesEverything = state.resources.size > 0 && deletes.length === state.resources.size;
            if (deletesEverything && !settings.apply.allowDeleteAll) {
                const message = `This plan deletes every tool in the state ${storage.description}: ${deletes.map((change) => change.label).join(', ')}. ` +
                    `That is usually a config slip (tools renamed, a tools file not read). If you mean it, set 'allow-delete-all: true'.`;
                if (!settings.apply.planOnly)
                    throw new errors/* ConfigError */.xL(`${message} Nothing was changed.`);
                runner/* warning */.$e(`${message} A run without plan-only will refuse it.`);
            }
            if (settings.apply.planOnly) {
                runner/* info */.pq(`Changes count: ${plan.changes.length}.`);
                const builds = plan.changes.some((change) => change.tool?.name === 'assets');
                return outcome(!builds, `Plan only: ${(0,util_text/* plural */.L)(plan.changes.length, 'change')}, nothing was done.`, state.resources);
            }
            if (plan.changes.length === 0)
                return outcome(true, 'No changes: the state matches the config.', state.resources);
            const run = await execute(plan, stateFile, context);
            if (run.failure) {
                const failed = outcome(false, run.failure.message, run.resources);
                throw new apply_outcome/* ApplyFailedError */._(run.failure.message, { ...failed, failure: run.failure.summary }, { cause: run.failure.cause });
            }
            return outcome(!run.built, `Applied ${(0,util_text/* plural */.L)(plan.changes.length, 'change')}; the state is saved in ${storage.description}.`, run.resources);
        }
        finally {
            if (lock)
                await releaseLock(storage, lock);
        }
    }
    finally {
        store.close();
        storage.close();
    }
}
/** Runs the plan in order, saving the state after every successful change; the first failure stops it. */
async function execute(plan, stateFile, context) {
    const resources = new Map(stateFile.state.resources);
    let built = false;
    runner/* info */.pq('Start executing the plan.');
    runner/* info */.pq(`Changes count: ${plan.changes.length}.`);
    for (const [index, change] of plan.changes.entries()) {
        const applied = index === 0
            ? 'no change was applied'
            : `${index === 1 ? 'the change' : `the ${index} changes`} before it ${index === 1 ? 'was' : 'were'} applied and saved in the state`;
        if ((0,cancellation/* cancelledBy */.tK)()) {
            throw new cancellation/* CancelledError */.cc((0,cancellation/* cancelledBy */.tK)(), `stopped before Tool (${change.label}) ${change.action}: ${applied}; the state lock is released`);
        }
        processingBanner(`Processing progress: ${index + 1}/${plan.changes.length}.`);
        runner/* info */.pq(`Processing: (${change.label}) -> ${change.action} ...`);
        try {
            if (change.action === 'Delete') {
                const entry = change.entry;
                await plugins.PLUGINS.get(entry.name).delete(entry, context);
                resources.delete(change.key);
            }
            else {
                const tool = change.tool;
                const lookup = outputLookup(resources, tool.file);
                const options = (0,template/* resolveReferences */.d)(tool.options, lookup);
                const stateOptions = (0,template/* resolveReferences */.d)(tool.stateOptions, lookup);
                const plugin = plugins.PLUGINS.get(tool.name);
                const run = tool.run ? (0,shell/* renderRun */.eJ)(tool.run, lookup) : undefined;
                const result = await plugin.apply({ ref: tool.ref, instanceID: tool.instanceID, options, stateOptions, ...(run ? { run } : {}) }, context, plan.fingerprints.get(tool.ref));
                built ||= result.built;
                resources.set(change.key, {
                    name: tool.name,
                    instanceID: tool.instanceID,
                    dependsOn: tool.dependencies,
                    options: stateOptions,
                    resourceStatus: { outputs: result.stateOutputs ?? result.outputs }
                });
            }
            await stateFile.save(resources);
            runner/* info */.pq(`Tool (${change.label}) ${change.action} done.`);
        }
        catch (error) {
            processingBanner('Processing aborted.');
            // Cancelled: the tool under way is abandoned (its build was stopped and nothing of it is saved).
            if ((0,cancellation/* cancelledBy */.tK)()) {
                throw (0,cancellation/* asCancellation */.Cz)(error, `Tool (${change.label}) ${change.action} was abandoned and not saved; ${applied}; the state lock is released`);
            }
            const kept = index === 0
                ? 'No change was applied'
                : index === 1
                    ? 'The change before it was applied and is saved in the state'
                    : `The ${index} changes before it were applied and are saved in the state`;
            const reason = error.message ?? String(error);
            return {
                resources,
                built,
                failure: {
                    message: `Tool (${change.label}) ${change.action} failed: ${reason}. ${kept}.`,
                    cause: error,
                    summary: {
                        key: change.key,
                        applied: index,
                        error: reason,
                        ...(error instanceof assets/* BuildError */.z
                            ? {
                                build: {
                                    command: error.command,
                                    exit: error.exitCode === null ? `killed by ${error.signal ?? 'a signal'}` : `exit code ${error.exitCode}`
                                }
                            }
                            : {})
                    }
                }
            };
        }
    }
    processingBanner('Processing done.');
    return { resources, built };
}


/***/ })

};
;
//# sourceMappingURL=5.index.js.map