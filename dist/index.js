/******/ (() => { // webpackBootstrap
/******/ 	"use strict";
/******/ 	var __webpack_modules__ = ({

/***/ 79407:
/***/ ((module, __webpack_exports__, __nccwpck_require__) => {

__nccwpck_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
__nccwpck_require__.r(__webpack_exports__);
/* harmony import */ var node_module__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(98995);
/* harmony import */ var node_module__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_module__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__nccwpck_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_url__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(73136);
/* harmony import */ var node_url__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__nccwpck_require__.n(node_url__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _util_code_cache_js__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(90452);
/* harmony import */ var _util_stdio_js__WEBPACK_IMPORTED_MODULE_4__ = __nccwpck_require__(92493);





// Our lines go to stdout and stderr directly until something opens Node.js's streams (util/stdio.ts).
_util_stdio_js__WEBPACK_IMPORTED_MODULE_4__/* .stdio */ .iz.writeDirectlyUntilOpened();
node_module__WEBPACK_IMPORTED_MODULE_0__.enableCompileCache?.();
(0,_util_code_cache_js__WEBPACK_IMPORTED_MODULE_3__/* .useCodeCache */ .J4)(node_path__WEBPACK_IMPORTED_MODULE_1___default().dirname((0,node_url__WEBPACK_IMPORTED_MODULE_2__.fileURLToPath)(require("url").pathToFileURL(__filename).href)));
const { runProcess } = await __nccwpck_require__.e(/* import() */ 581).then(__nccwpck_require__.bind(__nccwpck_require__, 95581));
await runProcess();
node_module__WEBPACK_IMPORTED_MODULE_0__.flushCompileCache?.();
(0,_util_code_cache_js__WEBPACK_IMPORTED_MODULE_3__/* .flushCodeCache */ .Ms)();
_util_stdio_js__WEBPACK_IMPORTED_MODULE_4__/* .stdio */ .iz.whenWritten(() => process.exit());

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 90452:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   J4: () => (/* binding */ useCodeCache),
/* harmony export */   Ms: () => (/* binding */ flushCodeCache)
/* harmony export */ });
/* unused harmony exports privateDirectory, VERSIONS_KEPT, pruneCodeCache */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_module__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(98995);
/* harmony import */ var node_module__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__nccwpck_require__.n(node_module__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__nccwpck_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
// Node.js 20 has no compile cache (module.enableCompileCache came with 22.1): every step parses and compiles the
// bundle's chunks again, about 20 ms of a check's start-up, a third of it. There, the chunks of this bundle are
// compiled with V8's code cache instead, through the CommonJS loader's Module.prototype._compile (not a public
// API, as v8-compile-cache and ts-node use it; Node.js 20 is past its end of life, so it will not change).
//
// - The cache is taken when the step is done, not when a chunk is compiled, so it holds the functions the step
//   compiled lazily as it ran (v8-compile-cache takes it at once: that saved nothing here).
// - A cache is code this process runs: it lives in a directory of this user's that no one else may write
//   (anything else is not used), and a chunk's entry is named after the file's size, times and inode, because
//   V8 checks only a source's length before it takes the compiled code of another.
// - Everything here is best effort: a cache that cannot be read, written or taken costs a compile, never a step.



/** Scripts compiled without an accepted cache this run: their cache is written by flushCodeCache. */
const toWrite = [];
/** Whether only this user may write what `info` describes (on systems without user ids, such as Windows: yes). */
function writableByThisUserAlone(info) {
    return !process.getuid || (info.uid === process.getuid() && (info.mode & 0o022) === 0);
}
/**
 * The cache directory, made if missing: undefined unless it is a real directory of this user that only this user
 * may write (on systems without user ids, such as Windows, the temporary directory is the user's own).
 */
function privateDirectory(where) {
    try {
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.mkdirSync)(where, { recursive: true, mode: 0o700 });
        const info = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.lstatSync)(where);
        return info.isDirectory() && writableByThisUserAlone(info) ? where : undefined;
    }
    catch {
        return undefined;
    }
}
/**
 * The file a chunk's cache is kept in, `<chunk>-<version>-<runtime>.cache`: a new version of the chunk (other size,
 * times or inode) gets a new one. The version and runtime hold no `.js`, so chunkOfEntry finds the chunk again.
 */
function entryFor(cacheDirectory, filename) {
    const info = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.statSync)(filename);
    const version = [info.size, info.ino, Math.round(info.mtimeMs), Math.round(info.ctimeMs)].join('-');
    return node_path__WEBPACK_IMPORTED_MODULE_2___default().join(cacheDirectory, `${node_path__WEBPACK_IMPORTED_MODULE_2___default().basename(filename)}-${version}-${process.version}-${process.arch}.cache`);
}
/** The chunk an entry's name (see entryFor) was written for; undefined for any other name. */
function chunkOfEntry(name) {
    return /^(.+\.js)-[^/]*\.cache$/.exec(name)?.[1];
}
/** Where this process writes an entry before renaming it into place (pruned once abandoned). */
const temporaryFor = (entry) => `${entry}.${process.pid}.tmp`;
const isTemporary = (name) => name.endsWith('.tmp');
/** The bytes of a cache entry, when it is a regular file of this user's that no one else may write. */
function readEntry(entry) {
    let fd;
    try {
        fd = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.openSync)(entry, 'r');
        const info = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.fstatSync)(fd);
        return info.isFile() && writableByThisUserAlone(info) ? (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(fd) : undefined;
    }
    catch {
        return undefined;
    }
    finally {
        if (fd !== undefined)
            (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.closeSync)(fd);
    }
}
/**
 * Compiles the CommonJS files under `bundleDirectory` with V8's code cache, kept in s3-asset-manager-code-cache-<uid>
 * in the temporary directory, on a runtime without a compile cache of its own; elsewhere, or when that directory is
 * not private, nothing changes.
 */
function useCodeCache(bundleDirectory) {
    if (node_module__WEBPACK_IMPORTED_MODULE_1__.enableCompileCache || process.sourceMapsEnabled)
        return;
    const load = node_module__WEBPACK_IMPORTED_MODULE_1__.createRequire(node_path__WEBPACK_IMPORTED_MODULE_2___default().join(bundleDirectory, 'index.js'));
    const user = process.getuid ? `-${process.getuid()}` : '';
    const cache = privateDirectory(node_path__WEBPACK_IMPORTED_MODULE_2___default().join(load('node:os').tmpdir(), `s3-asset-manager-code-cache${user}`));
    if (!cache)
        return;
    const { Script, constants } = load('node:vm');
    const { Module } = node_module__WEBPACK_IMPORTED_MODULE_1__;
    const compile = Module.prototype._compile;
    const inside = bundleDirectory + (node_path__WEBPACK_IMPORTED_MODULE_2___default().sep);
    Module.prototype._compile = function (content, filename) {
        if (!filename.startsWith(inside) || !filename.endsWith('.js'))
            return compile.call(this, content, filename);
        let entry;
        try {
            entry = entryFor(cache, filename);
        }
        catch {
            return compile.call(this, content, filename);
        }
        const cachedData = readEntry(entry);
        const script = new Script(Module.wrap(content), {
            filename,
            cachedData,
            importModuleDynamically: constants?.USE_MAIN_CONTEXT_DEFAULT_LOADER
        });
        if (!cachedData || script.cachedDataRejected)
            toWrite.push({ script, entry });
        const wrapper = script.runInThisContext({ displayErrors: true });
        const require = node_module__WEBPACK_IMPORTED_MODULE_1__.createRequire(filename);
        return wrapper.call(this.exports, this.exports, require, this, filename, node_path__WEBPACK_IMPORTED_MODULE_2___default().dirname(filename));
    };
}
/**
 * Entries kept per chunk name. Every new copy of the bundle is a new version (a runner that fetches the action for
 * each job gives it a new inode), so without a bound the directory grows by a version's entries (~2 MB) a step.
 * Four keep the cache warm for steps that alternate between a few versions on one machine.
 */
const VERSIONS_KEPT = 4;
/** A temporary file older than this was left by a step that was killed while it wrote (a write takes milliseconds). */
const ABANDONED_AFTER_MS = 10 * 60_000;
/**
 * Bounds the cache directory after a step wrote to it: per chunk name, only the VERSIONS_KEPT entries written last
 * stay, and temporary files abandoned by a killed step go. Best effort, like the rest: an entry removed under a step
 * that was about to read it costs that step a compile.
 */
function pruneCodeCache(cacheDirectory, now = Date.now()) {
    const byChunk = new Map();
    let names;
    try {
        names = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readdirSync)(cacheDirectory);
    }
    catch {
        return;
    }
    const remove = (name) => {
        try {
            (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.rmSync)(node_path__WEBPACK_IMPORTED_MODULE_2___default().join(cacheDirectory, name), { force: true });
        }
        catch {
            // the next step that writes tries again
        }
    };
    for (const name of names) {
        let written;
        try {
            written = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.lstatSync)(node_path__WEBPACK_IMPORTED_MODULE_2___default().join(cacheDirectory, name)).mtimeMs;
        }
        catch {
            continue;
        }
        if (isTemporary(name)) {
            if (now - written > ABANDONED_AFTER_MS)
                remove(name);
            continue;
        }
        const chunk = chunkOfEntry(name);
        if (chunk === undefined)
            continue;
        const versions = byChunk.get(chunk) ?? [];
        versions.push({ name, written });
        byChunk.set(chunk, versions);
    }
    for (const versions of byChunk.values()) {
        versions.sort((a, b) => b.written - a.written);
        for (const { name } of versions.slice(VERSIONS_KEPT))
            remove(name);
    }
}
/** Writes the cache of the chunks compiled without one (at the end of a step: with what it compiled lazily). */
function flushCodeCache() {
    const compiled = toWrite.splice(0);
    for (const { script, entry } of compiled) {
        const temporary = temporaryFor(entry);
        try {
            (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.writeFileSync)(temporary, script.createCachedData(), { flag: 'wx', mode: 0o600 });
            (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.renameSync)(temporary, entry);
        }
        catch {
            // Best effort: the next step compiles this chunk again.
            try {
                (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.rmSync)(temporary, { force: true });
            }
            catch {
                // a temporary file left in the private directory is never read, and pruned once abandoned
            }
        }
    }
    if (compiled.length > 0)
        pruneCodeCache(node_path__WEBPACK_IMPORTED_MODULE_2___default().dirname(compiled[0].entry));
}


