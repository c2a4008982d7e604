export const id = 3;
export const ids = [3,361,714];
export const modules = {

/***/ 9361:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  computeCodeHash: () => (/* binding */ computeCodeHash),
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
/** Lists the files the patterns match by walking the tree ('**', '!negation'; never inside .git), sorted. */
function matchFiles(repoRoot, patterns) {
    checkPatterns(patterns);
    // Synchronous: one directory walk, faster than the async crawler and nothing else runs meanwhile.
    return sortUtf8((0,dist/* globSync */.AZ)([...patterns], { ...GLOB_OPTIONS, cwd: repoRoot }));
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
async function hashByWalking(repoRoot, patterns, algorithm) {
    const files = matchFiles(repoRoot, patterns);
    if (files.length === 0)
        throw noMatch(repoRoot, patterns);
    const pool = new HashPool();
    try {
        const { digests, bytes } = await pool.hash(files.map((relative) => external_node_path_default().join(repoRoot, relative)), algorithm);
        const hash = digest(files.map((relative, index) => ({ path: relative, id: digests[index] })));
        return { hash, files: files.length, bytes, method: 'files', hashed: files.length };
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
async function hashWithGit(repoRoot, patterns) {
    const matches = pathMatcher(patterns);
    const roots = patternRoots(patterns);
    const pathspec = roots.length > 0 ? ['--', ...roots.map((root) => `:(literal)${root}`)] : [];
    let listings;
    try {
        listings = await Promise.all([
            git(repoRoot, ['ls-files', '-s', '-z', ...pathspec]),
            // --relative: paths relative to repoRoot, as ls-files writes them. Racily clean entries are compared by content.
            git(repoRoot, ['diff-files', '-z', '--name-only', '--relative', ...pathspec]),
            git(repoRoot, ['ls-files', '-o', '-z', ...pathspec])
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
    // clean entries become digest lines in order, without sorting. Unmerged paths repeat once per stage.
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
                clean.push({ path: relative, line: `${relative}\0${id}\n` });
        }
        else if (mode === '120000' || !matches(relative)) {
            continue; // symlinks: neither followed nor hashed
        }
        else if (stage === '0' && !dirty.has(relative)) {
            clean.push({ path: relative, line: `${relative}\0${id}\n` });
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
    let lines;
    if (toHash.length === 0) {
        lines = clean.map((entry) => entry.line);
    }
    else {
        const ids = await gitHashObjects(repoRoot, toHash);
        const hashed = toHash.map((relative, i) => ({ path: relative, line: `${relative}\0${ids[i]}\n` }));
        const all = [...clean, ...hashed];
        const byPath = new Map(all.map((entry) => [entry.path, entry.line]));
        lines = sortUtf8([...byPath.keys()]).map((relative) => byPath.get(relative));
    }
    const hash = (0,external_node_crypto_.createHash)('sha256').update(CODE_HASH_TAG).update(lines.join('')).digest('hex');
    return { hash, files: lines.length, bytes: 0, method: 'git', hashed: toHash.length };
}
/**
 * The code hash (version 2): SHA-256 (hex) over `code-hash-v2\n`, then `<path>\0<git blob id>\n` for every
 * matched regular file in byte order of its UTF-8 path relative to repoRoot. Symlinks are neither followed
 * nor hashed; a submodule contributes its gitlink. In a git work tree the ids come from git; elsewhere
 * every file is hashed here with the same formula.
 */
async function computeCodeHash(repoRoot, patterns) {
    checkPatterns(patterns);
    return (await hashWithGit(repoRoot, patterns)) ?? (await hashByWalking(repoRoot, patterns, 'sha1'));
}


/***/ }),

/***/ 7003:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  apply: () => (/* binding */ apply)
});

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 7 modules
var core = __webpack_require__(3838);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: ./node_modules/js-yaml/dist/js-yaml.mjs
var js_yaml = __webpack_require__(3243);
;// CONCATENATED MODULE: ./src/apply/errors.ts
/** A problem in the apply config: names the file and what to change. */
class ConfigError extends Error {
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

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
;// CONCATENATED MODULE: ./src/apply/template.ts


const TEMPLATE = /\[\[\s*(.*?)\s*\]\]/g;
const PLACEHOLDER = /__sam_tpl_(\d+)__/g;
const WHOLE_PLACEHOLDER = /^__sam_tpl_(\d+)__$/;
/**
 * `[[ name ]]` is a var; `[[ env NAME ]]`, `[[ env "NAME" ]]` and `[[ env 'NAME' ]]` read the environment,
 * as dtm reads them (its quote-adding pre-processor makes the bare form quoted).
 */
function parseExpression(source, file) {
    if (/^[A-Za-z_][\w.-]*$/.test(source))
        return { kind: 'var', name: source };
    const env = /^env\s+(?:"([^"]+)"|'([^']+)'|([A-Za-z_]\w*))$/.exec(source);
    if (env)
        return { kind: 'env', name: (env[1] ?? env[2] ?? env[3]) };
    throw new ConfigError(`${file}: '[[ ${source} ]]' is not a template this action knows: use [[ varName ]] or [[ env NAME ]].`);
}
/** Swaps every `[[ … ]]` for a placeholder; `offset` keeps placeholders of several files distinct. */
function protectTemplates(text, file, offset) {
    const expressions = [];
    const replaced = text.replace(TEMPLATE, (_match, source) => {
        expressions.push(parseExpression(source, file));
        return `__sam_tpl_${offset + expressions.length - 1}__`;
    });
    return { text: replaced, expressions };
}
function envDigest(name, value) {
    return `<env ${name} sha256:${(0,external_node_crypto_.createHash)('sha256').update(value).digest('hex').slice(0, 16)}>`;
}
function substituteString(text, resolve) {
    const whole = WHOLE_PLACEHOLDER.exec(text);
    if (whole)
        return resolve(Number(whole[1]));
    if (!text.includes('__sam_tpl_'))
        return { value: text, stateValue: text };
    let value = '';
    let stateValue = '';
    let last = 0;
    for (const match of text.matchAll(PLACEHOLDER)) {
        const literal = text.slice(last, match.index);
        const part = resolve(Number(match[1]));
        value += literal + String(part.value);
        stateValue += literal + String(part.stateValue);
        last = match.index + match[0].length;
    }
    return { value: value + text.slice(last), stateValue: stateValue + text.slice(last) };
}
/** Resolves every placeholder in a parsed YAML tree (keys too), giving the real tree and its state form. */
function resolveTree(node, resolve) {
    if (typeof node === 'string')
        return substituteString(node, resolve);
    if (Array.isArray(node)) {
        const parts = node.map((item) => resolveTree(item, resolve));
        return { value: parts.map((p) => p.value), stateValue: parts.map((p) => p.stateValue) };
    }
    if (node !== null && typeof node === 'object') {
        const value = {};
        const stateValue = {};
        for (const [key, child] of Object.entries(node)) {
            const resolvedKey = String(substituteString(key, resolve).value);
            const part = resolveTree(child, resolve);
            value[resolvedKey] = part.value;
            stateValue[resolvedKey] = part.stateValue;
        }
        return { value, stateValue };
    }
    return { value: node, stateValue: node };
}
/** Whether a parsed tree still holds a placeholder (used to find templates where none may stand). */
function hasPlaceholder(node) {
    if (typeof node === 'string')
        return node.includes('__sam_tpl_');
    if (Array.isArray(node))
        return node.some(hasPlaceholder);
    if (node !== null && typeof node === 'object')
        return Object.entries(node).some(([key, child]) => hasPlaceholder(key) || hasPlaceholder(child));
    return false;
}
const REFERENCE = /\$\{\{\s*([\w-]+)\.([\w-]+)\.outputs\.([\w-]+)\s*\}\}/g;
const WHOLE_REFERENCE = /^\$\{\{\s*([\w-]+)\.([\w-]+)\.outputs\.([\w-]+)\s*\}\}$/;
const EXPRESSION = /\$\{\{([\s\S]*?)\}\}/g;
/**
 * Every output reference in a tree, and every other `${{ … }}`, which dtm leaves as written (a config may
 * carry GitHub workflow text such as `${{ github.sha }}`); the caller decides whether one looks like a slip.
 */
function findReferences(node) {
    const references = [];
    const foreign = [];
    const visit = (value) => {
        if (typeof value === 'string') {
            for (const match of value.matchAll(REFERENCE))
                references.push({ tool: `${match[1]}.${match[2]}`, key: match[3] });
            for (const match of value.replace(REFERENCE, '').matchAll(EXPRESSION))
                foreign.push({ text: match[0], inner: match[1].trim() });
        }
        else if (Array.isArray(value))
            value.forEach(visit);
        else if (value !== null && typeof value === 'object')
            Object.values(value).forEach(visit);
    };
    visit(node);
    return { references, foreign };
}
/** Replaces output references; a string that is one reference keeps the output's own type. */
function resolveReferences(node, lookup) {
    if (typeof node === 'string') {
        const whole = WHOLE_REFERENCE.exec(node);
        if (whole)
            return lookup(`${whole[1]}.${whole[2]}`, whole[3]);
        return node.replace(REFERENCE, (_m, name, instance, key) => {
            const value = lookup(`${name}.${instance}`, key);
            return typeof value === 'string' ? value : JSON.stringify(value);
        });
    }
    if (Array.isArray(node))
        return node.map((item) => resolveReferences(item, lookup));
    if (node !== null && typeof node === 'object') {
        return Object.fromEntries(Object.entries(node).map(([key, value]) => [key, resolveReferences(value, lookup)]));
    }
    return node;
}

;// CONCATENATED MODULE: ./src/apply/config.ts





const TOP_LEVEL = ['varFile', 'toolFile', 'config', 'state', 'vars', 'tools', 'apps', 'pipelineTemplates'];
const TOOL_KEYS = ['name', 'instanceID', 'dependsOn', 'options'];
const INSTANCE_ID = /^[A-Za-z0-9][\w-]*$/;
function isMap(value) {
    return value !== null && typeof value === 'object' && !Array.isArray(value);
}
async function configFiles(configPath) {
    let info;
    try {
        info = await (0,promises_.stat)(configPath);
    }
    catch {
        throw new ConfigError(`The apply config '${configPath}' does not exist: create it or point the 'config' input at your config file or directory.`);
    }
    if (!info.isDirectory())
        return [configPath];
    // As dtm does, subfolders are read too; the order is the sorted relative paths, so it never depends on the file system.
    const names = (await (0,promises_.readdir)(configPath, { recursive: true, withFileTypes: true }))
        .filter((entry) => entry.isFile() && /\.ya?ml$/.test(entry.name))
        .map((entry) => external_node_path_default().relative(configPath, external_node_path_default().join(entry.parentPath ?? entry.path, entry.name))
        .split((external_node_path_default()).sep)
        .join('/'))
        .filter((relative) => !relative.split('/').some((segment) => segment.startsWith('.')))
        .sort();
    if (names.length === 0)
        throw new ConfigError(`The config directory '${configPath}' holds no *.yaml or *.yml file (subfolders included).`);
    return names.map((name) => external_node_path_default().join(configPath, ...name.split('/')));
}
class Loader {
    expressions = [];
    docs = [];
    seen = new Set();
    /** Loads a file once: in a config directory, a file named by varFile/toolFile is also one of its files. */
    async load(file, expect) {
        const absolute = external_node_path_default().resolve(file);
        if (this.seen.has(absolute))
            return;
        this.seen.add(absolute);
        let text;
        try {
            text = await (0,promises_.readFile)(file, 'utf8');
        }
        catch (error) {
            throw new ConfigError(`Cannot read ${file}: ${error.message}.`);
        }
        const protectedText = protectTemplates(text, file, this.expressions.length);
        this.expressions.push(...protectedText.expressions);
        let parsed;
        try {
            parsed = js_yaml/* default.load */.Ay.load(protectedText.text, { filename: file });
        }
        catch (error) {
            throw new ConfigError(`${file} is not valid YAML: ${error.message}`);
        }
        if (parsed === undefined || parsed === null)
            parsed = {};
        if (!isMap(parsed))
            throw new ConfigError(`${file} must hold a YAML map at the top level.`);
        if (expect === 'vars') {
            this.docs.push({ file, doc: { vars: parsed } });
            return;
        }
        const unknown = Object.keys(parsed).filter((key) => !TOP_LEVEL.includes(key));
        if (unknown.length > 0) {
            throw new ConfigError(`${file}: unknown section${unknown.length > 1 ? 's' : ''} ${unknown.map((k) => `'${k}'`).join(', ')}; allowed: ${TOP_LEVEL.join(', ')}.`);
        }
        this.docs.push({ file, doc: parsed });
        for (const [field, kind] of [
            ['varFile', 'vars'],
            ['toolFile', 'tools']
        ]) {
            const ref = parsed[field];
            if (ref === undefined)
                continue;
            if (typeof ref !== 'string' || hasPlaceholder(ref))
                throw new ConfigError(`${file}: '${field}' must be a plain file name.`);
            await this.load(external_node_path_default().resolve(external_node_path_default().dirname(file), ref), kind);
        }
    }
}
/** Resolves [[ var ]] / [[ env ]] placeholders, with vars that use other vars and per-app scopes. */
class Resolver {
    expressions;
    vars;
    env;
    cache = new Map();
    constructor(expressions, vars, env) {
        this.expressions = expressions;
        this.vars = vars;
        this.env = env;
    }
    resolve(node, where, scope = new Map(), stack = []) {
        return resolveTree(node, (index) => {
            const expression = this.expressions[index];
            if (expression.kind === 'env') {
                const value = this.env[expression.name];
                if (value === undefined || value === '') {
                    // dtm refuses an empty value too: an empty secret is almost always a missing one.
                    throw new ConfigError(`${where}: [[ env "${expression.name}" ]] is ${value === undefined ? 'not set' : 'set but empty'} in the environment. Set ${expression.name} for this step.`);
                }
                return { value, stateValue: envDigest(expression.name, value) };
            }
            if (scope.has(expression.name)) {
                const scoped = scope.get(expression.name);
                return { value: scoped, stateValue: scoped };
            }
            return this.variable(expression.name, where, stack);
        });
    }
    variable(name, where, stack) {
        const cached = this.cache.get(name);
        if (cached)
            return cached;
        if (stack.includes(name))
            throw new ConfigError(`${where}: the vars ${[...stack, name].join(' → ')} refer to each other in a cycle.`);
        const entry = this.vars.get(name);
        if (!entry)
            throw new ConfigError(`${where}: [[ ${name} ]] is not defined in 'vars' (or the varFile).`);
        const resolved = this.resolve(entry.value, entry.file, new Map(), [...stack, name]);
        this.cache.set(name, resolved);
        return resolved;
    }
}
function stringList(value, what) {
    if (value === undefined || value === null)
        return [];
    if (!Array.isArray(value) || value.some((item) => typeof item !== 'string'))
        throw new ConfigError(`${what} must be a list of strings.`);
    return value;
}
function parseState(value, file, baseDir) {
    if (!isMap(value))
        throw new ConfigError(`${file}: 'config.state' must be a map with 'backend' and 'options'.`);
    const options = isMap(value.options) ? value.options : {};
    const option = (name) => typeof options[name] === 'string' && options[name] !== '' ? options[name] : undefined;
    const backend = typeof value.backend === 'string' ? value.backend.toLowerCase() : value.backend;
    if (backend === 'local') {
        return { kind: 'local', file: external_node_path_default().resolve(baseDir, option('stateFile') ?? 'devstream.state') };
    }
    if (backend === 's3') {
        const bucket = option('bucket');
        const key = option('key');
        if (!bucket || !key)
            throw new ConfigError(`${file}: the s3 state backend needs 'options.bucket' and 'options.key'.`);
        return { kind: 's3', bucket, key, region: option('region'), endpoint: option('endpoint') };
    }
    throw new ConfigError(`${file}: state backend '${String(value.backend)}' is not one of: local, s3.`);
}
function parseStoreOverrides(value, file) {
    if (value === undefined)
        return undefined;
    if (!isMap(value))
        throw new ConfigError(`${file}: 'config.store' must be a map.`);
    const allowed = ['backend', 'bucket', 'prefix', 'region', 'endpoint', 'localDir'];
    const unknown = Object.keys(value).filter((key) => !allowed.includes(key));
    if (unknown.length)
        throw new ConfigError(`${file}: unknown key(s) ${unknown.join(', ')} in 'config.store'; allowed: ${allowed.join(', ')}.`);
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, String(v)]));
}
/** App keys DevStream's own plugins read (repo scaffolding, its CI plugins); accepted, not used here. */
const DEVSTREAM_APP_KEYS = ['spec', 'repo', 'repoTemplate'];
const APP_KEYS = ['name', 'ci', 'cd', 'dependsOn', ...DEVSTREAM_APP_KEYS];
/**
 * Merges `override` into `base` as dtm does for a pipeline entry's options over its template's
 * (mergo.Merge WithOverride): maps merge key by key, anything else from `override` wins.
 */
