"use strict";
exports.id = 994;
exports.ids = [994];
exports.modules = {

/***/ 34574:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Du: () => (/* binding */ keyDifference),
/* harmony export */   JM: () => (/* binding */ readInputsRecord),
/* harmony export */   Qr: () => (/* binding */ inertPath),
/* harmony export */   TL: () => (/* binding */ parseInputs),
/* harmony export */   Z_: () => (/* binding */ inputsRecord),
/* harmony export */   envIngredients: () => (/* binding */ envIngredients),
/* harmony export */   hF: () => (/* binding */ describeDifference),
/* harmony export */   readKeyInputsFile: () => (/* binding */ readKeyInputsFile),
/* harmony export */   serializeInputs: () => (/* binding */ serializeInputs),
/* harmony export */   setKey: () => (/* binding */ setKey)
/* harmony export */ });
/* unused harmony exports SET_KEY_TAG, keyLines, RECORD_FILES_LIMIT, LISTED_FILES, fileChanges */
/* harmony import */ var _util_capped_read_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(48724);
/* harmony import */ var _util_digest_stream_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(89587);
/* harmony import */ var _util_node_builtins_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(53115);



/**
 * The key of a code-hash set: what the build depends on. Files alone give exactly the code hash (version
 * 2), so sets stored before the key learned more keep hitting. With anything else \u2014 environment values
 * (`code-hash-env`), a free text (`code-hash-key`), apply's `run` and its dependencies \u2014 the key is
 *
 *   SHA-256 hex of `set-key-v1\n` followed by one line per ingredient, each ended by `\n`, sorted by bytes:
 *     files <code hash v2>
 *     env <NAME> <SHA-256 hex of the value, or "unset">
 *     key <SHA-256 hex of the code-hash-key text>
 *     run <SHA-256 hex of apply's run text>
 *     dependency <the key of a tool it depends on>
 *
 * A value never appears anywhere: only its digest enters the key and the record beside the set.
 */
const SET_KEY_TAG = 'set-key-v1\n';
/** `names`' values as key ingredients: each value's SHA-256, or 'unset' (distinct from an empty value). */
function envIngredients(names, env = process.env) {
    const digests = {};
    for (const name of [...names].sort()) {
        const value = env[name];
        digests[name] = value === undefined ? 'unset' : (0,_util_digest_stream_js__WEBPACK_IMPORTED_MODULE_1__.sha256Hex)(value);
    }
    return digests;
}
/** The lines a key is made of, sorted; just the files line when nothing else is given. */
function keyLines(inputs) {
    const lines = [`files ${inputs.filesHash}`];
    for (const [name, digest] of Object.entries(inputs.env))
        lines.push(`env ${name} ${digest}`);
    if (inputs.keyText)
        lines.push(`key ${inputs.keyText}`);
    if (inputs.run)
        lines.push(`run ${inputs.run}`);
    for (const dependency of inputs.dependencies ?? [])
        lines.push(`dependency ${dependency}`);
    return lines.sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
}
/** The set key (see the top of this file). */
function setKey(inputs) {
    const lines = keyLines(inputs);
    if (lines.length === 1)
        return inputs.filesHash;
    return (0,_util_digest_stream_js__WEBPACK_IMPORTED_MODULE_1__.sha256Hex)(SET_KEY_TAG + lines.map((line) => `${line}\n`).join(''));
}
/** The record of a key as plain JSON: `{ version, key, ... }`, files as `[path, id]` pairs. */
function inputsRecord(key, inputs) {
    const { files, ...rest } = inputs;
    return { version: 1, key, ...rest, files: files.map((file) => [file.path, file.id]) };
}
/** The record beside a set: inputsRecord as gzipped JSON. */
function serializeInputs(key, inputs) {
    return (0,_util_node_builtins_js__WEBPACK_IMPORTED_MODULE_2__/* .nodeZlib */ .eq)().gzipSync(JSON.stringify(inputsRecord(key, inputs)));
}
/**
 * Records are read from stores and runner files others can write, so inflating one is bounded: never more
 * than INFLATED_LIMIT, and never more than INFLATION_RATIO times its compressed size (a genuine record, paths
 * and hex ids, compresses about 2\u20134\u00d7; a gzip bomb, hundreds of times). Its files list is capped too.
 */