/***/ }),

/***/ 92493:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   _e: () => (/* binding */ writeStderr),
/* harmony export */   iz: () => (/* binding */ stdio),
/* harmony export */   jQ: () => (/* binding */ writeStdout)
/* harmony export */ });
/* unused harmony export Stdio */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);

const STREAMS = ['stdout', 'stderr'];
class Stdio {
    host;
    descriptors;
    /** Streams not opened yet, written to through their descriptors. */
    direct = new Set();
    /** Stdout's own write, before the filter wrapped it: what takes over from a descriptor that failed. */
    unfilteredStdout;
    /** The filter for stdout, while stdout is still written to directly (an opened stream carries it in its write). */
    filter;
    constructor(host, descriptors = { stdout: 1, stderr: 2 }) {
        this.host = host;
        this.descriptors = descriptors;
    }
    /**
     * From now on, writes go to the descriptors until the host's stream is read. Only where that is the same bytes:
     * not on Windows, where a console is written to in UTF-16 by its stream; nor when the streams are not Node.js's
     * lazy properties (already replaced by someone). Call it before anything reads the streams (index.ts does, first):
     * a stream opened earlier is not seen.
     */
    writeDirectlyUntilOpened(platform = process.platform) {
        if (platform === 'win32')
            return;
        for (const name of STREAMS) {
            const lazy = Object.getOwnPropertyDescriptor(this.host, name);
            if (!lazy?.get || !lazy.configurable)
                continue;
            this.direct.add(name);
            Object.defineProperty(this.host, name, {
                configurable: true,
                enumerable: lazy.enumerable,
                get: () => {
                    Object.defineProperty(this.host, name, lazy);
                    this.direct.delete(name);
                    const stream = this.host[name];
                    if (name === 'stdout' && this.filter) {
                        this.wrap(stream, this.filter);
                        this.filter = undefined;
                    }
                    return stream;
                }
            });
        }
    }
    /** Text bound for stdout goes through `filter` from now on, whether written here or straight to the stream. */
    filterStdout(filter) {
        if (this.direct.has('stdout'))
            this.filter = filter;
        else
            this.wrap(this.host.stdout, filter);
    }
    write(name, text) {
        if (!this.direct.has(name)) {
            this.host[name].write(text);
            return;
        }
        if (name === 'stdout' && this.filter) {
            const filtered = this.filter(text);
            if (filtered.stderr)
                this.write('stderr', filtered.stderr);
            text = filtered.stdout;
        }
        this.writeDescriptor(name, Buffer.from(text, 'utf8'));
    }
    /** Calls `done` once what was written is out: at once for descriptors, after the opened streams drain. */
    whenWritten(done) {
        const opened = STREAMS.filter((name) => !this.direct.has(name));
        const next = () => {
            const name = opened.shift();
            if (name === undefined)
                done();
            else
                this.host[name].write('', next);
        };
        next();
    }
    writeDescriptor(name, bytes) {
        while (bytes.length > 0) {
            let written;
            try {
                written = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.writeSync)(this.descriptors[name], bytes);
            }
            catch {
                // EAGAIN: someone made the descriptor non-blocking and the pipe is full; EPIPE, EBADF: the reader is gone.
                // Node.js's stream takes over with what is left and does with it what it always did (waits for room,
                // reports the error), and every later line follows it there.
                const stream = this.host[name];
                ((name === 'stdout' && this.unfilteredStdout) || stream.write.bind(stream))(bytes);
                return;
            }
            bytes = bytes.subarray(written);
        }
    }
    wrap(stream, filter) {
        const write = stream.write.bind(stream);
        this.unfilteredStdout = write;
        stream.write = (chunk, ...rest) => {
            const text = typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
            const filtered = filter(text);
            if (filtered.stderr)
                this.write('stderr', filtered.stderr);
            return filtered.stdout === text ? write(chunk, ...rest) : write(filtered.stdout, ...rest);
        };
    }
}
/** The process's own stdout and stderr. */
const stdio = new Stdio(process);
const writeStdout = (text) => stdio.write('stdout', text);
const writeStderr = (text) => stdio.write('stderr', text);