function deepMerge(base, override) {
    if (!isMap(base) || !isMap(override))
        return override === undefined ? base : override;
    const merged = { ...base };
    for (const [key, value] of Object.entries(override))
        merged[key] = key in base ? deepMerge(base[key], value) : value;
    return merged;
}
/** `ci` / `cd` as dtm writes them (a list of entries) or as a single map. */
function pipelineEntries(value, where) {
    if (value === undefined || value === null)
        return [];
    const list = Array.isArray(value) ? value : [value];
    return list.map((entry, index) => {
        if (!isMap(entry))
            throw new ConfigError(`${where}[${index}] must be a map with 'type' (and 'templateName' for type template).`);
        return entry;
    });
}
/**
 * Turns each app's ci/cd entries into tools, as dtm does: `type: template` renders the named
 * pipelineTemplate with the global vars, then the entry's vars, and merges the entry's options over the
 * template's; any other type is a plugin used inline with the entry's options. Each tool is named by the
 * plugin and has the app's name as its instanceID.
 */
function expandApps(docs, plugins) {
    const templates = new Map();
    for (const { file, doc } of docs) {
        for (const template of doc.pipelineTemplates ?? []) {
            if (!isMap(template) || typeof template.name !== 'string')
                throw new ConfigError(`${file}: every pipelineTemplates entry needs a 'name'.`);
            if (templates.has(template.name))
                throw new ConfigError(`${file}: pipeline template '${template.name}' is defined twice.`);
            templates.set(template.name, { doc: template, file });
        }
    }
    const tools = [];
    const unusedKeys = new Map();
    const knownPlugin = (type, what) => {
        if (typeof type === 'string' && plugins.includes(type))
            return type;
        throw new ConfigError(`${what} has type '${String(type)}', which is not a plugin of this action; the plugins are: ${plugins.join(', ')}` +
            ` (DevStream's own plugins such as github-actions or argocdapp do not exist here).`);
    };
    for (const { file, doc } of docs) {
        for (const app of doc.apps ?? []) {
            if (!isMap(app) || typeof app.name !== 'string')
                throw new ConfigError(`${file}: every apps entry needs a 'name'.`);
            const unknown = Object.keys(app).filter((key) => !APP_KEYS.includes(key));
            if (unknown.length > 0) {
                throw new ConfigError(`${file}: app '${app.name}' has unknown key(s) ${unknown.join(', ')}; allowed: ${APP_KEYS.join(', ')}.`);
            }
            const ignored = DEVSTREAM_APP_KEYS.filter((key) => app[key] !== undefined);
            if (ignored.length > 0)
                unusedKeys.set(app.name, ignored);
            const produced = new Map();
            for (const section of ['ci', 'cd']) {
                for (const [index, entry] of pipelineEntries(app[section], `${file}: app '${app.name}' ${section}`).entries()) {
                    const where = `${file}: app '${app.name}' ${section}[${index}]`;
                    const type = entry.type ?? (entry.templateName !== undefined ? 'template' : undefined);
                    const entryOptions = isMap(entry.options) ? entry.options : {};
                    let tool;
                    if (type === 'template') {
                        const templateName = entry.templateName;
                        if (typeof templateName !== 'string' || templateName === '') {
                            throw new ConfigError(`${where} is of type template but names no templateName.`);
                        }
                        const template = templates.get(templateName);
                        if (!template) {
                            throw new ConfigError(`${where} uses pipeline template '${templateName}', which is not defined` +
                                (templates.size ? ` (known: ${[...templates.keys()].join(', ')}).` : ' (there are no pipelineTemplates).'));
                        }
                        tool = {
                            name: knownPlugin(template.doc.type ?? 'assets', `pipeline template '${templateName}' (${template.file}), used by ${where},`),
                            options: deepMerge(template.doc.options ?? {}, entryOptions),
                            file: template.file,
                            origin: `app '${app.name}' ${section}[${index}] (template '${templateName}')`,
                            vars: isMap(entry.vars) ? entry.vars : {}
                        };
                    }
                    else {
                        tool = {
                            name: knownPlugin(type, where),
                            options: entryOptions,
                            file,
                            origin: `app '${app.name}' ${section}[${index}]`,
                            vars: isMap(entry.vars) ? entry.vars : {}
                        };
                    }
                    const key = `${tool.name}_${app.name}`;
                    const earlier = produced.get(key);
                    if (earlier) {
                        throw new ConfigError(`${file}: app '${app.name}': ${earlier} and ${section}[${index}] both make tool ${tool.name}.${app.name}; ` +
                            `a tool's name and instanceID must be unique, so an app can use each plugin once.`);
                    }
                    produced.set(key, `${section}[${index}]`);
                    tools.push({
                        raw: { name: tool.name, instanceID: app.name, dependsOn: app.dependsOn, options: tool.options },
                        file: tool.file,
                        scope: new Map([['app', app.name], ...Object.entries(tool.vars)]),
                        origin: tool.origin
                    });
                }
            }
        }
    }
    return { tools, unusedKeys };
}
/** A `${{ … }}` left as written that names a tool of the config is most likely a mistyped reference. */
function referenceSlips(tools, foreign) {
    const refs = new Set(tools.map((tool) => tool.ref));
    const warnings = [];
    for (const [tool, expressions] of foreign) {
        for (const expression of expressions) {
            const named = /^([\w-]+)\.([\w-]+)/.exec(expression.inner);
            const target = named ? `${named[1]}.${named[2]}` : undefined;
            if (!target || !refs.has(target))
                continue;
            warnings.push(`${tool.file}: tool ${tool.ref} has '${expression.text}', which names tool ${target} but is not an output reference, ` +
                `so it is left as written. To read an output, write \${{ ${target}.outputs.<key> }}.`);
        }
    }
    return warnings;
}
/**
 * Loads the apply config (a file or a directory of *.yaml/*.yml, merged, with varFile/toolFile relative to
 * the file naming them), resolves vars and env, expands apps, and checks tools. `plugins` lists the known plugin names.
 */