const INFLATED_LIMIT = 64 * 1024 * 1024;
const INFLATION_RATIO = 16;
const MIN_INFLATED_LIMIT = 1024 * 1024;
const RECORD_FILES_LIMIT = 1_000_000;
/** Reads an inputsRecord back; undefined when it is not one (it only ever explains, so nothing fails on it). */
function readInputsRecord(data) {
    if (data === null || typeof data !== 'object' || Array.isArray(data))
        return undefined;
    const record = data;
    if (record.version !== 1 || typeof record.key !== 'string' || typeof record.filesHash !== 'string' || !Array.isArray(record.files)) {
        return undefined;
    }
    if (record.files.length > RECORD_FILES_LIMIT)
        return undefined;
    const files = record.files.flatMap((pair) => Array.isArray(pair) && typeof pair[0] === 'string' && typeof pair[1] === 'string' ? [{ path: pair[0], id: pair[1] }] : []);
    const strings = (value) => value !== null && typeof value === 'object' && !Array.isArray(value)
        ? Object.fromEntries(Object.entries(value).filter((entry) => typeof entry[1] === 'string'))
        : {};
    return {
        key: record.key,
        inputs: {
            filesHash: record.filesHash,
            files,
            env: strings(record.env),
            ...(typeof record.keyText === 'string' ? { keyText: record.keyText } : {}),
            ...(typeof record.run === 'string' ? { run: record.run } : {}),
            ...(Array.isArray(record.dependencies) ? { dependencies: record.dependencies.map(String) } : {}),
            platform: typeof record.platform === 'string' ? record.platform : 'unknown'
        }
    };
}
/**
 * Parses a stored (gzipped) record; undefined when it is not one. With `sha256`, the bytes must have that
 * digest (what a manifest or the runner's state binds them to), checked before anything is inflated.
 */
function parseInputs(bytes, sha256) {
    if (sha256 !== undefined && (0,_util_digest_stream_js__WEBPACK_IMPORTED_MODULE_1__.sha256Hex)(bytes) !== sha256)
        return undefined;
    const maxOutputLength = Math.min(INFLATED_LIMIT, Math.max(MIN_INFLATED_LIMIT, bytes.length * INFLATION_RATIO));
    try {
        return readInputsRecord(JSON.parse((0,_util_node_builtins_js__WEBPACK_IMPORTED_MODULE_2__/* .nodeZlib */ .eq)().gunzipSync(bytes, { maxOutputLength }).toString('utf8')));
    }
    catch {
        return undefined;
    }
}
/** A record auto's main step left in RUNNER_TEMP, read (bounded) only if it still has the SHA-256 the runner's state holds. */
async function readKeyInputsFile(file, sha256) {
    const bytes = await (0,_util_capped_read_js__WEBPACK_IMPORTED_MODULE_0__/* .readRunnerFile */ .Lh)(file, INFLATED_LIMIT / INFLATION_RATIO);
    return bytes ? parseInputs(bytes, sha256) : undefined;
}
/** Files named in a difference, at most this many of each kind (the rest are counted). */
const LISTED_FILES = 20;
/** How the files of `now` differ from `before`: changed content, added, removed. */
function fileChanges(before, now) {
    const earlier = new Map(before.map((file) => [file.path, file.id]));
    const changed = [];
    const added = [];
    for (const file of now) {
        const id = earlier.get(file.path);
        if (id === undefined)
            added.push(file.path);
        else if (id !== file.id)
            changed.push(file.path);
        earlier.delete(file.path);
    }
    const removed = [...earlier.keys()];
    return {
        changed: changed.slice(0, LISTED_FILES),
        added: added.slice(0, LISTED_FILES),
        removed: removed.slice(0, LISTED_FILES),
        counts: { changed: changed.length, added: added.length, removed: removed.length }
    };
}
function keyDifference(before, now) {
    const names = [...new Set([...Object.keys(before.env), ...Object.keys(now.env)])].sort();
    const had = (env, name) => Object.hasOwn(env, name);
    return {
        files: before.filesHash === now.filesHash ? fileChanges([], []) : fileChanges(before.files, now.files),
        env: {
            changed: names.filter((name) => had(before.env, name) && had(now.env, name) && before.env[name] !== now.env[name]),
            added: names.filter((name) => !had(before.env, name)),
            removed: names.filter((name) => !had(now.env, name))
        },
        keyText: (before.keyText ?? '') !== (now.keyText ?? ''),
        run: (before.run ?? '') !== (now.run ?? ''),
        dependencies: (before.dependencies ?? []).join() !== (now.dependencies ?? []).join()
    };
}
/**
 * A file name as outputs and summaries show it: letters, digits and `. _ / + = @ ~ -` (and spaces) as they
 * are, every other character percent-encoded as its UTF-8 bytes (`%` itself too). File names come from the
 * checkout \u2014 a pull request's \u2014 and `miss-reason` may be pasted into a workflow's `run:` by
 * `${{ steps.x.outputs.miss-reason }}`: encoded, no name can quote, expand or end a shell command
 * (`src/$(touch pwned).js` shows as `src/%24%28touch%20pwned%29.js`\u2026 with its spaces kept).
 */