/***/ }),

/***/ 42613:
/***/ ((module) => {

module.exports = require("assert");

/***/ }),

/***/ 20181:
/***/ ((module) => {

module.exports = require("buffer");

/***/ }),

/***/ 35317:
/***/ ((module) => {

module.exports = require("child_process");

/***/ }),

/***/ 76982:
/***/ ((module) => {

module.exports = require("crypto");

/***/ }),

/***/ 24434:
/***/ ((module) => {

module.exports = require("events");

/***/ }),

/***/ 79896:
/***/ ((module) => {

module.exports = require("fs");

/***/ }),

/***/ 58611:
/***/ ((module) => {

module.exports = require("http");

/***/ }),

/***/ 65692:
/***/ ((module) => {

module.exports = require("https");

/***/ }),

/***/ 73339:
/***/ ((module) => {

module.exports = require("module");

/***/ }),

/***/ 69278:
/***/ ((module) => {

module.exports = require("net");

/***/ }),

/***/ 34589:
/***/ ((module) => {

module.exports = require("node:assert");

/***/ }),

/***/ 16698:
/***/ ((module) => {

module.exports = require("node:async_hooks");

/***/ }),

/***/ 4573:
/***/ ((module) => {

module.exports = require("node:buffer");

/***/ }),

/***/ 31421:
/***/ ((module) => {

module.exports = require("node:child_process");

/***/ }),