async function loadConfig(configPath, plugins, env = process.env) {
    const files = await configFiles(configPath);
    const loader = new Loader();
    // In a directory, files that others name as varFile/toolFile are loaded as such, not as configs.
    const referenced = new Set();
    for (const file of files) {
        const text = await (0,promises_.readFile)(file, 'utf8').catch(() => '');
        for (const match of text.matchAll(/^(?:varFile|toolFile):\s*["']?([^"'\s#]+)/gm))
            referenced.add(external_node_path_default().resolve(external_node_path_default().dirname(file), match[1]));
    }
    for (const file of files)
        if (!referenced.has(external_node_path_default().resolve(file)))
            await loader.load(file, 'config');
    const baseDir = external_node_path_default().dirname(external_node_path_default().resolve(files[0]));
    const vars = new Map();
    for (const { file, doc } of loader.docs) {
        if (doc.vars === undefined || doc.vars === null)
            continue;
        if (!isMap(doc.vars))
            throw new ConfigError(`${file}: 'vars' must be a map.`);
        for (const [name, value] of Object.entries(doc.vars)) {
            const existing = vars.get(name);
            if (existing && JSON.stringify(existing.value) !== JSON.stringify(value)) {
                throw new ConfigError(`The var '${name}' is defined differently in ${existing.file} and ${file}.`);
            }
            vars.set(name, { value, file });
        }
    }
    const resolver = new Resolver(loader.expressions, vars, env);
    const stateSections = loader.docs.flatMap(({ file, doc }) => {
        const config = isMap(doc.config) ? doc.config : {};
        if (doc.config !== undefined && !isMap(doc.config))
            throw new ConfigError(`${file}: 'config' must be a map.`);
        return [
            ...(config.state !== undefined ? [{ file, value: config.state, store: config.store }] : []),
            ...(doc.state !== undefined ? [{ file, value: doc.state, store: undefined }] : [])
        ];
    });
    if (stateSections.length === 0) {
        throw new ConfigError(`${files.join(', ')}: no state backend: add 'config: { state: { backend: local, options: { stateFile: assets.state } } }'.`);
    }
    if (stateSections.length > 1)
        throw new ConfigError(`The state backend is configured more than once (${stateSections.map((s) => s.file).join(', ')}): keep one.`);
    const stateSection = stateSections[0];
    const state = parseState(resolver.resolve(stateSection.value, stateSection.file).value, stateSection.file, baseDir);
    const store = parseStoreOverrides(resolver.resolve(stateSection.store, stateSection.file).value, stateSection.file);
    const raws = [];
    for (const { file, doc } of loader.docs) {
        if (doc.tools === undefined || doc.tools === null)
            continue;
        if (!Array.isArray(doc.tools))
            throw new ConfigError(`${file}: 'tools' must be a list.`);
        for (const raw of doc.tools) {
            if (!isMap(raw))
                throw new ConfigError(`${file}: every tools entry must be a map with name, instanceID and options.`);
            raws.push({ raw, file, scope: new Map(), origin: 'tool' });
        }
    }
    const { tools: fromApps, unusedKeys } = expandApps(loader.docs, plugins);
    if (raws.length === 0 && fromApps.length === 0) {
        // With no tools, the plan would delete everything the state holds: refuse, as dtm does.
        throw new ConfigError(`${files.join(', ')} declare${files.length > 1 ? '' : 's'} no tools and no apps. Add a 'tools:' list (or 'apps:'); ` +
            `if a tools file moved, point 'toolFile' at it. Nothing was planned or changed.`);
    }
    const tools = [];
    const byRef = new Map();
    const plainToolRefs = [];
    const foreign = new Map();
    for (const { raw, file, scope, origin } of [...raws, ...fromApps]) {
        const unknown = Object.keys(raw).filter((key) => !TOOL_KEYS.includes(key) && raw[key] !== undefined);
        const label = `${file}: ${origin === 'tool' ? 'tool' : origin}`;
        if (unknown.length > 0)
            throw new ConfigError(`${label} has unknown key(s) ${unknown.join(', ')}; allowed: ${TOOL_KEYS.join(', ')}.`);
        const resolved = resolver.resolve({ name: raw.name, instanceID: raw.instanceID, dependsOn: raw.dependsOn ?? [], options: raw.options ?? {} }, file, scope);
        const value = resolved.value;
        const name = value.name;
        const instanceID = value.instanceID;
        if (typeof name !== 'string' || !name)
            throw new ConfigError(`${label} has no 'name' (the plugin: ${plugins.join(', ')}).`);
        if (typeof instanceID !== 'string' || !INSTANCE_ID.test(instanceID)) {
            throw new ConfigError(`${label} '${name}' needs an 'instanceID' of letters, digits, '-' and '_' (got ${JSON.stringify(instanceID)}).`);
        }
        const ref = `${name}.${instanceID}`;
        if (!plugins.includes(name))
            throw new ConfigError(`${file}: tool ${ref} uses plugin '${name}', which does not exist; known plugins: ${plugins.join(', ')}.`);
        if (!isMap(value.options))
            throw new ConfigError(`${file}: tool ${ref} 'options' must be a map.`);
        const existing = byRef.get(ref);
        if (existing) {
            throw new ConfigError(`Tool ${ref} is defined twice: in ${existing.file} and in ${file}${origin === 'tool' ? '' : ` by ${origin}`}. Each name + instanceID must be unique.`);
        }
        // dtm skips blank entries (an empty list item, a template that rendered to nothing).
        const dependsOn = stringList(value.dependsOn, `${file}: tool ${ref} 'dependsOn'`).filter((dependency) => dependency.trim() !== '');
        for (const dependency of dependsOn) {
            if (!/^[\w-]+\.[\w-]+$/.test(dependency))
                throw new ConfigError(`${file}: tool ${ref} dependsOn '${dependency}': write it as name.instanceID.`);
        }
        const found = findReferences(value.options);
        const references = found.references.map((reference) => reference.tool);
        const tool = {
            name,
            instanceID,
            ref,
            key: `${name}_${instanceID}`,
            dependsOn,
            dependencies: [...new Set([...dependsOn, ...references])],
            // `tools:` entries come first in this loop, so plainToolRefs is complete when apps are reached.
            after: origin === 'tool' ? [] : [...plainToolRefs],
            options: value.options,
            stateOptions: resolved.stateValue.options,
            file
        };
        byRef.set(ref, tool);
        tools.push(tool);
        if (found.foreign.length > 0)
            foreign.set(tool, found.foreign);
        if (origin === 'tool')
            plainToolRefs.push(ref);
    }
    for (const tool of tools) {
        for (const dependency of tool.dependencies) {
            if (!byRef.has(dependency)) {
                throw new ConfigError(`${tool.file}: tool ${tool.ref} depends on ${dependency}, which is not in the config (tools: ${[...byRef.keys()].join(', ')}).`);
            }
            if (dependency === tool.ref)
                throw new ConfigError(`${tool.file}: tool ${tool.ref} depends on itself.`);
        }
    }
    const notices = unusedKeys.size
        ? [
            `Not used here (read by DevStream's own plugins): ${[...unusedKeys].map(([app, keys]) => `app '${app}' ${keys.join(', ')}`).join('; ')}.`
        ]
        : [];
    return { files, baseDir, state, store, tools, notices, warnings: referenceSlips(tools, foreign) };
}

// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-s3/dist-cjs/index.js
var dist_cjs = __webpack_require__(3711);
// EXTERNAL MODULE: ./src/inputs.ts
var inputs = __webpack_require__(8422);
// EXTERNAL MODULE: ./src/stores/s3.ts
var s3 = __webpack_require__(9714);
// EXTERNAL MODULE: ./src/stores/s3-errors.ts
var s3_errors = __webpack_require__(9164);
;// CONCATENATED MODULE: ./src/apply/state-storage.ts








/** A conditional write lost: the object is not what the writer expected. */
class PreconditionFailed extends Error {
    constructor(message) {
        super(message);
        this.name = 'PreconditionFailed';
    }
}
const digest = (body) => (0,external_node_crypto_.createHash)('sha256').update(body).digest('hex');
/** A state file on disk: temp file + rename; the lock is an exclusive create. */
class LocalStateStorage {
    file;
    description;
    constructor(file) {
        this.file = file;
        this.description = `local file ${file}`;
    }
    pathOf(object) {
        return object === 'state' ? this.file : `${this.file}.lock`;
    }
    async get(object) {
        try {
            const body = await (0,promises_.readFile)(this.pathOf(object), 'utf8');
            return { body, version: digest(body) };
        }
        catch (error) {
            if (error.code === 'ENOENT')
                return undefined;
            throw new StateError(`Cannot read ${this.pathOf(object)}: ${error.message}`, { cause: error });
        }
    }
    async put(object, body, condition) {
        const target = this.pathOf(object);
        await (0,promises_.mkdir)(external_node_path_default().dirname(target), { recursive: true });
        if (condition.ifNoneMatch) {
            try {
                await (0,promises_.writeFile)(target, body, { flag: 'wx' });
                return digest(body);
            }
            catch (error) {
                if (error.code === 'EEXIST')
                    throw new PreconditionFailed(`${target} already exists.`);
                throw error;
            }
        }
        if (condition.ifMatch !== undefined) {
            const current = await this.get(object);
            if (current?.version !== condition.ifMatch)
                throw new PreconditionFailed(`${target} changed since it was read.`);
        }
        const temp = `${target}.tmp-${(0,external_node_crypto_.randomBytes)(6).toString('hex')}`;
        try {
            await (0,promises_.writeFile)(temp, body);
            await (0,promises_.rename)(temp, target);
        }
        finally {
            await (0,promises_.rm)(temp, { force: true });
        }
        return digest(body);
    }
    async remove(object) {
        await (0,promises_.rm)(this.pathOf(object), { force: true });
    }
    close() { }
}
/**
 * The state as an S3 object. Writes are conditional (If-Match / If-None-Match), and because some
 * S3-compatible servers ignore those headers, callers also read back what they wrote.
 */
class S3StateStorage {
    bucket;
    key;
    settings;
    description;
    client;
    constructor(bucket, key, settings) {
        this.bucket = bucket;
        this.key = key;
        this.settings = settings;
        this.description = `s3://${bucket}/${key}${settings.endpoint ? ` at ${settings.endpoint}` : ''}`;
        this.client = new dist_cjs.S3Client((0,s3/* clientConfig */.yO)(settings, 2));
    }
    keyOf(object) {
        return object === 'state' ? this.key : `${this.key}.lock`;
    }
    fail(operation, object, error) {
        const described = (0,s3_errors/* describeS3Error */.y)(error, {
            operation,
            bucket: this.bucket,
            key: this.keyOf(object),
            endpoint: this.settings.endpoint,
            region: this.settings.region
        });
        throw new StateError(`State backend: ${described.message}`, { cause: error });
    }
    checked;
    async get(object) {
        await (this.checked ??= (0,s3/* checkCredentials */.vG)(this.client, this.settings));
        try {
            const response = await this.client.send(new dist_cjs.GetObjectCommand({ Bucket: this.bucket, Key: this.keyOf(object) }));
            const body = (await response.Body?.transformToString('utf-8')) ?? '';
            return { body, version: response.ETag ?? digest(body) };
        }
        catch (error) {
            if ((0,s3_errors/* isNotFound */.c)(error))
                return undefined;
            this.fail('GetObject', object, error);
        }
    }
    async put(object, body, condition) {
        const input = {
            Bucket: this.bucket,
            Key: this.keyOf(object),
            Body: body,
            ContentType: object === 'state' ? 'application/yaml' : 'application/json'
        };
        if (condition.ifNoneMatch)
            input.IfNoneMatch = '*';
        if (condition.ifMatch)
            input.IfMatch = condition.ifMatch;
        try {
            const response = await this.client.send(new dist_cjs.PutObjectCommand(input));
            return response.ETag ?? digest(body);
        }
        catch (error) {
            const name = error.name;
            const status = error.$metadata?.httpStatusCode;
            if (name === 'PreconditionFailed' || status === 412 || name === 'ConditionalRequestConflict' || status === 409) {
                throw new PreconditionFailed(`s3://${this.bucket}/${this.keyOf(object)} changed since it was read.`);
            }
            this.fail('PutObject', object, error);
        }
    }
    async remove(object) {
        try {
            await this.client.send(new dist_cjs.DeleteObjectCommand({ Bucket: this.bucket, Key: this.keyOf(object) }));
        }
        catch (error) {
            this.fail('DeleteObject', object, error);
        }
    }
    close() {
        this.client.destroy();
    }
}
/** The storage the config names; S3 credentials and endpoint defaults come from the action's store inputs. */
function stateStorageFor(config, store) {
    if (config.kind === 'local')
        return new LocalStateStorage(config.file);
    return new S3StateStorage(config.bucket, config.key, (0,inputs/* deriveS3Settings */.LX)(store, config));
}

;// CONCATENATED MODULE: ./src/apply/lock.ts




function describeHolder(body) {
    try {
        const info = JSON.parse(body);
        const ageSeconds = Math.round((Date.now() - Date.parse(info.createdAt)) / 1000);
        const run = [
            info.run?.workflow && `workflow '${info.run.workflow}'`,
            info.run?.id && `run ${info.run.id}`,
            info.run?.actor && `by ${info.run.actor}`
        ]
            .filter(Boolean)
            .join(' ');
        return { id: info.id, text: `lock ${info.id} held by ${run || 'an unknown run'} since ${info.createdAt} (${ageSeconds} s ago)` };
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
            core/* info */.pq(`force-unlock: no lock on ${storage.description}; nothing to remove.`);
        else if (holder?.id !== options.forceUnlock) {
            throw new LockError(`force-unlock '${options.forceUnlock}' does not match the ${holder?.text ?? 'lock'} on ${storage.description}; nothing was removed.`);
        }
        else {
            await storage.remove('lock');
            core/* warning */.$e(`Removed the stale ${holder.text} on ${storage.description}.`);
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
                if (!(error instanceof PreconditionFailed))
                    throw error;
            }
        }
        const current = held ?? (await storage.get('lock'));
        const holder = current ? describeHolder(current.body).text : 'a lock that vanished';
        if (Date.now() >= deadline) {
            throw new LockError(`The state ${storage.description} is locked: ${holder}. Wait for that run, raise 'lock-timeout', ` +
                `or if it crashed, re-run with 'force-unlock' set to the lock id.`);
        }
        core/* info */.pq(`Waiting for the state lock (${holder})…`);
        await sleep(Math.min(options.pollMs ?? 5000, Math.max(0, deadline - Date.now())));
    }
}
/** Removes the lock if it is still ours. */
async function releaseLock(storage, info) {
    const held = await storage.get('lock');
    if (held && describeHolder(held.body).id === info.id)
        await storage.remove('lock');
}

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
            throw new ConfigError(`These tools depend on each other in a cycle: ${[...remaining.keys()].join(', ')}. Remove one dependsOn or reference.`);
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
            throw new ConfigError(`${where}: \${{ ${tool}.outputs.${key} }} cannot be resolved: ${entry ? `${tool} has no output '${key}' (it has: ${Object.keys(outputs ?? {}).join(', ') || 'none'})` : `${tool} has not run yet`}.`);
        }
        return outputs[key];
    };
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
        const dependencyFingerprints = tool.dependencies.map((dep) => fingerprints.get(dep)).filter((f) => f !== undefined);
        const fingerprint = plugin.fingerprint ? await plugin.fingerprint(tool, context, dependencyFingerprints) : undefined;
        if (fingerprint)
            fingerprints.set(tool.ref, fingerprint);
        const name = label(tool.name, tool.instanceID);
        const entry = state.resources.get(tool.key);
        const change = (action, reason, message) => {
            core/* info */.pq(message);
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
            wanted = resolveReferences(tool.stateOptions, outputLookup(state.resources, tool.file));
        }
        catch {
            wanted = undefined; // a reference the state cannot answer: treat as changed
        }
        if (!sameValue(wanted, entry.options) || !sameValue([...tool.dependencies].sort(), [...entry.dependsOn].sort())) {
            change('Update', 'options changed', `Tool (${name}) config drifted from the state, will be updated.`);
            continue;
        }
        const recorded = entry.resourceStatus.outputs.codeHash;
        if (fingerprint !== undefined && fingerprint !== recorded) {
            change('Update', `code hash changed (${String(recorded).slice(0, 12)}… → ${fingerprint.slice(0, 12)}…)`, `Tool (${name}) code hash changed from ${String(recorded)} to ${fingerprint}, will be updated.`);
            continue;
        }
        const live = await plugin.read(entry, context);
        if (!live.exists) {
            change('Update', `resource gone: ${live.detail ?? 'missing'}`, `Tool (${name}) resource drifted (${live.detail ?? 'missing'}), will be updated.`);
            continue;
        }
        core/* info */.pq(`Tool (${name}) is up to date.`);
    }
    const wantedKeys = new Set(tools.map((tool) => tool.key));
    const orphans = [...state.resources.entries()].filter(([key]) => !wantedKeys.has(key)).map(([key, entry]) => ({ key, entry }));
    const deleteOrder = topologicalBatches(orphans, (orphan) => `${orphan.entry.name}.${orphan.entry.instanceID}`, (orphan) => orphan.entry.dependsOn)
        .flat()
        .reverse();
    for (const { key, entry } of deleteOrder) {
        if (!plugins.has(entry.name))
            throw new ConfigError(`The state holds ${key} of plugin '${entry.name}', which this action does not know; cannot delete it.`);
        const name = label(entry.name, entry.instanceID);
        core/* info */.pq(`Tool (${name}) in the state but not in config, will be deleted.`);
        changes.push({ key, label: name, action: 'Delete', reason: 'not in the config', entry });
    }
    return { changes, fingerprints };
}

// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(1421);
// EXTERNAL MODULE: ./src/sets/object-sets.ts + 4 modules
var object_sets = __webpack_require__(332);
// EXTERNAL MODULE: ./src/hashing/code-hash.ts + 1 modules
var code_hash = __webpack_require__(9361);
// EXTERNAL MODULE: ./src/sets/layout.ts
var layout = __webpack_require__(3267);
// EXTERNAL MODULE: ./src/sets/manifest.ts
var sets_manifest = __webpack_require__(9640);
;// CONCATENATED MODULE: ./src/apply/plugins/assets.ts










function readOptions(tool) {
    const { paths, run, directory, prefix } = tool.options;
    const list = typeof paths === 'string' ? (0,code_hash/* parsePatterns */.Z7)(paths) : Array.isArray(paths) ? paths.map(String) : [];
    if (list.length === 0)
        throw new ConfigError(`Tool ${tool.ref}: 'options.paths' must list the code-hash patterns of what it builds from.`);
    if (typeof directory !== 'string' || !directory)
        throw new ConfigError(`Tool ${tool.ref}: 'options.directory' must name the directory its build writes.`);
    if (run !== undefined && typeof run !== 'string')
        throw new ConfigError(`Tool ${tool.ref}: 'options.run' must be a shell command.`);
    if (prefix !== undefined && typeof prefix !== 'string')
        throw new ConfigError(`Tool ${tool.ref}: 'options.prefix' must be a string.`);
    return { paths: list, run, directory, prefix };
}
/** Each instance lives under `<store prefix><instanceID>/` unless options.prefix says otherwise. */
function instancePrefix(instanceID, options, context) {
    return typeof options.prefix === 'string' ? (0,inputs/* normalizePrefix */.iG)(options.prefix) : `${context.storePrefix}${instanceID}/`;
}
/** Runs the build through the shell at the repository root, its output streamed inside a log group. */
async function runBuild(ref, command, cwd) {
    core/* startGroup */.Oh(`Build ${ref}: ${command}`);
    try {
        const code = await new Promise((resolve, reject) => {
            const child = (0,external_node_child_process_.spawn)(command, { cwd, shell: true, stdio: ['ignore', 'inherit', 'inherit'] });
            child.once('error', reject);
            child.once('close', resolve);
        });
        if (code !== 0)
            throw new Error(`the build command '${command}' exited with code ${code}`);
    }
    finally {
        core/* endGroup */.N4();
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
    async fingerprint(tool, context, dependencies) {
        const options = readOptions(tool);
        // The build's own output is never one of its inputs, even when a broad pattern such as web/** covers it.
        const output = external_node_path_default().posix.normalize(options.directory.replace(/\\/g, '/')).replace(/^\.\/|\/$/g, '');
        const inside = output !== '.' && output !== '' && !output.startsWith('../') && !external_node_path_default().isAbsolute(output);
        const own = (await (0,code_hash.computeCodeHash)(context.repoPath, inside ? [...options.paths, `!${output}/**`] : options.paths)).hash;
        if (dependencies.length === 0)
            return own; // the same code hash check/upload compute for these paths
        return (0,external_node_crypto_.createHash)('sha256')
            .update([own, ...[...dependencies].sort()].join('\n'))
            .digest('hex');
    },
    async read(entry, context) {
        const commit = entry.resourceStatus.outputs.commitHash;
        if (typeof commit !== 'string')
            return { exists: false, detail: 'the state records no commit' };
        const setPrefix = (0,layout/* commitPrefix */.q8)(instancePrefix(entry.instanceID, entry.options, context), commit);
        const manifest = await (0,object_sets/* readManifest */.WI)(context.store, setPrefix, context.policy, { commit });
        return manifest ? { exists: true } : { exists: false, detail: `no manifest at ${context.store.url(setPrefix)}` };
    },
    async apply(tool, context, fingerprint) {
        const options = readOptions(tool);
        const prefix = instancePrefix(tool.instanceID, options, context);
        const codeHash = fingerprint ?? (await this.fingerprint(tool, context, []));
        const location = context.store.url((0,layout/* commitPrefix */.q8)(prefix, context.commit));
        const found = await (0,object_sets/* findOrPromote */.pO)(context.store, {
            prefix,
            commit: context.commit,
            codeHash: async () => codeHash,
            concurrency: context.concurrency
        }, context.policy);
        if (found.found) {
            core/* info */.pq(`${tool.ref}: assets found (${found.source === 'commit' ? 'for this commit' : `in the cache under ${codeHash}`}); no build.`);
            const files = found.manifest?.files ?? [];
            return {
                built: false,
                outputs: { commitHash: context.commit, codeHash, location, source: found.source, files: files.length, bytes: (0,sets_manifest/* totalBytes */.ob)(files) }
            };
        }
        if (!options.run) {
            throw new Error(`no assets are stored for code hash ${codeHash} and the tool has no 'options.run' to build them`);
        }
        await runBuild(tool.ref, options.run, context.repoPath);
        const manifest = await (0,object_sets/* publish */.mk)(context.store, {
            prefix,
            commit: context.commit,
            codeHash,
            directory: external_node_path_default().resolve(context.repoPath, options.directory),
            concurrency: context.concurrency
        }, context.policy);
        return {
            built: true,
            outputs: {
                commitHash: context.commit,
                codeHash,
                location,
                source: 'build',
                files: manifest.files.length,
                bytes: (0,sets_manifest/* totalBytes */.ob)(manifest.files)
            }
        };
    },
    // Assets are immutable history: deleting the tool only drops it from the state.
    async delete() { }
};

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
/** `object`: a small file published to the store, e.g. releases/latest.json pointing at other tools' outputs. */
const objectPlugin = {
    name: 'object',
    validate(tool) {
        const { key, content } = tool.options;
        if (typeof key !== 'string' || !key || key.startsWith('/') || key.split('/').includes('..')) {
            throw new ConfigError(`Tool ${tool.ref}: 'options.key' must be a relative key such as releases/latest.json.`);
        }
        if (content === undefined || content === null)
            throw new ConfigError(`Tool ${tool.ref}: 'options.content' is required (a string, or a map written as JSON).`);
    },
    async read(entry, context) {
        const key = keyOf(entry.options, context);
        const text = await context.store.readText(key);
        return text === undefined ? { exists: false, detail: `${context.store.url(key)} is missing` } : { exists: true };
    },
    async apply(tool, context) {
        const key = keyOf(tool.options, context);
        const { body, contentType } = contentOf(tool.options);
        await context.store.put(key, body, { size: body.length, contentType });
        return {
            built: false,
            outputs: { key, location: context.store.url(key), bytes: body.length, sha256: (0,external_node_crypto_.createHash)('sha256').update(body).digest('hex') }
        };
    },
    async delete(entry, context) {
        await context.store.delete(keyOf(entry.options, context));
    }
};

;// CONCATENATED MODULE: ./src/apply/plugins/index.ts


/** The built-in plugins, by name. */
const PLUGINS = new Map([assetsPlugin, objectPlugin].map((plugin) => [plugin.name, plugin]));

// EXTERNAL MODULE: ./src/sets/signing.ts
var sets_signing = __webpack_require__(3330);
;// CONCATENATED MODULE: ./src/apply/state.ts




const STATE_SCHEMA_VERSION = 1;
function stateKey(name, instanceID) {
    return `${name}_${instanceID}`;
}
const dump = (document) => js_yaml/* default.dump */.Ay.dump(document, { noRefs: true, sortKeys: false, lineWidth: -1 });
/** The state as YAML; with a signing key, a top-level `signature` over the rest (as the file reads back). */
function serializeState(state, signing = sets_signing/* NO_KEYS */.vu) {
    const document = { schemaVersion: STATE_SCHEMA_VERSION, serial: state.serial };
    for (const [key, entry] of [...state.resources].sort(([a], [b]) => (a < b ? -1 : 1)))
        document[key] = entry;
    if (signing.keys.length === 0)
        return dump(document);
    // Signed over what a reader parses, so YAML's own typing of values cannot make a valid file fail to verify.
    const signature = (0,sets_signing/* signatureFor */.O4)(js_yaml/* default.load */.Ay.load(dump(document)), signing);
    return dump({ signature, ...document });
}
/** Why a state document does not verify under `signing`, or undefined when it does (or no key is set). */
function stateTrustProblem(text, signing) {
    if (signing.keys.length === 0)
        return undefined;
    const document = js_yaml/* default.load */.Ay.load(text);
    if (document === null || document === undefined)
        return undefined; // an empty state holds nothing to forge
    if (typeof document !== 'object' || Array.isArray(document))
        return 'not a YAML map';
    return (0,sets_signing/* verifyDocument */.kR)(document, signing);
}
/**
 * One entry, as this action or dtm wrote it: dtm v0.6 wrote lowercase keys (`instanceid`, `dependson`,
 * `resource`), later versions `resourceStatus`, and dtm copies `instanceID` into `options`, which we drop
 * so that an unchanged tool plans no Update.
 */
function parseEntry(value, key, where) {
    const entry = (value ?? {});
    const name = entry.name;
    const instanceID = entry.instanceID ?? entry.instanceid;
    if (typeof entry !== 'object' || typeof name !== 'string' || typeof instanceID !== 'string') {
        throw new StateError(`The state ${where} has an entry '${key}' without name and instanceID.`);
    }
    const dependsOn = entry.dependsOn ?? entry.dependson;
    const options = { ...(entry.options ?? {}) };
    if (options.instanceID === instanceID)
        delete options.instanceID;
    const status = (entry.resourceStatus ?? entry.resource);
    return {
        name,
        instanceID,
        dependsOn: Array.isArray(dependsOn) ? dependsOn.map(String) : [],
        options,
        resourceStatus: { outputs: status?.outputs ?? {} }
    };
}
/** Parses a state file; anything that is not a state we can read is an error, never "empty". */
function state_parseState(text, where) {
    let document;
    try {
        document = js_yaml/* default.load */.Ay.load(text);
    }
    catch (error) {
        throw new StateError(`The state ${where} is not valid YAML (${error.message}); fix or restore it — it is not treated as empty.`);
    }
    // dtm leaves an empty file after deleting everything: that is an empty state, not a broken one.
    if (document === null || document === undefined)
        return { serial: 0, resources: new Map() };
    if (typeof document !== 'object' || Array.isArray(document))
        throw new StateError(`The state ${where} is not a YAML map.`);
    const record = document;
    const version = record.schemaVersion ?? STATE_SCHEMA_VERSION;
    if (version !== STATE_SCHEMA_VERSION) {
        throw new StateError(`The state ${where} has schemaVersion ${JSON.stringify(version)}; this action reads version ${STATE_SCHEMA_VERSION}.`);
    }
    const resources = new Map();
    for (const [key, value] of Object.entries(record)) {
        if (key === 'schemaVersion' || key === 'serial' || key === sets_signing/* SIGNATURE_FIELD */.kA)
            continue;
        resources.set(key, parseEntry(value, key, where));
    }
    return { serial: typeof record.serial === 'number' ? record.serial : 0, resources };
}
/**
 * Reads and writes the state through its storage with compare-and-swap: every write names the version it
 * read, and the result is read back, so a concurrent writer is detected even on servers that ignore
 * conditional headers.
 */
class StateFile {
    storage;
    signing;
    resign;
    version;
    current = { serial: 0, resources: new Map() };
    /** Set when the loaded state did not verify and `resign` accepted it: the next save signs it. */
    untrustedLoaded;
    constructor(storage, signing = sets_signing/* NO_KEYS */.vu, resign = false) {
        this.storage = storage;
        this.signing = signing;
        this.resign = resign;
    }
    get state() {
        return this.current;
    }
    async load() {
        const stored = await this.storage.get('state');
        this.version = stored?.version;
        this.current = stored ? state_parseState(stored.body, this.storage.description) : { serial: 0, resources: new Map() };
        const problem = stored ? stateTrustProblem(stored.body, this.signing) : undefined;
        if (problem && !this.resign) {
            throw new StateError(`The state ${this.storage.description} is ${problem} (signing-key is set), so it is not used: someone other than this ` +
                `workflow may have written it. Check its content (or restore a good copy); to accept it as it is and sign it with the ` +
                `current key, run apply once with 'resign-state: true'.`);
        }
        this.untrustedLoaded = problem;
        return this.current;
    }
    /** Saves `resources` as the next serial. */
    async save(resources) {
        const next = { serial: this.current.serial + 1, resources };
        const body = serializeState(next, this.signing);
        const conflict = () => new StateError(`The state ${this.storage.description} was changed by someone else while this run held the lock; nothing more was written. Re-run apply.`);
        try {
            this.version = await this.storage.put('state', body, this.version === undefined ? { ifNoneMatch: true } : { ifMatch: this.version });
        }
        catch (error) {
            if (error instanceof PreconditionFailed)
                throw conflict();
            throw error;
        }
        const readBack = await this.storage.get('state');
        if (readBack?.body !== body)
            throw conflict();
        this.version = readBack.version;
        this.current = next;
    }
}

// EXTERNAL MODULE: ./src/git.ts
var git = __webpack_require__(1243);
// EXTERNAL MODULE: ./src/report/markdown.ts
var markdown = __webpack_require__(4285);
// EXTERNAL MODULE: ./src/modes/apply-outcome.ts
var apply_outcome = __webpack_require__(2685);
// EXTERNAL MODULE: ./src/stores/index.ts
var stores = __webpack_require__(2826);
;// CONCATENATED MODULE: ./src/modes/apply.ts















/** The store plugins use: the action's, unless the config's `config.store` names another. */
function storeSettingsFor(settings, overrides, baseDir) {
    if (!overrides)
        return settings.store;
    const prefix = overrides.prefix !== undefined ? (0,inputs/* normalizePrefix */.iG)(overrides.prefix) : settings.store.prefix;
    const backend = overrides.backend ?? (overrides.bucket ? 's3' : settings.store.kind);
    if (backend === 'local')
        return { kind: 'local', prefix, root: external_node_path_default().resolve(baseDir, overrides.localDir ?? '.asset-store') };
    if (backend !== 's3')
        throw new ConfigError(`config.store.backend is '${backend}'; allowed: s3, local.`);
    const bucket = overrides.bucket ?? (settings.store.kind === 's3' ? settings.store.bucket : undefined);
    if (!bucket)
        throw new ConfigError(`config.store uses the s3 backend but names no bucket (and the action's 'bucket' input is empty).`);
    return (0,inputs/* deriveS3Settings */.LX)(settings.store, { bucket, prefix, region: overrides.region, endpoint: overrides.endpoint });
}
function warnAboutEphemeralState(config) {
    if (config.state.kind === 'local' && process.env.RUNNER_ENVIRONMENT === 'github-hosted') {
        core/* warning */.$e(`The state is a local file (${config.state.file}) on a GitHub-hosted runner: it is lost when the job ends, so every run starts from an empty state. Use the s3 state backend.`);
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
    core/* info */.pq(`-------------------- [  ${text}  ] --------------------`);
}
/** apply: read the config, plan against the state and the store, then carry the plan out, saving the state after each change. */
async function apply(settings) {
    const started = Date.now();
    const config = await loadConfig(settings.apply.config, [...PLUGINS.keys()]);
    warnAboutEphemeralState(config);
    for (const notice of config.notices)
        core/* info */.pq(notice);
    for (const warning of config.warnings)
        core/* warning */.$e(warning);
    const storeSettings = storeSettingsFor(settings, config.store, config.baseDir);
    const storage = stateStorageFor(config.state, settings.store);
    const store = await (0,stores/* createStore */.y)(storeSettings, settings.concurrency);
    try {
        core/* info */.pq(`Using ${config.state.kind} backend for the state: ${storage.description}.`);
        const commit = await (0,git/* resolveCommit */.W)({ override: settings.commit, repoPath: settings.repoPath, githubSha: process.env.GITHUB_SHA });
        const context = {
            store,
            storePrefix: storeSettings.prefix,
            repoPath: settings.repoPath,
            commit,
            concurrency: settings.concurrency,
            policy: settings.policy
        };
        const stateFile = new StateFile(storage, settings.policy.signing, settings.apply.resignState);
        const lock = settings.apply.planOnly
            ? undefined
            : await acquireLock(storage, { timeoutSeconds: settings.apply.lockTimeout, forceUnlock: settings.apply.forceUnlock });
        try {
            const state = await stateFile.load();
            if (stateFile.untrustedLoaded && !settings.apply.planOnly) {
                core/* warning */.$e(`resign-state: the state ${storage.description} was ${stateFile.untrustedLoaded}; accepting it as it is and signing it now.`);
                await stateFile.save(state.resources);
            }
            const plan = await computePlan(config.tools, state, PLUGINS, context);
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
                    throw new ConfigError(`${message} Nothing was changed.`);
                core/* warning */.$e(`${message} A run without plan-only will refuse it.`);
            }
            if (settings.apply.planOnly) {
                core/* info */.pq(`Changes count: ${plan.changes.length}.`);
                const builds = plan.changes.some((change) => change.tool?.name === 'assets');
                return outcome(!builds, `Plan only: ${(0,markdown/* plural */.LS)(plan.changes.length, 'change')}, nothing was done.`, state.resources);
            }
            if (plan.changes.length === 0) {
                core/* info */.pq('No changes: the state matches the config.');
                return outcome(true, 'No changes.', state.resources);
            }
            const run = await execute(plan, stateFile, context);
            if (run.failure) {
                const failed = outcome(false, run.failure.message, run.resources);
                throw new apply_outcome/* ApplyFailedError */._(run.failure.message, { ...failed, failure: run.failure.summary }, { cause: run.failure.cause });
            }
            return outcome(!run.built, `Applied ${(0,markdown/* plural */.LS)(plan.changes.length, 'change')}; the state is saved in ${storage.description}.`, run.resources);
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
    core/* info */.pq('Start executing the plan.');
    core/* info */.pq(`Changes count: ${plan.changes.length}.`);
    for (const [index, change] of plan.changes.entries()) {
        processingBanner(`Processing progress: ${index + 1}/${plan.changes.length}.`);
        core/* info */.pq(`Processing: (${change.label}) -> ${change.action} ...`);
        try {
            if (change.action === 'Delete') {
                const entry = change.entry;
                await PLUGINS.get(entry.name).delete(entry, context);
                resources.delete(change.key);
            }
            else {
                const tool = change.tool;
                const lookup = outputLookup(resources, tool.file);
                const options = resolveReferences(tool.options, lookup);
                const stateOptions = resolveReferences(tool.stateOptions, lookup);
                const plugin = PLUGINS.get(tool.name);
                const result = await plugin.apply({ ref: tool.ref, instanceID: tool.instanceID, options }, context, plan.fingerprints.get(tool.ref));
                built ||= result.built;
                resources.set(change.key, {
                    name: tool.name,
                    instanceID: tool.instanceID,
                    dependsOn: tool.dependencies,
                    options: stateOptions,
                    resourceStatus: { outputs: result.outputs }
                });
            }
            await stateFile.save(resources);
            core/* info */.pq(`Tool (${change.label}) ${change.action} done.`);
        }
        catch (error) {
            processingBanner('Processing aborted.');
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
                    summary: { key: change.key, applied: index, error: reason }
                }
            };
        }
    }
    processingBanner('Processing done.');
    return { resources, built };
}


/***/ }),