function inertPath(name) {
    return name.replace(/[^\p{L}\p{N}\p{M}._/+=@~ -]/gu, (char) => [...Buffer.from(char, 'utf8')].map((byte) => `%${byte.toString(16).toUpperCase().padStart(2, '0')}`).join(''));
}
/** `3 files changed (a, b, c)`-style parts of one sentence; empty when nothing differs. File names are made inert (inertPath). */
function describeDifference(difference) {
    const parts = [];
    const list = (paths, total) => `${paths.map(inertPath).join(', ')}${total > paths.length ? `, and ${total - paths.length} more` : ''}`;
    const { files } = difference;
    for (const kind of ['changed', 'added', 'removed']) {
        const total = files.counts[kind];
        if (total > 0)
            parts.push(`${total} file${total === 1 ? '' : 's'} ${kind} (${list(files[kind], total)})`);
    }
    const names = (list) => list.map(inertPath).join(', ');
    const { env } = difference;
    if (env.changed.length > 0)
        parts.push(`environment ${names(env.changed)} changed`);
    if (env.added.length > 0)
        parts.push(`code-hash-env ${names(env.added)} added`);
    if (env.removed.length > 0)
        parts.push(`code-hash-env ${names(env.removed)} removed`);
    if (difference.keyText)
        parts.push('code-hash-key changed');
    if (difference.run)
        parts.push("the tool's run changed");
    if (difference.dependencies)
        parts.push('a dependency changed');
    return parts;
}


/***/ }),

/***/ 3528:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   P7: () => (/* binding */ assetsMarkdown),
/* harmony export */   e7: () => (/* binding */ assetsReport)
/* harmony export */ });
/* unused harmony export summaryRows */
/* harmony import */ var _hashing_set_key_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(34574);
/* harmony import */ var _markdown_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(54285);
/* harmony import */ var _util_text_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(49997);
/* harmony import */ var _util_progress_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(65365);