/***/ 37540:
/***/ ((module) => {

module.exports = require("node:console");

/***/ }),

/***/ 77598:
/***/ ((module) => {

module.exports = require("node:crypto");

/***/ }),

/***/ 53053:
/***/ ((module) => {

module.exports = require("node:diagnostics_channel");

/***/ }),

/***/ 40610:
/***/ ((module) => {

module.exports = require("node:dns");

/***/ }),

/***/ 78474:
/***/ ((module) => {

module.exports = require("node:events");

/***/ }),

/***/ 73024:
/***/ ((module) => {

module.exports = require("node:fs");

/***/ }),

/***/ 51455:
/***/ ((module) => {

module.exports = require("node:fs/promises");

/***/ }),

/***/ 37067:
/***/ ((module) => {

module.exports = require("node:http");

/***/ }),

/***/ 32467:
/***/ ((module) => {

module.exports = require("node:http2");

/***/ }),

/***/ 44708:
/***/ ((module) => {

module.exports = require("node:https");

/***/ }),

/***/ 98995:
/***/ ((module) => {

module.exports = require("node:module");

/***/ }),

/***/ 77030:
/***/ ((module) => {

module.exports = require("node:net");

/***/ }),

/***/ 48161:
/***/ ((module) => {

module.exports = require("node:os");

/***/ }),