/***/ 9164:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   c: () => (/* binding */ isNotFound),
/* harmony export */   y: () => (/* binding */ describeS3Error)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);

const NETWORK_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'EPIPE']);
const PERMISSIONS = {
    GetObject: 's3:GetObject (and s3:ListBucket, without which S3 answers 403 instead of 404 for a missing object)',
    PutObject: 's3:PutObject',
    CopyObject: 's3:GetObject on the source and s3:PutObject on the target',
    ListObjectsV2: 's3:ListBucket',
    DeleteObject: 's3:DeleteObject (apply needs it for the state lock and the object plugin only)'
};
/** Only a missing key is a miss; a missing bucket (also a 404) is an error. */
function isNotFound(error) {
    const name = error?.name;
    return name === 'NoSuchKey' || name === 'NotFound';
}
function where(context) {
    return context.endpoint ? `at endpoint ${context.endpoint}` : `in AWS region ${context.region}`;
}
function bucketRegion(error) {
    const fromHeader = error.$response?.headers?.['x-amz-bucket-region'];
    if (fromHeader)
        return fromHeader;
    if (error.Region)
        return error.Region;
    return /expecting '([a-z0-9-]+)'/.exec(error.message ?? '')?.[1];
}
function isTlsCode(code) {
    return code.startsWith('ERR_TLS') || code.includes('CERT') || code === 'UNABLE_TO_VERIFY_LEAF_SIGNATURE' || code.startsWith('ERR_SSL');
}
/** Turns an SDK failure into a StoreError saying what was wrong and what to check. */
function describeS3Error(raw, context) {
    const error = (raw ?? {});
    const name = error.name ?? '';
    // Under some runtimes (jest's VM realms) the SDK wraps socket errors and only the message keeps the code.
    const code = error.code ?? error.Code ?? /\b(E[A-Z]{4,}|ERR_TLS_[A-Z_]+|CERT_[A-Z_]+)\b/.exec(error.message ?? '')?.[1] ?? '';
    const status = error.$metadata?.httpStatusCode;
    const target = `s3://${context.bucket}/${context.key}`;
    const detail = error.message ? ` (${name || code}: ${error.message})` : '';
    const make = (message) => new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .StoreError */ .AD(message, { cause: raw });
    if (name === 'NoSuchBucket') {
        return make(`Bucket '${context.bucket}' does not exist ${where(context)}. Check the 'bucket' input (PACKAGE_ASSETS_BUCKET)` +
            `${context.endpoint ? " and 'endpoint'" : " and 'region'"}; this action never creates buckets.`);
    }
    if (name === 'PermanentRedirect' ||
        name === 'AuthorizationHeaderMalformed' ||
        name === 'IllegalLocationConstraintException' ||
        status === 301) {
        const actual = bucketRegion(error);
        return make(`Bucket '${context.bucket}' is not in region '${context.region}'` +
            (actual
                ? `: it is in '${actual}'. Set the 'region' input (or AWS_REGION) to '${actual}'.`
                : `. Set the 'region' input (or AWS_REGION) to the bucket's region.`));
    }
    if (name === 'InvalidAccessKeyId' || name === 'SignatureDoesNotMatch' || name === 'ExpiredToken' || name === 'InvalidToken') {
        return make(`The store ${where(context)} rejected the credentials for ${context.operation} on ${target}${detail}. ` +
            `Check 'access-key-id', 'secret-access-key' and 'session-token' (or the profile / environment they come from).`);
    }
    if (name === 'AccessDenied' || name === 'Forbidden' || status === 403) {
        const permission = PERMISSIONS[context.operation] ?? `the permission for ${context.operation}`;
        return make(`Access denied: ${context.operation} on ${target} ${where(context)}. The credentials need ${permission} ` +
            `on arn:aws:s3:::${context.bucket}${context.operation === 'ListObjectsV2' ? '' : '/*'}; see "IAM policy" in the README.`);
    }
    if (name === 'CredentialsProviderError' || /could not load credentials/i.test(error.message ?? '')) {
        return make(`No credentials for bucket '${context.bucket}' were found: set 'access-key-id' and 'secret-access-key', a 'profile', ` +
            `or run aws-actions/configure-aws-credentials before this step (see "Credentials" in the README).`);
    }
    if (isTlsCode(code) || /certificate|\bSSL\b|\bTLS\b/i.test(error.message ?? '')) {
        return make(`TLS with ${context.endpoint ?? `the S3 endpoint of region ${context.region}`} failed for ${context.operation} on ${target}: ${code || error.message}. ` +
            `The server's certificate is not trusted here: for a private CA set NODE_EXTRA_CA_CERTS to its PEM file, or check the 'endpoint' host name.`);
    }
    if (NETWORK_CODES.has(code) || name === 'TimeoutError') {
        const host = context.endpoint ?? `the S3 endpoint of region ${context.region}`;
        return make(`Could not reach ${host} for ${context.operation} on ${target}: ${code || name}${error.message ? ` (${error.message})` : ''}. ` +
            `Check the 'endpoint' input, that the server is running, and the network/TLS setup.`);
    }
    if (name === 'SlowDown' || name === 'ThrottlingException' || status === 503) {
        return make(`The store kept throttling ${context.operation} on ${target} after retries${detail}. Try again later or lower 'concurrency'.`);
    }
    return make(`${context.operation} on ${target} ${where(context)} failed${detail || ` with HTTP ${status ?? 'error'}`}.`);
}