const OUTCOME_LABEL = {
    found: '\u2705 found',
    missing: '\ud83d\udd28 not found \u2014 build needed',
    uploaded: '\u2b06\ufe0f uploaded',
    'already-stored': '\u2705 already stored, nothing uploaded',
    'not-stored': '\u26a0\ufe0f not stored'
};
const SOURCE_LABEL = {
    commit: 'this commit',
    cache: 'code-hash cache (copied to this commit)',
    upload: 'this upload',
    none: '\u2014'
};
/** The rows of the summary and comment tables, as markdown cells; the first is the table's header. */
function summaryRows(result) {
    const location = result.locationUrl ? (0,_markdown_js__WEBPACK_IMPORTED_MODULE_2__/* .link */ .nf)((0,_markdown_js__WEBPACK_IMPORTED_MODULE_2__/* .code */ .aY)(result.location), result.locationUrl) : (0,_markdown_js__WEBPACK_IMPORTED_MODULE_2__/* .code */ .aY)(result.location);
    const rows = [
        ['Outcome', OUTCOME_LABEL[result.outcome]],
        ['Source', SOURCE_LABEL[result.source]],
        ['Commit', (0,_markdown_js__WEBPACK_IMPORTED_MODULE_2__/* .code */ .aY)(result.commitHash)],
        ['Code hash', result.codeHash ? (0,_markdown_js__WEBPACK_IMPORTED_MODULE_2__/* .code */ .aY)(result.codeHash) : '\u2014 (tier off)']
    ];
    if (result.cacheTier) {
        rows.push(['Code-hash set', result.cacheTier.written ? 'written' : `not written: ${(0,_util_text_js__WEBPACK_IMPORTED_MODULE_3__.text)(result.cacheTier.reason ?? '')}`]);
    }
    rows.push(['Files', (0,_util_text_js__WEBPACK_IMPORTED_MODULE_3__/* .groupDigits */ .K)(result.files)], ['Size', (0,_util_progress_js__WEBPACK_IMPORTED_MODULE_1__/* .formatBytes */ .z)(result.bytes)], ['Location', location], ['Time', (0,_markdown_js__WEBPACK_IMPORTED_MODULE_2__/* .seconds */ .YA)(result.elapsedMs)]);
    if (result.unsigned)
        rows.push(['Signature', `\u26a0\ufe0f not signed: ${(0,_util_text_js__WEBPACK_IMPORTED_MODULE_3__.text)(result.unsigned)}`]);
    if (result.untrusted) {
        rows.push(['Ignored', `${(0,_util_text_js__WEBPACK_IMPORTED_MODULE_3__/* .plural */ .L)(result.untrusted, 'set')}: manifest not verified, malformed or for another place (see the warnings)`]);
    }
    if (result.missReason)
        rows.push(['Why not found', (0,_util_text_js__WEBPACK_IMPORTED_MODULE_3__.text)(result.missReason.line)]);
    if (result.drift) {
        const what = result.drift.difference ? `: ${(0,_util_text_js__WEBPACK_IMPORTED_MODULE_3__.text)((0,_hashing_set_key_js__WEBPACK_IMPORTED_MODULE_0__/* .describeDifference */ .hF)(result.drift.difference).join('; '))}` : '';
        rows.push([
            'Code hash drift',
            `${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_2__/* .code */ .aY)(result.drift.after.slice(0, 12))} after the build; stored under ${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_2__/* .code */ .aY)(result.drift.before.slice(0, 12))} from before it${what}`
        ]);
    }
    return rows;
}
/** The heading, the run's sentence and the table (its first row as the header): the job summary and the PR comment share it. */
function assetsMarkdown(result, heading) {
    const [header, ...rows] = summaryRows(result);
    return `${heading}\n\n${(0,_util_text_js__WEBPACK_IMPORTED_MODULE_3__.text)(result.message)}\n\n${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_2__/* .table */ .tp)(header, rows)}\n`;
}
function statusDescription(result) {
    const shortHash = result.codeHash.slice(0, 8);
    switch (result.outcome) {
        case 'found':
            return result.source === 'cache'
                ? `assets found in cache (code hash ${shortHash}\u2026), ${(0,_util_text_js__WEBPACK_IMPORTED_MODULE_3__/* .plural */ .L)(result.files, 'file')}`
                : `assets found for this commit, ${(0,_util_text_js__WEBPACK_IMPORTED_MODULE_3__/* .plural */ .L)(result.files, 'file')}`;
        case 'missing':
            return 'assets not found \u2014 build needed';
        case 'uploaded':
            return `assets uploaded, ${(0,_util_text_js__WEBPACK_IMPORTED_MODULE_3__/* .plural */ .L)(result.files, 'file')} (${(0,_util_progress_js__WEBPACK_IMPORTED_MODULE_1__/* .formatBytes */ .z)(result.bytes)})`;
        case 'already-stored':
            return 'assets already stored';
        case 'not-stored':
            return "assets not stored: another platform's set is there";
    }
}
/** The commit status and PR comment for a check or upload. */
function assetsReport(result, instance) {
    return {
        state: result.outcome === 'missing' ? 'pending' : 'success',
        description: statusDescription(result),
        markdown: assetsMarkdown(result, `#### S3 Asset Manager \u00b7 ${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_2__/* .code */ .aY)(instance)}`),
        commit: result.commitHash
    };
}


