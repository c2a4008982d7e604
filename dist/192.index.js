"use strict";
exports.id = 192;
exports.ids = [192,45];
exports.modules = {

/***/ 73045:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ku: () => (/* binding */ LockError),
/* harmony export */   qq: () => (/* binding */ StateError),
/* harmony export */   xL: () => (/* binding */ ConfigError)
/* harmony export */ });
/** A problem in the apply config: names the file and what to change. */
class ConfigError extends Error {
    /** Nothing was done: the README's exit code for bad input or config. */
    stepExitCode = 2;
    constructor(message) {
        super(message);
        this.name = 'ConfigError';
    }
}
/** The state file exists but cannot be used, or was changed by someone else meanwhile. */
class StateError extends Error {
    constructor(message, options) {
        super(message, options);
        this.name = 'StateError';
    }
}
/** Another run holds the state lock. */
class LockError extends Error {
    constructor(message) {
        super(message);
        this.name = 'LockError';
    }
}


/***/ }),

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


/***/ })

};
;
//# sourceMappingURL=192.index.js.map