/***/ }),

/***/ 9714:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   S3Store: () => (/* binding */ S3Store),
/* harmony export */   vG: () => (/* binding */ checkCredentials),
/* harmony export */   yO: () => (/* binding */ clientConfig)
/* harmony export */ });
/* unused harmony exports MAX_SINGLE_COPY, copyRanges, fullObjectSha256, copySource */
/* harmony import */ var _aws_sdk_client_s3__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3711);
/* harmony import */ var _aws_sdk_lib_storage__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2358);
/* harmony import */ var _s3_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9164);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3916);




/** Objects above this are copied part by part: CopyObject's limit is 5 GiB. */
const MAX_SINGLE_COPY = 5 * 1024 ** 3;
const COPY_PART_SIZE = 512 * 1024 ** 2;
const UPLOAD_PART_SIZE = 8 * 1024 ** 2;
const UPLOAD_QUEUE = 4;
/** Reads of a small object's body before giving up (each after a fresh request). */
const BODY_ATTEMPTS = 3;
/** The byte ranges of a multipart copy, as UploadPartCopy's CopySourceRange takes them. */
function copyRanges(size, partSize = COPY_PART_SIZE) {
    const ranges = [];
    for (let start = 0, partNumber = 1; start < size; start += partSize, partNumber++) {
        ranges.push({ partNumber, range: `bytes=${start}-${Math.min(start + partSize, size) - 1}` });
    }
    return ranges;
}
/** A base64 SHA-256 as S3 reports it, in hex; undefined when absent or a multipart composite (`…-N`). */
function fullObjectSha256(reported) {
    if (!reported || reported.includes('-'))
        return undefined;
    const bytes = Buffer.from(reported, 'base64');
    return bytes.length === 32 ? bytes.toString('hex') : undefined;
}
/** CopySource is `bucket/key`, URL-encoded per segment. */
function copySource(bucket, key) {
    return `${bucket}/${key.split('/').map(encodeURIComponent).join('/')}`;
}
/**
 * Digests of bodies we hashed already, keyed by the body itself (the SDK copies command inputs). A build-step middleware
 * hands them to SigV4 as x-amz-content-sha256, which it then uses instead of hashing the body again.
 */