/***/ }),

/***/ 54285:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   OF: () => (/* binding */ fenced),
/* harmony export */   TM: () => (/* binding */ firstLine),
/* harmony export */   YA: () => (/* binding */ seconds),
/* harmony export */   aY: () => (/* binding */ code),
/* harmony export */   nf: () => (/* binding */ link),
/* harmony export */   tp: () => (/* binding */ table)
/* harmony export */ });
/**
 * GitHub-flavoured markdown for job summaries and pull-request comments. Everything is written as
 * markdown, never as HTML cells: GitHub does not parse markdown inside an HTML block, so `code` in a
 * `<td>` shows its backticks.
 */
/** A code span that survives any content: the fence is one backtick longer than the longest run inside. */
function code(text) {
    const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
    const fence = '`'.repeat(longest + 1);
    const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
    return `${fence}${pad}${text}${pad}${fence}`;
}
function link(label, href) {
    return `[${label}](${href.replace(/[()\s]/g, (char) => encodeURIComponent(char))})`;
}
/** A table cell: pipes are escaped even inside code spans (GFM splits cells before it parses spans). */
function cell(value) {
    return value.replace(/\r?\n/g, ' ').replace(/(?<!\\)\|/g, '\\|');
}
/** A GFM table; cells are markdown already (use `code`, `text`, `link`). */
function table(headers, rows) {
    return [
        `| ${headers.map(cell).join(' | ')} |`,
        `|${headers.map(() => '---').join('|')}|`,
        ...rows.map((row) => `| ${row.map(cell).join(' | ')} |`)
    ].join('\n');
}
function seconds(milliseconds) {
    return `${(milliseconds / 1000).toFixed(1)} s`;
}
/** The first line of an error message, for a summary headline. */
function firstLine(message) {
    return (message.split(/\r?\n/)[0] ?? '').trim();
}
/** A fenced code block that survives any content: the fence is one backtick longer than any run inside. */
function fenced(content, language = '') {
    const longest = Math.max(2, ...(content.match(/`+/g) ?? []).map((run) => run.length));
    const fence = '`'.repeat(longest + 1);
    return `${fence}${language}\n${content}\n${fence}`;
}


/***/ }),

/***/ 57994:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   A: () => (/* binding */ failureMarkdown),
/* harmony export */   S: () => (/* binding */ writeSummary),
/* harmony export */   writeSummaryMarkdown: () => (/* binding */ writeSummaryMarkdown)
/* harmony export */ });
/* harmony import */ var _runner_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(74813);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(83916);
/* harmony import */ var _assets_report_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3528);
/* harmony import */ var _markdown_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(54285);
/* harmony import */ var _util_text_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(49997);
/* harmony import */ var _util_redact_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(50767);