/***/ 76760:
/***/ ((module) => {

module.exports = require("node:path");

/***/ }),

/***/ 643:
/***/ ((module) => {

module.exports = require("node:perf_hooks");

/***/ }),

/***/ 1708:
/***/ ((module) => {

module.exports = require("node:process");

/***/ }),

/***/ 41792:
/***/ ((module) => {

module.exports = require("node:querystring");

/***/ }),

/***/ 57075:
/***/ ((module) => {

module.exports = require("node:stream");

/***/ }),

/***/ 46466:
/***/ ((module) => {

module.exports = require("node:stream/promises");

/***/ }),

/***/ 41692:
/***/ ((module) => {

module.exports = require("node:tls");

/***/ }),

/***/ 73136:
/***/ ((module) => {

module.exports = require("node:url");

/***/ }),

/***/ 57975:
/***/ ((module) => {

module.exports = require("node:util");

/***/ }),

/***/ 73429:
/***/ ((module) => {

module.exports = require("node:util/types");

/***/ }),

/***/ 75919:
/***/ ((module) => {

module.exports = require("node:worker_threads");

/***/ }),

/***/ 38522:
/***/ ((module) => {

module.exports = require("node:zlib");

/***/ }),

/***/ 70857:
/***/ ((module) => {

module.exports = require("os");

/***/ }),

/***/ 16928:
/***/ ((module) => {

module.exports = require("path");

/***/ }),

/***/ 2203:
/***/ ((module) => {

module.exports = require("stream");

/***/ }),

/***/ 13193:
/***/ ((module) => {

module.exports = require("string_decoder");

/***/ }),

/***/ 53557:
/***/ ((module) => {

module.exports = require("timers");

/***/ }),

/***/ 64756:
/***/ ((module) => {

module.exports = require("tls");

/***/ }),

/***/ 52018:
/***/ ((module) => {

module.exports = require("tty");

/***/ }),

/***/ 87016:
/***/ ((module) => {

module.exports = require("url");

/***/ }),

/***/ 39023:
/***/ ((module) => {

module.exports = require("util");

/***/ })