const knownDigests = new WeakMap();
function addKnownDigestMiddleware(client) {
    client.middlewareStack.add((next) => async (args) => {
        const body = args.input.Body;
        const digest = typeof body === 'object' && body !== null ? knownDigests.get(body) : undefined;
        const request = args.request;
        if (digest && request.headers)
            request.headers['x-amz-content-sha256'] = digest;
        return next(args);
    }, { step: 'build', name: 'knownPayloadDigest' });
}
function clientConfig(settings, concurrency) {
    // Non-AWS endpoints (GCS, MinIO, R2, s3rver) reject or mangle the SDK's default flexible checksums
    // (CRC32 headers, aws-chunked bodies with trailers): send them only when an operation requires one.
    const checksums = settings.flavor === 'aws' ? 'WHEN_SUPPORTED' : 'WHEN_REQUIRED';
    return {
        region: settings.region,
        endpoint: settings.endpoint,
        forcePathStyle: settings.forcePathStyle,
        credentials: settings.credentials,
        profile: settings.profile,
        requestChecksumCalculation: checksums,
        responseChecksumValidation: checksums,
        maxAttempts: 5,
        // Resolve the middleware stack once per command class instead of on every one of thousands of requests.
        cacheMiddleware: true,
        requestHandler: {
            connectionTimeout: settings.connectTimeoutMs,
            requestTimeout: settings.requestTimeoutMs,
            httpAgent: { keepAlive: true, maxSockets: concurrency * UPLOAD_QUEUE },
            httpsAgent: { keepAlive: true, maxSockets: concurrency * UPLOAD_QUEUE }
        }
    };
}
/**
 * Resolves credentials before the first request, so "none found" is said as such (and early) rather than
 * as a failed request. Order: explicit keys, then `profile`, then the SDK's default chain (environment,
 * web identity / OIDC as configure-aws-credentials sets it up, shared files, container and instance roles).
 */