/** Writes markdown to the job summary when the runner provides one (GITHUB_STEP_SUMMARY); a no-op elsewhere. */
async function writeSummaryMarkdown(markdown) {
    if (!process.env.GITHUB_STEP_SUMMARY)
        return;
    try {
        _runner_js__WEBPACK_IMPORTED_MODULE_0__/* .appendSummary */ .fe((0,_util_redact_js__WEBPACK_IMPORTED_MODULE_3__/* .redact */ .E$)(markdown));
    }
    catch (error) {
        throw new Error(`Could not write the job summary to GITHUB_STEP_SUMMARY (${process.env.GITHUB_STEP_SUMMARY}): ${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_4__/* .firstLine */ .TM)((0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .errorMessage */ .gJ)(error))}`, { cause: error });
    }
}
async function writeSummary(result) {
    // No summary file (outside a runner): the table is not even drawn.
    if (!process.env.GITHUB_STEP_SUMMARY)
        return;
    return writeSummaryMarkdown((0,_assets_report_js__WEBPACK_IMPORTED_MODULE_2__/* .assetsMarkdown */ .P7)(result, `### S3 Asset Manager \u2014 ${result.mode}`));
}
/** A failed check or upload still says what happened: the error's first line, the rest folded. */
function failureMarkdown(mode, message) {
    const [head = '', ...rest] = message.split(/\r?\n/);
    const details = rest.join('\n').trim();
    return (`### S3 Asset Manager \u2014 ${mode} failed\n\n\u274c ${(0,_util_text_js__WEBPACK_IMPORTED_MODULE_5__.text)(head.trim())}\n` +
        (details ? `\n<details><summary>Details</summary>\n\n${details.split('\n').map(_util_text_js__WEBPACK_IMPORTED_MODULE_5__.text).join('<br>\n')}\n\n</details>\n` : ''));
}


/***/ }),

/***/ 89587:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   MC: () => (/* binding */ DigestLimitError),
/* harmony export */   Nq: () => (/* binding */ digestStream),
/* harmony export */   Vq: () => (/* binding */ sha256OfFile),
/* harmony export */   m3: () => (/* binding */ DigestedFile),
/* harmony export */   sha256Hex: () => (/* binding */ sha256Hex)
/* harmony export */ });
/* harmony import */ var _capped_read_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(48724);
/* harmony import */ var _fs_calls_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(62001);
/* harmony import */ var _node_builtins_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(53115);



/** The SHA-256 of `data` (a string as UTF-8), in hex. */
const sha256Hex = (data) => (0,_node_builtins_js__WEBPACK_IMPORTED_MODULE_2__/* .nodeCrypto */ .SI)().createHash('sha256').update(data).digest('hex');
/**
 * A DigestStream. With `limit`, more bytes than that fail the stream at once (an object larger than its manifest
 * says is never written out whole). A function rather than a class: a class would extend Transform as the module
 * loads, and node:stream costs ~4 ms of the start of every step, which a check that finds nothing does not need.
 */
function digestStream(limit = Number.POSITIVE_INFINITY) {
    const hash = (0,_node_builtins_js__WEBPACK_IMPORTED_MODULE_2__/* .nodeCrypto */ .SI)().createHash('sha256');
    let passed = 0;
    const stream = new ((0,_node_builtins_js__WEBPACK_IMPORTED_MODULE_2__/* .nodeStream */ .Dh)().Transform)({
        transform(chunk, _encoding, callback) {
            passed += chunk.length;
            if (passed > limit) {
                callback(new DigestLimitError(limit));
                return;
            }
            hash.update(chunk);
            callback(null, chunk);
        }
    });
    return Object.defineProperties(stream, {
        passed: { get: () => passed },
        digest: { value: () => hash.digest('hex') }
    });
}
/**
 * A file listed as a regular file a moment ago, read by whoever pulls its bytes (a store's put reads them straight
 * into its own buffers), taking the SHA-256 and the length of what was read, as a DigestStream does for a stream.
 * Close it when the put is done. For a 64 MiB file sent in 8 MiB parts, this took 120-280 ms of CPU where a read
 * stream through a DigestStream, copied into the parts, took 390-570 ms (node24): the stream's fresh 1 MiB buffer a
 * chunk is a page fault per 4 KiB on this VM, and the copy touches every byte again.
 */