/******/ 	});
/************************************************************************/
/******/ 	// The module cache
/******/ 	var __webpack_module_cache__ = {};
/******/ 	
/******/ 	// The require function
/******/ 	function __nccwpck_require__(moduleId) {
/******/ 		// Check if module is in cache
/******/ 		var cachedModule = __webpack_module_cache__[moduleId];
/******/ 		if (cachedModule !== undefined) {
/******/ 			return cachedModule.exports;
/******/ 		}
/******/ 		// Create a new module (and put it into the cache)
/******/ 		var module = __webpack_module_cache__[moduleId] = {
/******/ 			// no module.id needed
/******/ 			// no module.loaded needed
/******/ 			exports: {}
/******/ 		};
/******/ 	
/******/ 		// Execute the module function
/******/ 		var threw = true;
/******/ 		try {
/******/ 			__webpack_modules__[moduleId].call(module.exports, module, module.exports, __nccwpck_require__);
/******/ 			threw = false;
/******/ 		} finally {
/******/ 			if(threw) delete __webpack_module_cache__[moduleId];
/******/ 		}
/******/ 	
/******/ 		// Return the exports of the module
/******/ 		return module.exports;
/******/ 	}
/******/ 	
/******/ 	// expose the modules object (__webpack_modules__)
/******/ 	__nccwpck_require__.m = __webpack_modules__;
/******/ 	
/************************************************************************/
/******/ 	/* webpack/runtime/asset-relocator-loader */
/******/ 	if (typeof __nccwpck_require__ !== 'undefined') __nccwpck_require__.ab = __dirname + "/";
/******/ 	
/******/ 	/* webpack/runtime/async module */
/******/ 	(() => {
/******/ 		var webpackQueues = typeof Symbol === "function" ? Symbol("webpack queues") : "__webpack_queues__";
/******/ 		var webpackExports = typeof Symbol === "function" ? Symbol("webpack exports") : "__webpack_exports__";
/******/ 		var webpackError = typeof Symbol === "function" ? Symbol("webpack error") : "__webpack_error__";
/******/ 		var resolveQueue = (queue) => {
/******/ 			if(queue && queue.d < 1) {
/******/ 				queue.d = 1;
/******/ 				queue.forEach((fn) => (fn.r--));
/******/ 				queue.forEach((fn) => (fn.r-- ? fn.r++ : fn()));
/******/ 			}
/******/ 		}
/******/ 		var wrapDeps = (deps) => (deps.map((dep) => {
/******/ 			if(dep !== null && typeof dep === "object") {
/******/ 				if(dep[webpackQueues]) return dep;
/******/ 				if(dep.then) {
/******/ 					var queue = [];
/******/ 					queue.d = 0;
/******/ 					dep.then((r) => {
/******/ 						obj[webpackExports] = r;
/******/ 						resolveQueue(queue);
/******/ 					}, (e) => {
/******/ 						obj[webpackError] = e;
/******/ 						resolveQueue(queue);
/******/ 					});
/******/ 					var obj = {};
/******/ 					obj[webpackQueues] = (fn) => (fn(queue));
/******/ 					return obj;
/******/ 				}
/******/ 			}
/******/ 			var ret = {};
/******/ 			ret[webpackQueues] = x => {};
/******/ 			ret[webpackExports] = dep;
/******/ 			return ret;
/******/ 		}));
/******/ 		__nccwpck_require__.a = (module, body, hasAwait) => {
/******/ 			var queue;
/******/ 			hasAwait && ((queue = []).d = -1);
/******/ 			var depQueues = new Set();
/******/ 			var exports = module.exports;
/******/ 			var currentDeps;
/******/ 			var outerResolve;
/******/ 			var reject;
/******/ 			var promise = new Promise((resolve, rej) => {
/******/ 				reject = rej;
/******/ 				outerResolve = resolve;
/******/ 			});
/******/ 			promise[webpackExports] = exports;
/******/ 			promise[webpackQueues] = (fn) => (queue && fn(queue), depQueues.forEach(fn), promise["catch"](x => {}));
/******/ 			module.exports = promise;
/******/ 			body((deps) => {
/******/ 				currentDeps = wrapDeps(deps);
/******/ 				var fn;
/******/ 				var getResult = () => (currentDeps.map((d) => {
/******/ 					if(d[webpackError]) throw d[webpackError];
/******/ 					return d[webpackExports];
/******/ 				}))
/******/ 				var promise = new Promise((resolve) => {
/******/ 					fn = () => (resolve(getResult));
/******/ 					fn.r = 0;
/******/ 					var fnQueue = (q) => (q !== queue && !depQueues.has(q) && (depQueues.add(q), q && !q.d && (fn.r++, q.push(fn))));
/******/ 					currentDeps.map((dep) => (dep[webpackQueues](fnQueue)));
/******/ 				});
/******/ 				return fn.r ? promise : getResult();
/******/ 			}, (err) => ((err ? reject(promise[webpackError] = err) : outerResolve(exports)), resolveQueue(queue)));
/******/ 			queue && queue.d < 0 && (queue.d = 0);
/******/ 		};
/******/ 	})();
/******/ 	
/******/ 	/* webpack/runtime/compat get default export */
/******/ 	(() => {
/******/ 		// getDefaultExport function for compatibility with non-harmony modules
/******/ 		__nccwpck_require__.n = (module) => {
/******/ 			var getter = module && module.__esModule ?
/******/ 				() => (module['default']) :
/******/ 				() => (module);
/******/ 			__nccwpck_require__.d(getter, { a: getter });
/******/ 			return getter;
/******/ 		};
/******/ 	})();
/******/ 	
/******/ 	/* webpack/runtime/create fake namespace object */
/******/ 	(() => {
/******/ 		var getProto = Object.getPrototypeOf ? (obj) => (Object.getPrototypeOf(obj)) : (obj) => (obj.__proto__);
/******/ 		var leafPrototypes;
/******/ 		// create a fake namespace object
/******/ 		// mode & 1: value is a module id, require it
/******/ 		// mode & 2: merge all properties of value into the ns
/******/ 		// mode & 4: return value when already ns object
/******/ 		// mode & 16: return value when it's Promise-like
/******/ 		// mode & 8|1: behave like require
/******/ 		__nccwpck_require__.t = function(value, mode) {
/******/ 			if(mode & 1) value = this(value);
/******/ 			if(mode & 8) return value;
/******/ 			if(typeof value === 'object' && value) {
/******/ 				if((mode & 4) && value.__esModule) return value;
/******/ 				if((mode & 16) && typeof value.then === 'function') return value;
/******/ 			}
/******/ 			var ns = Object.create(null);
/******/ 			__nccwpck_require__.r(ns);
/******/ 			var def = {};
/******/ 			leafPrototypes = leafPrototypes || [null, getProto({}), getProto([]), getProto(getProto)];
/******/ 			for(var current = mode & 2 && value; typeof current == 'object' && !~leafPrototypes.indexOf(current); current = getProto(current)) {
/******/ 				Object.getOwnPropertyNames(current).forEach((key) => (def[key] = () => (value[key])));
/******/ 			}
/******/ 			def['default'] = () => (value);
/******/ 			__nccwpck_require__.d(ns, def);
/******/ 			return ns;
/******/ 		};
/******/ 	})();
/******/ 	
/******/ 	/* webpack/runtime/define property getters */
/******/ 	(() => {
/******/ 		// define getter functions for harmony exports
/******/ 		__nccwpck_require__.d = (exports, definition) => {
/******/ 			for(var key in definition) {
/******/ 				if(__nccwpck_require__.o(definition, key) && !__nccwpck_require__.o(exports, key)) {
/******/ 					Object.defineProperty(exports, key, { enumerable: true, get: definition[key] });
/******/ 				}
/******/ 			}
/******/ 		};
/******/ 	})();
/******/ 	
/******/ 	/* webpack/runtime/ensure chunk */
/******/ 	(() => {
/******/ 		__nccwpck_require__.f = {};
/******/ 		// This file contains only the entry chunk.
/******/ 		// The chunk loading function for additional chunks
/******/ 		__nccwpck_require__.e = (chunkId) => {
/******/ 			return Promise.all(Object.keys(__nccwpck_require__.f).reduce((promises, key) => {
/******/ 				__nccwpck_require__.f[key](chunkId, promises);
/******/ 				return promises;
/******/ 			}, []));
/******/ 		};
/******/ 	})();
/******/ 	
/******/ 	/* webpack/runtime/get javascript chunk filename */
/******/ 	(() => {
/******/ 		// This function allow to reference async chunks
/******/ 		__nccwpck_require__.u = (chunkId) => {
/******/ 			// return url for filenames based on template
/******/ 			return "" + chunkId + ".index.js";
/******/ 		};
/******/ 	})();
/******/ 	
/******/ 	/* webpack/runtime/hasOwnProperty shorthand */
/******/ 	(() => {
/******/ 		__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ 	})();
/******/ 	
/******/ 	/* webpack/runtime/make namespace object */
/******/ 	(() => {
/******/ 		// define __esModule on exports
/******/ 		__nccwpck_require__.r = (exports) => {
/******/ 			if(typeof Symbol !== 'undefined' && Symbol.toStringTag) {
/******/ 				Object.defineProperty(exports, Symbol.toStringTag, { value: 'Module' });
/******/ 			}
/******/ 			Object.defineProperty(exports, '__esModule', { value: true });
/******/ 		};
/******/ 	})();
/******/ 	
/******/ 	/* webpack/runtime/publicPath */
/******/ 	(() => {
/******/ 		__nccwpck_require__.p = "";
/******/ 	})();
/******/ 	
/******/ 	/* webpack/runtime/require chunk loading */
/******/ 	(() => {
/******/ 		__nccwpck_require__.b = require("url").pathToFileURL(__filename);
/******/ 		
/******/ 		// object to store loaded chunks
/******/ 		// "1" means "loaded", otherwise not loaded yet
/******/ 		var installedChunks = {
/******/ 			792: 1
/******/ 		};
/******/ 		
/******/ 		// no on chunks loaded
/******/ 		
/******/ 		var installChunk = (chunk) => {
/******/ 			var moreModules = chunk.modules, chunkIds = chunk.ids, runtime = chunk.runtime;
/******/ 			for(var moduleId in moreModules) {
/******/ 				if(__nccwpck_require__.o(moreModules, moduleId)) {
/******/ 					__nccwpck_require__.m[moduleId] = moreModules[moduleId];
/******/ 				}
/******/ 			}
/******/ 			if(runtime) runtime(__nccwpck_require__);
/******/ 			for(var i = 0; i < chunkIds.length; i++)
/******/ 				installedChunks[chunkIds[i]] = 1;
/******/ 		
/******/ 		};
/******/ 		
/******/ 		// require() chunk loading for javascript
/******/ 		__nccwpck_require__.f.require = (chunkId, promises) => {
/******/ 			// "1" is the signal for "already loaded"
/******/ 			if(!installedChunks[chunkId]) {
/******/ 				if(true) { // all chunks have JS
/******/ 					installChunk(require("./" + __nccwpck_require__.u(chunkId)));
/******/ 				} else installedChunks[chunkId] = 1;
/******/ 			}
/******/ 		};
/******/ 		
/******/ 		// no external install chunk
/******/ 		
/******/ 		// no HMR
/******/ 		
/******/ 		// no HMR manifest
/******/ 	})();
/******/ 	
/************************************************************************/
/******/ 	
/******/ 	// startup
/******/ 	// Load entry module and return exports
/******/ 	// This entry module used 'module' so it can't be inlined
/******/ 	var __webpack_exports__ = __nccwpck_require__(79407);
/******/ 	module.exports = __webpack_exports__;
/******/ 	
/******/ })()
;
//# sourceMappingURL=index.js.map