async function checkCredentials(client, settings) {
    try {
        await client.config.credentials();
    }
    catch (error) {
        const source = settings.profile ? `the profile '${settings.profile}'` : 'the AWS default credential chain';
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .StoreError */ .AD(`No credentials for ${settings.endpoint ?? 'AWS'} were found in ${source} (${error.message}). ` +
            `Set 'access-key-id' and 'secret-access-key', a 'profile', or run aws-actions/configure-aws-credentials before this step; see "Credentials" in the README.`, { cause: error });
    }
}
class S3Store {
    settings;
    name;
    client;
    bucket;
    constructor(settings, concurrency) {
        this.settings = settings;
        this.bucket = settings.bucket;
        this.name = settings.endpoint ? `s3://${settings.bucket} at ${settings.endpoint}` : `s3://${settings.bucket}`;
        this.client = new _aws_sdk_client_s3__WEBPACK_IMPORTED_MODULE_3__.S3Client(clientConfig(settings, concurrency));
        addKnownDigestMiddleware(this.client);
    }
    url(key) {
        return `${this.settings.flavor === 'gcs' ? 'gs' : 's3'}://${this.bucket}/${key}`;
    }
    checkCredentials() {
        return checkCredentials(this.client, this.settings);
    }
    fail(operation, key, error) {
        throw (0,_s3_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .describeS3Error */ .y)(error, { operation, bucket: this.bucket, key, endpoint: this.settings.endpoint, region: this.settings.region });
    }
    async readText(key) {
        // The SDK retries a request until its headers arrive; a body cut short after that (a reset, a proxy
        // timeout) is retried here, so a manifest read never fails on one dropped connection.
        for (let attempt = 1;; attempt++) {
            let response;
            try {
                response = await this.client.send(new _aws_sdk_client_s3__WEBPACK_IMPORTED_MODULE_3__.GetObjectCommand({ Bucket: this.bucket, Key: key }));
            }
            catch (error) {
                if ((0,_s3_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .isNotFound */ .c)(error))
                    return undefined;
                this.fail('GetObject', key, error);
            }
            try {
                return (await response.Body?.transformToString('utf-8')) ?? '';
            }
            catch (error) {
                if (attempt >= BODY_ATTEMPTS)
                    this.fail('GetObject', key, error);
            }
        }
    }
    async get(key) {
        try {
            const response = await this.client.send(new _aws_sdk_client_s3__WEBPACK_IMPORTED_MODULE_3__.GetObjectCommand({ Bucket: this.bucket, Key: key }));
            return response.Body;
        }
        catch (error) {
            if ((0,_s3_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .isNotFound */ .c)(error))
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .MissingObjectError */ .S3(`${this.url(key)} is missing from the store.`, { cause: error });
            this.fail('GetObject', key, error);
        }
    }
    async put(key, body, options) {
        try {
            if (Buffer.isBuffer(body)) {
                const input = {
                    Bucket: this.bucket,
                    Key: key,
                    Body: body,
                    ContentLength: options.size,
                    ContentType: options.contentType
                };
                if (options.sha256) {
                    knownDigests.set(body, options.sha256);
                    // AWS verifies this checksum on arrival; other S3-compatible servers may reject the header.
                    if (this.settings.flavor === 'aws')
                        input.ChecksumSHA256 = Buffer.from(options.sha256, 'hex').toString('base64');
                }
                await this.client.send(new _aws_sdk_client_s3__WEBPACK_IMPORTED_MODULE_3__.PutObjectCommand(input));
                return;
            }
            // Streams go part by part, so a large file never sits whole in memory.
            await new _aws_sdk_lib_storage__WEBPACK_IMPORTED_MODULE_0__/* .Upload */ ._({
                client: this.client,
                params: { Bucket: this.bucket, Key: key, Body: body, ContentType: options.contentType },
                partSize: UPLOAD_PART_SIZE,
                queueSize: UPLOAD_QUEUE,
                leavePartsOnError: false
            }).done();
        }
        catch (error) {
            this.fail('PutObject', key, error);
        }
    }
    async copy(sourceKey, targetKey, size) {
        try {
            if (size > MAX_SINGLE_COPY) {
                await this.copyInParts(sourceKey, targetKey, size);
                return {};
            }
            const aws = this.settings.flavor === 'aws';
            const response = await this.client.send(new _aws_sdk_client_s3__WEBPACK_IMPORTED_MODULE_3__.CopyObjectCommand({
                Bucket: this.bucket,
                Key: targetKey,
                CopySource: copySource(this.bucket, sourceKey),
                MetadataDirective: 'COPY',
                // AWS then computes the copy's SHA-256, so promotion can check it against the manifest.
                ...(aws ? { ChecksumAlgorithm: 'SHA256' } : {})
            }));
            return { sha256: fullObjectSha256(response.CopyObjectResult?.ChecksumSHA256) };
        }
        catch (error) {
            if ((0,_s3_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .isNotFound */ .c)(error)) {
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .MissingObjectError */ .S3(`Cannot copy ${this.url(sourceKey)}: the object is missing.`, { cause: error });
            }
            this.fail('CopyObject', targetKey, error);
        }
    }
    /** Multipart copy for objects over 5 GiB: ranges of COPY_PART_SIZE, aborted on failure. */
    async copyInParts(sourceKey, targetKey, size) {
        const created = await this.client.send(new _aws_sdk_client_s3__WEBPACK_IMPORTED_MODULE_3__.CreateMultipartUploadCommand({ Bucket: this.bucket, Key: targetKey }));
        const uploadId = created.UploadId;
        if (!uploadId)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .StoreError */ .AD(`CreateMultipartUpload for ${this.url(targetKey)} returned no upload id.`);
        try {
            const parts = [];
            for (const { partNumber, range } of copyRanges(size)) {
                const part = await this.client.send(new _aws_sdk_client_s3__WEBPACK_IMPORTED_MODULE_3__.UploadPartCopyCommand({
                    Bucket: this.bucket,
                    Key: targetKey,
                    UploadId: uploadId,
                    PartNumber: partNumber,
                    CopySource: copySource(this.bucket, sourceKey),
                    CopySourceRange: range
                }));
                parts.push({ ETag: part.CopyPartResult?.ETag, PartNumber: partNumber });
            }
            await this.client.send(new _aws_sdk_client_s3__WEBPACK_IMPORTED_MODULE_3__.CompleteMultipartUploadCommand({ Bucket: this.bucket, Key: targetKey, UploadId: uploadId, MultipartUpload: { Parts: parts } }));
        }
        catch (error) {
            await this.client
                .send(new _aws_sdk_client_s3__WEBPACK_IMPORTED_MODULE_3__.AbortMultipartUploadCommand({ Bucket: this.bucket, Key: targetKey, UploadId: uploadId }))
                .catch(() => undefined);
            throw error;
        }
    }
    async list(prefix) {
        const found = [];
        let token;
        try {
            do {
                const page = await this.client.send(new _aws_sdk_client_s3__WEBPACK_IMPORTED_MODULE_3__.ListObjectsV2Command({ Bucket: this.bucket, Prefix: prefix, ContinuationToken: token }));
                for (const object of page.Contents ?? []) {
                    if (object.Key)
                        found.push({ key: object.Key, size: object.Size ?? 0, lastModified: object.LastModified ?? new Date(0) });
                }
                token = page.IsTruncated ? page.NextContinuationToken : undefined;
            } while (token);
        }
        catch (error) {
            this.fail('ListObjectsV2', prefix, error);
        }
        return found;
    }
    async delete(key) {
        try {
            await this.client.send(new _aws_sdk_client_s3__WEBPACK_IMPORTED_MODULE_3__.DeleteObjectCommand({ Bucket: this.bucket, Key: key }));
        }
        catch (error) {
            this.fail('DeleteObject', key, error);
        }
    }
    close() {
        this.client.destroy();
    }
}


/***/ })

};

//# sourceMappingURL=3.index.js.map