class DigestedFile {
    fd;
    hash = (0,_node_builtins_js__WEBPACK_IMPORTED_MODULE_2__/* .nodeCrypto */ .SI)().createHash('sha256');
    /** Bytes read so far (what Progress.watch counts). */
    passed = 0;
    constructor(fd) {
        this.fd = fd;
    }
    static async open(file) {
        return new DigestedFile(await (0,_capped_read_js__WEBPACK_IMPORTED_MODULE_0__/* .openListedFile */ .qT)(file));
    }
    /** Reads the file's next bytes into `into`: how many, 0 at its end. */
    async readInto(into) {
        const { bytesRead } = await (0,_fs_calls_js__WEBPACK_IMPORTED_MODULE_1__/* .read */ .LF)(this.fd, into, 0, into.length, null);
        this.hash.update(into.subarray(0, bytesRead));
        this.passed += bytesRead;
        return bytesRead;
    }
    /** The SHA-256 (hex) of everything read; call once, after the put. */
    digest() {
        return this.hash.digest('hex');
    }
    close() {
        return (0,_fs_calls_js__WEBPACK_IMPORTED_MODULE_1__/* .closeFd */ .zF)(this.fd);
    }
}
/** More bytes arrived than the DigestStream's limit. */
class DigestLimitError extends Error {
    limit;
    constructor(limit) {
        super(`more than the ${limit} bytes expected arrived`);
        this.limit = limit;
        this.name = 'DigestLimitError';
    }
}
/**
 * SHA-256 (hex) of a file's bytes, read 1 MiB at a time into one buffer; with `noFollow`, never through a symlink
 * at the last component (the read fails instead). Shared by upload (hashing before sending) and download (a file
 * already in place). One buffer, not a stream's new one per chunk: for 1 GiB that took
 * 0.85 s of CPU against 1.6-2.1 s (a fresh 1 MiB buffer a chunk is a page fault per 4 KiB on this VM).
 */
async function sha256OfFile(file, options = {}) {
    const hash = (0,_node_builtins_js__WEBPACK_IMPORTED_MODULE_2__/* .nodeCrypto */ .SI)().createHash('sha256');
    const fd = await (0,_fs_calls_js__WEBPACK_IMPORTED_MODULE_1__/* .openFd */ .df)(file, options.noFollow ? _capped_read_js__WEBPACK_IMPORTED_MODULE_0__/* .READ_NO_FOLLOW */ .xZ : _capped_read_js__WEBPACK_IMPORTED_MODULE_0__/* .READ_NO_WAIT */ .B5);
    try {
        const buffer = Buffer.allocUnsafe(1024 * 1024);
        for (;;) {
            const { bytesRead } = await (0,_fs_calls_js__WEBPACK_IMPORTED_MODULE_1__/* .read */ .LF)(fd, buffer, 0, buffer.length, null);
            if (bytesRead === 0)
                break;
            hash.update(buffer.subarray(0, bytesRead));
        }
    }
    finally {
        await (0,_fs_calls_js__WEBPACK_IMPORTED_MODULE_1__/* .closeFd */ .zF)(fd);
    }
    return hash.digest('hex');
}


/***/ }),

/***/ 65365:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   k: () => (/* binding */ Progress),
/* harmony export */   z: () => (/* binding */ formatBytes)
/* harmony export */ });
/* harmony import */ var _runner_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(74813);
/* harmony import */ var _text_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(49997);


const MB = 1024 * 1024;
function formatBytes(bytes) {
    if (bytes < 1024)
        return `${Math.round(bytes)} B`;
    if (bytes < MB)
        return `${(bytes / 1024).toFixed(1)} KiB`;
    if (bytes < 1024 * MB)
        return `${(bytes / MB).toFixed(1)} MiB`;
    return `${(bytes / 1024 / MB).toFixed(2)} GiB`;
}
/**
 * Counts files and bytes of a transfer and logs a line at most every `intervalMs`, so a long upload or copy
 * shows it is moving \u2014 also while one large file is all there is (a timer reads the bytes of the streams
 * being watched); a short one logs only its closing line. Lines while it runs use the `doing` words, so the
 * first of them never reads as the end.
 */
class Progress {
    totalFiles;
    totalBytes;
    intervalMs;
    log;
    files = 0;
    bytes = 0;
    started = Date.now();
    lastLog = Date.now();
    grouped = false;
    flowing = new Set();
    timer;
    doing;
    done;
    constructor(label, totalFiles, totalBytes, intervalMs = 5000, log = _runner_js__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq) {
        this.totalFiles = totalFiles;
        this.totalBytes = totalBytes;
        this.intervalMs = intervalMs;
        this.log = log;
        this.doing = typeof label === 'string' ? label : label.doing;
        this.done = typeof label === 'string' ? label : label.done;
        if (intervalMs > 0) {
            this.timer = setInterval(() => this.report(Date.now()), intervalMs);
            this.timer.unref();
        }
    }
    /** Counts `stream`'s bytes as they pass, until `add` counts its file: returns the call that stops watching it. */
    watch(stream) {
        this.flowing.add(stream);
        return () => void this.flowing.delete(stream);
    }
    add(files, bytes) {
        this.files += files;
        this.bytes += bytes;
        this.report(Date.now());
    }
    report(now) {
        if (now - this.lastLog < this.intervalMs || this.files >= this.totalFiles)
            return;
        this.lastLog = now;
        // A transfer that lasts shows its progress lines folded in a group; a short one logs only its last line.
        if (!this.grouped && this.log === _runner_js__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq)
            _runner_js__WEBPACK_IMPORTED_MODULE_0__/* .startGroup */ .Oh(`${this.doing} ${(0,_text_js__WEBPACK_IMPORTED_MODULE_1__/* .plural */ .L)(this.totalFiles, 'file')}, ${formatBytes(this.totalBytes)}`);
        this.grouped = true;
        let moved = this.bytes;
        for (const stream of this.flowing)
            moved += stream.passed;
        this.log(`${this.doing} ${this.files}/${this.totalFiles} files, ${formatBytes(Math.min(moved, this.totalBytes))} of ${formatBytes(this.totalBytes)}${this.rate(now, moved)}`);
    }
    rate(now, bytes = this.bytes) {
        const seconds = (now - this.started) / 1000;
        return seconds > 0 ? ` (${formatBytes(bytes / seconds)}/s)` : '';
    }
    /** The closing line; returns the elapsed milliseconds. */
    finish() {
        if (this.timer)
            clearInterval(this.timer);
        if (this.grouped && this.log === _runner_js__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq)
            _runner_js__WEBPACK_IMPORTED_MODULE_0__/* .endGroup */ .N4();
        const elapsed = Date.now() - this.started;
        this.log(`${this.done} ${(0,_text_js__WEBPACK_IMPORTED_MODULE_1__/* .plural */ .L)(this.files, 'file')}, ${formatBytes(this.bytes)} in ${(elapsed / 1000).toFixed(1)} s${this.rate(Date.now())}`);
        return elapsed;
    }
    /** Stops the timer without a closing line (the transfer failed: the error says what happened). */
    abandon() {
        if (this.timer)
            clearInterval(this.timer);
        if (this.grouped && this.log === _runner_js__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq)
            _runner_js__WEBPACK_IMPORTED_MODULE_0__/* .endGroup */ .N4();
    }
}


/***/ })

};
;
//# sourceMappingURL=994.index.js.map