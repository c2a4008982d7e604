"use strict";
exports.id = 437;
exports.ids = [437];
exports.modules = {

/***/ 14581:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Z: () => (/* binding */ parsePatterns)
/* harmony export */ });
/** Splits a code-hash pattern list written with newlines, commas or spaces (kept apart so inputs load no glob code). */
function parsePatterns(text) {
    return text.split(/[\s,]+/).filter((pattern) => pattern.length > 0);
}


/***/ }),

/***/ 71437:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  run: () => (/* binding */ run),
  runUploadAfterAuto: () => (/* binding */ runUploadAfterAuto)
});

// EXTERNAL MODULE: ./src/runner.ts
var runner = __webpack_require__(74813);
// EXTERNAL MODULE: ./src/constants.ts
var constants = __webpack_require__(27242);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(83916);
// EXTERNAL MODULE: ./src/util/cancellation.ts
var cancellation = __webpack_require__(76601);
// EXTERNAL MODULE: ./src/util/stdio.ts
var stdio = __webpack_require__(92493);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/git.ts
var git = __webpack_require__(71243);
// EXTERNAL MODULE: ./src/hashing/patterns.ts
var patterns = __webpack_require__(14581);
// EXTERNAL MODULE: ./src/util/redact.ts
var redact = __webpack_require__(50767);
// EXTERNAL MODULE: ./src/settings/read.ts
var read = __webpack_require__(36765);
// EXTERNAL MODULE: ./src/settings/store.ts
var settings_store = __webpack_require__(53456);
// EXTERNAL MODULE: ./src/sets/signing.ts
var signing = __webpack_require__(63330);
// EXTERNAL MODULE: ./src/settings/values.ts
var values = __webpack_require__(535);
;// CONCATENATED MODULE: ./src/settings/trust.ts
// The trust policy: which keys sign and verify, and whether this run may write the shared code-hash tier,
// decided by the event that started the job.







/**
 * signing-key (one key per line), cache-write and allow-untrusted-signing; every key is masked before anything
 * else can print it. Signing follows the trusted events, as cache-write: auto does: on any other event (pull
 * requests, comments, check runs, \u2026) the job may run code from a pull request while it holds the key, so the
 * keys only verify and nothing written is signed \u2014 no run that verifies will ever serve it.
 */
function parsePolicy() {
    const keysText = (0,read/* input */.hF)(constants/* Inputs */.G0.SigningKey) || process.env[constants/* SIGNING_KEY_ENV */.on] || '';
    const parsed = (0,signing/* parseSigningKeys */.Br)(keysText);
    for (const key of parsed.keys)
        (0,redact/* registerSecret */.cl)(key);
    if (parsed.keys.some((key) => key.length < 16)) {
        throw new errors/* InputError */.dz(`Input '${constants/* Inputs */.G0.SigningKey}' (${constants/* SIGNING_KEY_ENV */.on}) holds a key shorter than 16 characters: use a long random secret, e.g. openssl rand -hex 32.`);
    }
    const choice = (0,read/* oneOf */.yL)(constants/* Inputs */.G0.CacheWrite, (0,read/* input */.hF)(constants/* Inputs */.G0.CacheWrite) || 'auto', ['auto', 'always', 'never']);
    const event = process.env.GITHUB_EVENT_NAME ?? '';
    const insideActions = process.env.GITHUB_ACTIONS === 'true';
    const trusted = !insideActions || constants/* TRUSTED_EVENTS */.g$.includes(event);
    const allowed = choice === 'always' || (choice === 'auto' && trusted);
    const reason = choice === 'never'
        ? `'${constants/* Inputs */.G0.CacheWrite}' is never`
        : `'${constants/* Inputs */.G0.CacheWrite}: auto' writes it only on ${constants/* TRUSTED_EVENTS */.g$.join(', ')} events, and this is a '${event || 'unknown'}' event (its commit's set is still written)`;
    const allowUntrusted = (0,values/* parseBoolean */.yG)(constants/* Inputs */.G0.AllowUntrustedSigning, (0,read/* input */.hF)(constants/* Inputs */.G0.AllowUntrustedSigning), false);
    const signs = parsed.keys.length > 0 && (trusted || allowUntrusted);
    const unsigned = parsed.keys.length > 0 && !signs
        ? `this is a '${event || 'unknown'}' event, and signing follows the trusted events (${constants/* TRUSTED_EVENTS */.g$.join(', ')}): ` +
            `jobs of other events may run pull-request code while they hold the key. What this run writes is unsigned, so no run that ` +
            `verifies will use it. Set '${constants/* Inputs */.G0.AllowUntrustedSigning}: true' only in a job that runs no pull-request code (see docs/threat-model.md)`
        : undefined;
    return {
        signing: unsigned ? { keys: parsed.keys, sign: false } : parsed,
        cacheWrite: { allowed, reason },
        ...(unsigned ? { unsigned } : {})
    };
}
/** Whether a run in this mode may write a signed manifest or state (check does when it promotes a code-hash hit). */
function maySign(mode, codeHashOn, planOnly) {
    if (mode === 'check')
        return codeHashOn;
    if (mode === 'apply')
        return !planOnly;
    return mode === 'upload' || mode === 'auto';
}
/**
 * On an event whose jobs may run pull-request code, sets are written unsigned (parsePolicy) and the step goes
 * on, saying so. apply cannot: its state is one object every later run reads, and an unsigned one would stop
 * them all (or be re-signed by hand, which is the attack). So a writing apply there is refused.
 */
function noteUnsignedRun(mode, policy, codeHashOn, planOnly) {
    if (!policy.unsigned || !maySign(mode, codeHashOn, planOnly))
        return;
    if (mode === 'apply') {
        throw new errors/* InputError */.dz(`Refusing to apply with '${constants/* Inputs */.G0.SigningKey}' set: ${policy.unsigned}. apply's state is one shared object, so it is not written unsigned: ` +
            `run apply with 'plan-only: true' on this event, keep the key out of this job, or set '${constants/* Inputs */.G0.AllowUntrustedSigning}: true' if the job runs no pull-request code.`);
    }
    runner/* warning */.$e(`Not signing: ${policy.unsigned}.`);
}

// EXTERNAL MODULE: ./src/sets/pack-encoding.ts
var pack_encoding = __webpack_require__(54908);
;// CONCATENATED MODULE: ./src/settings/inputs.ts
// Every input read into one validated Settings object (getInputs), and the checks that span inputs:
// unknown names, the mode, the apply/prune/reporting groups.













/** Levenshtein distance, for "did you mean". */
function editDistance(a, b) {
    let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
    for (let i = 1; i <= a.length; i++) {
        const current = [i];
        for (let j = 1; j <= b.length; j++) {
            current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
        }
        previous = current;
    }
    return previous[b.length];
}
/** Every `INPUT_*` variable that names no input of action.yml, with the input it most likely meant. */
function unknownInputs(env = process.env) {
    const known = Object.values(constants/* Inputs */.G0);
    const onGitHub = env.GITHUB_ACTIONS === 'true';
    const unknown = [];
    for (const variable of Object.keys(env)) {
        if (!variable.startsWith('INPUT_') || variable.length === 6)
            continue;
        const name = variable.slice(6).toLowerCase();
        if (known.includes(name))
            continue;
        // The runner passes `with:` keys exactly as written, so on GitHub `plan_only` is not `plan-only`.
        const folded = name.replace(/_/g, '-');
        if (!onGitHub && known.includes(folded))
            continue;
        const nearest = known
            .map((candidate) => ({ candidate, distance: editDistance(folded, candidate) }))
            .sort((a, b) => a.distance - b.distance)[0];
        // A shortened name ('package-dir') is as likely a slip as a misspelt one.
        const shortened = folded.length >= 4 ? known.find((candidate) => candidate.startsWith(folded)) : undefined;
        const suggestion = nearest.distance <= Math.max(2, Math.floor(folded.length / 3)) ? nearest.candidate : shortened;
        unknown.push({ variable, name, ...(suggestion ? { suggestion } : {}) });
    }
    return unknown;
}
/**
 * A misspelt input is never ignored in silence: in a step that decides or writes anything it is an error
 * before anything is done (a misspelt `plan-only` on prune would delete for real; a misspelt
 * `package-directory` on check would decide the skip with the default folder), elsewhere (doctor, a plan)
 * a warning.
 */
function refuseUnknownInputs(mode, planOnly) {
    const unknown = unknownInputs();
    if (unknown.length === 0)
        return;
    const lines = unknown.map(({ variable, name, suggestion }) => `'${name}' (${variable}) is not an input of this action${suggestion ? `; did you mean '${suggestion}'?` : '.'}`);
    const writes = mode === 'check' || mode === 'upload' || mode === 'auto' || ((mode === 'apply' || mode === 'prune') && !planOnly);
    const inputsList = `The inputs are listed in action.yml and the README${process.env.GITHUB_ACTIONS === 'true' ? '' : ' (outside GitHub, INPUT_<NAME> with - or _)'}`;
    if (writes) {
        throw new errors/* InputError */.dz(`${lines.join(' ')} Nothing was done: mode '${mode}' ${mode === 'check' ? 'decides whether the build runs' : 'writes or deletes'}, so a misspelt input could change what it does. ${inputsList}.`);
    }
    for (const line of lines)
        runner/* warning */.$e(`${line} It is ignored. ${inputsList}.`);
}
function parseMode(argv) {
    const fromInput = (0,read/* input */.hF)(constants/* Inputs */.G0.Mode);
    const fromArgs = argv[2]?.trim() ?? '';
    const value = fromInput || fromArgs;
    if (!value) {
        throw new errors/* InputError */.dz(`Input '${constants/* Inputs */.G0.Mode}' is required: one of ${constants/* MODES */.FN.join(', ')} ` +
            `(as a workflow input 'mode', or as the first argument: node dist/index.js check).`);
    }
    return (0,read/* oneOf */.yL)(constants/* Inputs */.G0.Mode, value, constants/* MODES */.FN);
}
function parseCommit(raw) {
    if (!raw)
        return undefined;
    if (!(0,git/* isCommitHash */.EX)(raw)) {
        throw new errors/* InputError */.dz(`Input '${constants/* Inputs */.G0.Commit}' is '${raw}': give the full commit hash (40 hex characters, or 64 for SHA-256 repositories).`);
    }
    return raw.toLowerCase();
}
function parsePackBelow(raw) {
    const bytes = (0,values/* parseByteSize */.nS)(raw);
    if (bytes === undefined || bytes > values/* MAX_PACK_BELOW */.jB) {
        throw new errors/* InputError */.dz(`Input '${constants/* Inputs */.G0.PackBelow}' is '${raw}': give a size up to 64MiB such as '1MiB' or '256KiB' (files smaller than it go into packs), or 0 to store every file as its own object (${values/* SIZE_UNITS_HELP */.om}).`);
    }
    if (bytes > 0 && bytes < 1024) {
        runner/* warning */.$e(`Input '${constants/* Inputs */.G0.PackBelow}' is '${raw}', which is ${bytes} byte${bytes === 1 ? '' : 's'}: almost nothing will be packed. Did you mean '${raw}MiB'? (${values/* SIZE_UNITS_HELP */.om}).`);
    }
    return bytes;
}
function parseEnvNames(raw) {
    const names = raw.split(/[\s,]+/).filter(Boolean);
    for (const name of names) {
        if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) {
            throw new errors/* InputError */.dz(`Input '${constants/* Inputs */.G0.CodeHashEnv}' holds '${name}', which is not an environment variable name (letters, digits and '_').`);
        }
    }
    return [...new Set(names)];
}
function parseVariant(raw) {
    if (!raw)
        return '';
    if (!/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/.test(raw)) {
        throw new errors/* InputError */.dz(`Input '${constants/* Inputs */.G0.Variant}' is '${raw}': use up to 64 letters, digits, '.', '_' or '-' (for example \${{ runner.os }}-\${{ runner.arch }}-node\${{ matrix.node }}).`);
    }
    return raw;
}
function parseDoctorModes(raw) {
    const served = constants/* MODES */.FN.filter((mode) => mode !== 'doctor');
    return raw
        .split(/[\s,]+/)
        .filter(Boolean)
        .map((mode) => (0,read/* oneOf */.yL)(constants/* Inputs */.G0.DoctorModes, mode, served));
}
function parseConcurrency(raw) {
    const value = Number(raw);
    if (!Number.isInteger(value) || value < 1 || value > 256) {
        throw new errors/* InputError */.dz(`Input '${constants/* Inputs */.G0.Concurrency}' is '${raw}': give a whole number from 1 to 256.`);
    }
    return value;
}
function parseApply(cwd) {
    const timeoutText = (0,read/* input */.hF)(constants/* Inputs */.G0.LockTimeout) || '0';
    const lockTimeout = Number(timeoutText);
    if (!Number.isFinite(lockTimeout) || lockTimeout < 0 || lockTimeout > 21600) {
        throw new errors/* InputError */.dz(`Input '${constants/* Inputs */.G0.LockTimeout}' is '${timeoutText}': give the seconds to wait for a held lock, 0 to 21600.`);
    }
    return {
        config: external_node_path_default().resolve(cwd, (0,read/* input */.hF)(constants/* Inputs */.G0.Config) || '.github/assets.yml'),
        planOnly: (0,values/* parseBoolean */.yG)(constants/* Inputs */.G0.PlanOnly, (0,read/* input */.hF)(constants/* Inputs */.G0.PlanOnly), false),
        lockTimeout,
        forceUnlock: (0,read/* input */.hF)(constants/* Inputs */.G0.ForceUnlock) || undefined,
        allowDeleteAll: (0,values/* parseBoolean */.yG)(constants/* Inputs */.G0.AllowDeleteAll, (0,read/* input */.hF)(constants/* Inputs */.G0.AllowDeleteAll), false),
        resignState: (0,values/* parseBoolean */.yG)(constants/* Inputs */.G0.ResignState, (0,read/* input */.hF)(constants/* Inputs */.G0.ResignState), false)
    };
}
function wholeNumber(name, fallback, max, what) {
    const raw = (0,read/* input */.hF)(name) || fallback;
    const value = Number(raw);
    if (!/^\d+$/.test(raw) || value > max)
        throw new errors/* InputError */.dz(`Input '${name}' is '${raw}': give ${what}, a whole number from 0 to ${max}.`);
    return value;
}
function parsePrune(cwd) {
    const config = (0,read/* input */.hF)(constants/* Inputs */.G0.Config);
    return {
        keepDays: wholeNumber(constants/* Inputs */.G0.KeepDays, '30', 36500, 'the days a set may go unused before prune deletes it'),
        keepLast: wholeNumber(constants/* Inputs */.G0.KeepLast, '10', 100000, 'how many of the newest commit sets prune always keeps'),
        planOnly: (0,values/* parseBoolean */.yG)(constants/* Inputs */.G0.PlanOnly, (0,read/* input */.hF)(constants/* Inputs */.G0.PlanOnly), false),
        config: config ? external_node_path_default().resolve(cwd, config) : undefined
    };
}
function parseReporting(prefix) {
    const prComment = (0,values/* parseBoolean */.yG)(constants/* Inputs */.G0.PrComment, (0,read/* input */.hF)(constants/* Inputs */.G0.PrComment), false);
    const commitStatus = (0,values/* parseBoolean */.yG)(constants/* Inputs */.G0.CommitStatus, (0,read/* input */.hF)(constants/* Inputs */.G0.CommitStatus), false);
    const token = (0,read/* input */.hF)(constants/* Inputs */.G0.GitHubToken) || process.env.GITHUB_TOKEN || '';
    (0,redact/* registerSecret */.cl)(token);
    if ((prComment || commitStatus) && !token) {
        throw new errors/* InputError */.dz(`Input '${constants/* Inputs */.G0.GitHubToken}' is empty, but '${prComment ? constants/* Inputs */.G0.PrComment : constants/* Inputs */.G0.CommitStatus}' is on: pass \${{ github.token }} (the default in action.yml) or a token with pull-requests/statuses write access.`);
    }
    const instance = (0,read/* input */.hF)(constants/* Inputs */.G0.InstanceName) || prefix.replace(/\/$/, '') || 'default';
    if (!/^[\w./-]{1,64}$/.test(instance)) {
        throw new errors/* InputError */.dz(`Input '${constants/* Inputs */.G0.InstanceName}' is '${instance}': use up to 64 letters, digits, '.', '_', '-' or '/'.`);
    }
    return { prComment, commitStatus, token, instance };
}
/** Whether `dir` or a folder above it holds a `.git` (directory, or file for worktrees and submodules). */
function insideGitRepository(dir) {
    for (let current = dir;; current = external_node_path_default().dirname(current)) {
        if ((0,external_node_fs_.existsSync)(external_node_path_default().join(current, '.git')))
            return true;
        if (external_node_path_default().dirname(current) === current)
            return false;
    }
}
/**
 * `repo-path`, else $GIT_REPO_PATH, else `.`; outside GitHub, when `.` is not in a git repository but
 * `./repo` is one, `./repo`: the original tool's Docker image found the repository there.
 */
function parseRepoPath(cwd) {
    const given = (0,read/* inputOr */.wK)(constants/* Inputs */.G0.RepoPath, [constants/* SeedEnv */.LA.RepoPath], '');
    if (given)
        return external_node_path_default().resolve(cwd, given);
    const seedDefault = external_node_path_default().join(cwd, 'repo');
    if (!process.env.GITHUB_ACTIONS && !insideGitRepository(cwd) && (0,external_node_fs_.existsSync)(external_node_path_default().join(seedDefault, '.git'))) {
        runner/* info */.pq(`No repo-path or ${constants/* SeedEnv */.LA.RepoPath}, and ${cwd} is not a git repository: using ${seedDefault}, as the original tool's image did.`);
        return seedDefault;
    }
    return cwd;
}
/**
 * `--run <command>` after the mode: outside GitHub there is no post step, so `auto` runs the build itself,
 * between its check and its upload, as the job's steps would on a runner.
 */
function parseAutoRun(argv, mode) {
    const at = argv.indexOf('--run', 3);
    const extra = argv.slice(3).filter((_, index) => index + 3 !== at && index + 3 !== at + 1);
    if (extra.length > 0)
        throw new errors/* InputError */.dz(`Unexpected argument(s) ${extra.map((arg) => `'${arg}'`).join(', ')}: inputs are INPUT_<NAME> variables; see --help.`);
    if (at === -1)
        return undefined;
    const command = argv[at + 1]?.trim();
    if (mode !== 'auto' || process.env.GITHUB_ACTIONS === 'true')
        throw new errors/* InputError */.dz(`'--run' belongs to 'auto' outside GitHub Actions (node dist/index.js auto --run 'npm run build').`);
    if (!command)
        throw new errors/* InputError */.dz(`'--run' needs the build command: node dist/index.js auto --run 'npm ci && npm run build'.`);
    return command;
}
/** Reads every input (with the seed's environment names as fallbacks) into one validated settings object. */
function getInputs(argv = process.argv, cwd = process.cwd()) {
    const mode = parseMode(argv);
    refuseUnknownInputs(mode, (0,values/* parseBoolean */.yG)(constants/* Inputs */.G0.PlanOnly, (0,read/* input */.hF)(constants/* Inputs */.G0.PlanOnly), false));
    const policy = parsePolicy();
    const patternsText = (0,read/* inputOr */.wK)(constants/* Inputs */.G0.CodeHashPaths, [constants/* SeedEnv */.LA.CodeHashFilter], '');
    const store = (0,settings_store/* parseStore */.P)(cwd);
    const codeHashPatterns = (0,patterns/* parsePatterns */.Z)(patternsText);
    const codeHashEnv = parseEnvNames((0,read/* input */.hF)(constants/* Inputs */.G0.CodeHashEnv));
    const codeHashKey = (0,read/* rawInput */.JR)(constants/* Inputs */.G0.CodeHashKey, false);
    if ((codeHashEnv.length > 0 || codeHashKey.trim()) && codeHashPatterns.length === 0 && mode !== 'apply') {
        throw new errors/* InputError */.dz(`Inputs '${constants/* Inputs */.G0.CodeHashEnv}' and '${constants/* Inputs */.G0.CodeHashKey}' add to the code-hash key, but '${constants/* Inputs */.G0.CodeHashPaths}' is empty, so there is no code-hash tier: set the patterns too.`);
    }
    const apply = parseApply(cwd);
    noteUnsignedRun(mode, policy, codeHashPatterns.length > 0, apply.planOnly);
    const autoRun = parseAutoRun(argv, mode);
    return {
        mode,
        ...(autoRun ? { autoRun } : {}),
        store,
        repoPath: parseRepoPath(cwd),
        commit: parseCommit((0,read/* input */.hF)(constants/* Inputs */.G0.Commit)),
        codeHashPatterns,
        codeHashEnv,
        codeHashKey: codeHashKey.trim() ? codeHashKey : '',
        variant: parseVariant((0,read/* input */.hF)(constants/* Inputs */.G0.Variant)),
        crossPlatform: (0,values/* parseBoolean */.yG)(constants/* Inputs */.G0.CrossPlatform, (0,read/* input */.hF)(constants/* Inputs */.G0.CrossPlatform), false),
        packageDirectory: external_node_path_default().resolve(cwd, (0,read/* inputOr */.wK)(constants/* Inputs */.G0.PackageDirectory, [constants/* SeedEnv */.LA.PackageDirectory], './packages')),
        download: (0,values/* parseBoolean */.yG)(constants/* Inputs */.G0.Download, (0,read/* input */.hF)(constants/* Inputs */.G0.Download), false),
        concurrency: parseConcurrency((0,read/* input */.hF)(constants/* Inputs */.G0.Concurrency) || '16'),
        packBelow: parsePackBelow((0,read/* input */.hF)(constants/* Inputs */.G0.PackBelow) || '0'),
        packCompression: (0,read/* oneOf */.yL)(constants/* Inputs */.G0.PackCompression, (0,read/* input */.hF)(constants/* Inputs */.G0.PackCompression) || 'auto', pack_encoding/* PACK_COMPRESSIONS */.o),
        legacySets: (0,values/* parseBoolean */.yG)(constants/* Inputs */.G0.LegacySets, (0,read/* input */.hF)(constants/* Inputs */.G0.LegacySets), false),
        reporting: parseReporting(store.prefix),
        apply,
        prune: parsePrune(cwd),
        doctorModes: parseDoctorModes((0,read/* input */.hF)(constants/* Inputs */.G0.DoctorModes) || 'check upload'),
        policy
    };
}

// EXTERNAL MODULE: ./src/modes/apply-outcome.ts
var apply_outcome = __webpack_require__(52685);
// EXTERNAL MODULE: ./src/modes/check-record.ts
var check_record = __webpack_require__(33668);
// EXTERNAL MODULE: ./src/sets/manifest.ts
var manifest = __webpack_require__(99640);
// EXTERNAL MODULE: ./src/util/text.ts
var util_text = __webpack_require__(49997);
// EXTERNAL MODULE: ./src/sets/platform.ts
var platform = __webpack_require__(47102);
// EXTERNAL MODULE: ./src/modes/build-key.ts
var build_key = __webpack_require__(89314);
// EXTERNAL MODULE: ./src/util/fs-calls.ts
var fs_calls = __webpack_require__(62001);
// EXTERNAL MODULE: ./src/util/node-builtins.ts
var node_builtins = __webpack_require__(53115);
// EXTERNAL MODULE: ./src/util/paths.ts
var paths = __webpack_require__(24964);
;// CONCATENATED MODULE: ./src/sets/stale-files.ts




/** Non-hidden files and links under `directory` (links not followed), relative and '/'-separated, whose sameFileKey `keep` does not hold. */
async function filesNotIn(directory, keep) {
    const found = [];
    const visit = async (dir, relativeDir) => {
        for (const entry of await (0,fs_calls/* readdir */.Cy)(dir, { withFileTypes: true })) {
            if (entry.name.startsWith('.'))
                continue;
            const relative = relativeDir ? `${relativeDir}/${entry.name}` : entry.name;
            if (entry.isDirectory())
                await visit(external_node_path_default().join(dir, entry.name), relative);
            else if (!keep.has((0,paths/* sameFileKey */.ys)(relative)))
                found.push(relative);
        }
    };
    await visit(directory, '');
    return found.sort();
}
/** Of `files` (relative to `directory`), those git tracks; none when `directory` is in no work tree. */
async function trackedOf(directory, files) {
    if (files.length === 0)
        return new Set();
    try {
        const { stdout } = await (0,node_builtins/* execFileText */.zp)('git', ['-c', 'core.quotePath=false', 'ls-files', '-z', '--', '.'], {
            cwd: directory,
            maxBuffer: 256 * 1024 * 1024
        });
        const tracked = new Set(stdout.split('\0').filter(Boolean));
        return new Set(files.filter((file) => tracked.has(file)));
    }
    catch {
        return new Set();
    }
}
/** Removes the directories under `directory` that removing `files` left empty, deepest first. */
async function removeEmptiedFolders(directory, files) {
    const folders = new Set();
    for (const file of files)
        for (let dir = external_node_path_default().posix.dirname(file); dir !== '.'; dir = external_node_path_default().posix.dirname(dir))
            folders.add(dir);
    for (const folder of [...folders].sort((a, b) => b.length - a.length)) {
        await (0,fs_calls/* rmdir */.Nr)(external_node_path_default().join(directory, folder)).catch(() => undefined); // not empty: kept
    }
}
/**
 * Removes what the downloaded set does not have from `directory` (see StaleFiles). Nothing is removed when
 * the folder is or holds the repository `repoPath` (`package-directory: .`): then every file of the
 * checkout would count, so they are only named.
 */
async function removeStaleFiles(directory, setFiles, repoPath) {
    // Compared as the file system compares names: on Windows and macOS `App.js` on disk is the set's `app.js`.
    const stale = await filesNotIn(directory, new Set(setFiles.map(paths/* sameFileKey */.ys)));
    if (stale.length === 0)
        return { removed: [], kept: [] };
    if ((0,paths/* isInside */.FK)(external_node_path_default().resolve(directory), external_node_path_default().resolve(repoPath))) {
        return { removed: [], kept: stale, keptBecause: 'the package directory holds the repository, so nothing in it is removed' };
    }
    const tracked = await trackedOf(directory, stale);
    const removed = stale.filter((file) => !tracked.has(file));
    for (const file of removed) {
        const absolute = external_node_path_default().join(directory, file);
        // lstat first: a link is removed itself, never what it points at.
        if ((await (0,fs_calls/* lstat */.$1)(absolute).catch(() => undefined)) !== undefined)
            await (0,fs_calls.rm)(absolute, { force: true });
    }
    await removeEmptiedFolders(directory, removed);
    const kept = stale.filter((file) => tracked.has(file));
    return { removed, kept, ...(kept.length > 0 ? { keptBecause: 'git tracks them' } : {}) };
}

;// CONCATENATED MODULE: ./src/modes/check.ts









async function missing(settings, commit, codeHash, inputs, location, started, untrusted, missReason) {
    const tierOn = settings.codeHashPatterns.length > 0;
    await (0,check_record/* writeCheckRecord */.F)(settings.packageDirectory, { commit, codeHash, files: 0, bytes: 0, ...(inputs ? { inputs } : {}) }, false);
    if (missReason)
        runner/* info */.pq(`Why no set was found: ${missReason.line}.`);
    return {
        mode: 'check',
        commitHash: commit,
        codeHash,
        location,
        elapsedMs: Date.now() - started,
        untrusted,
        outcome: 'missing',
        found: false,
        source: 'none',
        files: 0,
        bytes: 0,
        ...(missReason ? { missReason } : {}),
        message: tierOn
            ? `No assets for commit ${commit} nor for code hash ${codeHash}: build and upload them.`
            : `No assets for commit ${commit}: build and upload them.`
    };
}
/** Says what removeStaleFiles did: the package directory now holds the set, or which files it kept and why. */
function reportStale(stale, directory) {
    const first = (files) => `${files.slice(0, 10).join(', ')}${files.length > 10 ? ', \u2026' : ''}`;
    if (stale.removed.length > 0)
        runner/* info */.pq(`Removed ${(0,util_text/* plural */.L)(stale.removed.length, 'file')} from ${directory} that the set does not have (${first(stale.removed)}).`);
    if (stale.kept.length > 0)
        runner/* warning */.$e(`${directory} holds ${(0,util_text/* plural */.L)(stale.kept.length, 'file')} the set does not have, kept because ${stale.keptBecause} (${first(stale.kept)}): ` +
            `they are not part of the found build. Point 'package-directory' at a folder only the build writes.`);
}
/** check: is there a stored asset set for this commit, or for the same code under its code hash? */
async function check(settings, sets) {
    const started = Date.now();
    const tierOn = settings.codeHashPatterns.length > 0;
    const commit = await (0,git/* resolveCommit */.WL)(await (0,git/* commitSources */.GN)(settings));
    const prefix = (0,build_key/* setsPrefix */.k$)(settings);
    const location = sets.location(prefix, commit);
    runner/* info */.pq(`Looking for the assets of commit ${commit} in ${location}`);
    let inputs;
    const result = await sets.findOrPromote({
        prefix,
        commit,
        codeHash: tierOn
            ? async () => {
                const key = await (0,build_key/* computeBuildKey */.ZS)(settings);
                inputs = key.inputs;
                return key;
            }
            : undefined,
        concurrency: settings.concurrency,
        legacySets: settings.legacySets,
        platform: (0,platform/* currentPlatform */.jN)(),
        crossPlatform: settings.crossPlatform,
        download: settings.download,
        explainMiss: true
    });
    if (result.found && result.legacy && settings.download) {
        throw new errors/* IntegrityError */.cs(`The assets of commit ${commit} were found by the legacy-sets rule (no manifest), so they cannot be verified and are not downloaded. ` +
            `Rebuild and upload them (which writes a manifest), or turn 'download' off for this step.`);
    }
    if (!result.found)
        return missing(settings, commit, result.codeHash, inputs, location, started, result.untrusted, result.missReason);
    let files = result.manifest?.files ?? [];
    if (settings.download) {
        runner/* info */.pq(`Downloading the assets into ${settings.packageDirectory}`);
        try {
            files = (await sets.download(prefix, commit, result.manifest, settings.packageDirectory, settings.concurrency)).files;
            await reportStale(await removeStaleFiles(settings.packageDirectory, files.map((file) => file.path), settings.repoPath), settings.packageDirectory);
        }
        catch (error) {
            if (error instanceof errors/* UnreadableSetError */.Ir) {
                runner/* warning */.$e(`The assets of commit ${commit} in ${location} cannot be downloaded here: ${error.message}. Treating them as not found, so the build runs.`);
                return missing(settings, commit, result.codeHash, inputs, location, started, result.untrusted, {
                    line: `the set cannot be read by this runtime: ${error.message}`
                });
            }
            // Nothing was kept (downloads take their final names only when every file arrived intact). A set whose
            // objects do not match its manifest is a miss, so the build runs and its upload replaces the set; a
            // set pruned while it downloaded (prune deletes the manifest first) is a miss too.
            if (!(error instanceof errors/* MissingObjectError */.S3) && !(error instanceof errors/* IntegrityError */.cs))
                throw error;
            const gone = error instanceof errors/* MissingObjectError */.S3 && (await sets.stored(prefix, commit)) === undefined;
            runner/* warning */.$e(gone
                ? `The assets of commit ${commit} were deleted while they downloaded (a prune?): treating this as not found.`
                : `The assets of commit ${commit} in ${location} do not match their manifest (${error.message}): nothing was kept; treating them as not found, so the build runs and its upload replaces the set.`);
            return missing(settings, commit, result.codeHash, inputs, location, started, result.untrusted + (gone ? 0 : 1), {
                line: gone ? 'the set was deleted while it downloaded' : 'the stored set does not match its manifest (the next upload replaces it)'
            });
        }
    }
    const fileCount = result.legacy?.files ?? files.length;
    const bytes = result.legacy?.bytes ?? (0,manifest/* totalBytes */.ob)(files);
    await (0,check_record/* writeCheckRecord */.F)(settings.packageDirectory, { commit, codeHash: result.codeHash, files: fileCount, bytes, ...(inputs ? { inputs } : {}) }, true);
    return {
        mode: 'check',
        commitHash: commit,
        codeHash: result.codeHash,
        location,
        elapsedMs: Date.now() - started,
        untrusted: result.untrusted,
        outcome: 'found',
        found: true,
        source: result.source,
        files: fileCount,
        bytes,
        message: result.source === 'commit'
            ? `Found the assets of commit ${commit} (${(0,util_text/* plural */.L)(fileCount, 'file')})${settings.download ? ' and downloaded them' : ''}.`
            : `Found the assets under code hash ${result.codeHash} and copied them to commit ${commit} (${(0,util_text/* plural */.L)(fileCount, 'file')})${settings.download ? ', then downloaded them' : ''}.`
    };
}

// EXTERNAL MODULE: ./src/report/assets-report.ts
var assets_report = __webpack_require__(3528);
;// CONCATENATED MODULE: ./src/report/console-links.ts
/** The AWS console's host for a region's partition. */
function awsConsoleHost(region) {
    if (region.startsWith('cn-'))
        return 'console.amazonaws.cn';
    if (region.startsWith('us-gov-'))
        return 'console.amazonaws-us-gov.com';
    return 's3.console.aws.amazon.com';
}
/**
 * A web console page showing a set's location (`s3://bucket/key/`, `gs://bucket/key/`), where a console
 * exists: the AWS S3 console (the bucket's region included, or it redirects) and the Google Cloud console.
 * Other S3-compatible services, the local store and the Actions cache have none: undefined.
 */
function consoleUrl(location, store) {
    if (store.kind !== 's3' || store.flavor === 'compatible')
        return undefined;
    const match = /^(s3|gs):\/\/([^/]+)\/(.*)$/.exec(location);
    if (!match)
        return undefined;
    const [, , bucket = '', key = ''] = match;
    if (store.flavor === 'gcs') {
        const pathPart = [bucket, ...key.split('/')].map(encodeURIComponent).join('/');
        return `https://console.cloud.google.com/storage/browser/${pathPart}`;
    }
    const query = new URLSearchParams({ region: store.region, bucketType: 'general', prefix: key, showversions: 'false' });
    return `https://${awsConsoleHost(store.region)}/s3/buckets/${encodeURIComponent(bucket)}?${query.toString()}`;
}

;// CONCATENATED MODULE: ./src/report/github.ts



const PR_EVENTS = new Set(['pull_request', 'pull_request_target']);
function commentMarker(instance) {
    return `<!-- s3-asset-manager:${instance} -->`;
}
function statusContext(instance) {
    return `s3-asset-manager/${instance}`;
}
function explainFailure(what, error) {
    const status = error.status;
    const message = error.message ?? String(error);
    if (status === 403 || status === 404) {
        return (`Could not ${what} (HTTP ${status}: ${message}). The token lacks permission: workflows need ` +
            `'permissions: pull-requests: write' (comments) or 'statuses: write' (statuses), and pull requests from forks get a read-only token. Continuing.`);
    }
    return `Could not ${what}: ${message}. Continuing.`;
}
function numberAt(payload, ...path) {
    let value = payload;
    for (const key of path)
        value = value !== null && typeof value === 'object' ? value[key] : undefined;
    return typeof value === 'number' && Number.isSafeInteger(value) && value > 0 ? value : undefined;
}
/**
 * Where to report. The pull request's number comes from the event payload; its head commit only when
 * `payloadBeforeBuild` (a step that read the payload before any build ran: check, apply, auto's main step),
 * since the payload is a file a build can rewrite and a status is a claim about a commit. An upload step's
 * status goes on the commit it stored the assets under.
 */
async function reportTarget(commit, payloadBeforeBuild) {
    const event = process.env.GITHUB_EVENT_NAME ?? '';
    if (!PR_EVENTS.has(event))
        return { statusCommit: commit };
    const payload = await (0,git/* readEventPayload */.N5)();
    const pullRequest = numberAt(payload, 'pull_request', 'number');
    const head = payloadBeforeBuild ? (0,git/* eventHeadCommit */.YB)(payload) : undefined;
    return { ...(pullRequest ? { pullRequest } : {}), statusCommit: head ?? commit };
}
/** The login of the token's own user (a bot's with GITHUB_TOKEN), asked of GraphQL's viewer; undefined when it cannot be told. */
async function tokenLogin(octokit) {
    try {
        const answer = await octokit.graphql('query { viewer { login } }');
        return typeof answer.viewer?.login === 'string' ? answer.viewer.login : undefined;
    }
    catch {
        return undefined;
    }
}
/** Whether a comment was written by `login` (REST names bots `<name>[bot]`, GraphQL's viewer may not). */
function writtenBy(comment, login) {
    const author = comment.user?.login;
    if (!login || !author)
        return false;
    return author === login || (comment.user?.type === 'Bot' && author === `${login}[bot]`);
}
/**
 * Posts the commit status and creates or updates this instance's pull-request comment, as asked. Only a
 * comment the token's own user wrote is ever edited: anyone can post a comment holding our marker. Reporting
 * never fails the step: a missing permission (forks) or an API failure is a warning. Goes through
 * @actions/github, so GITHUB_API_URL (GitHub Enterprise Server) is honoured.
 */
async function reportToGitHub(settings, draw, target) {
    if (!settings.prComment && !settings.commitStatus)
        return;
    // Drawn only when there is somewhere to send it. The runner masks secrets in the log only: what goes to
    // GitHub's API is cleaned here.
    const unredacted = draw();
    const report = { ...unredacted, description: (0,redact/* redact */.E$)(unredacted.description), markdown: (0,redact/* redact */.E$)(unredacted.markdown) };
    const { context, getOctokit } = await Promise.all(/* import() */[__webpack_require__.e(119), __webpack_require__.e(157)]).then(__webpack_require__.bind(__webpack_require__, 50157));
    if (!process.env.GITHUB_REPOSITORY) {
        runner/* warning */.$e('GITHUB_REPOSITORY is not set, so there is no repository to report to; skipping the comment and status.');
        return;
    }
    const octokit = getOctokit(settings.token);
    const { owner, repo } = context.repo;
    const runUrl = context.runId ? `${context.serverUrl}/${owner}/${repo}/actions/runs/${context.runId}` : undefined;
    if (settings.commitStatus) {
        const sha = target.statusCommit;
        try {
            await octokit.rest.repos.createCommitStatus({
                owner,
                repo,
                sha,
                state: report.state,
                context: statusContext(settings.instance),
                description: report.description.slice(0, 140),
                target_url: runUrl
            });
            runner/* info */.pq(`Commit status '${statusContext(settings.instance)}' set on ${sha}: ${report.description}`);
        }
        catch (error) {
            runner/* warning */.$e(explainFailure(`set the commit status on ${sha}`, error));
        }
    }
    if (settings.prComment) {
        const number = target.pullRequest;
        if (number === undefined) {
            runner/* info */.pq(`'pr-comment' is on, but this is a '${context.eventName}' event, not a pull request: no comment.`);
            return;
        }
        const marker = commentMarker(settings.instance);
        const footer = runUrl ? `\n\n<sub>Updated by [run ${context.runId}](${runUrl}) at ${new Date().toISOString()}</sub>` : '';
        const body = `${marker}\n${report.markdown}${footer}`;
        try {
            const [comments, login] = await Promise.all([
                octokit.paginate(octokit.rest.issues.listComments, { owner, repo, issue_number: number, per_page: 100 }),
                tokenLogin(octokit)
            ]);
            const existing = comments.find((comment) => comment.body?.includes(marker) && writtenBy(comment, login));
            if (login === undefined)
                runner/* info */.pq("Could not tell the token's own user (GraphQL viewer): a new comment is posted rather than editing one.");
            if (existing) {
                await octokit.rest.issues.updateComment({ owner, repo, comment_id: existing.id, body });
                runner/* info */.pq(`Updated the comment on pull request #${number}.`);
            }
            else {
                await octokit.rest.issues.createComment({ owner, repo, issue_number: number, body });
                runner/* info */.pq(`Commented on pull request #${number}.`);
            }
        }
        catch (error) {
            runner/* warning */.$e(explainFailure(`comment on pull request #${number}`, error));
        }
    }
}

// EXTERNAL MODULE: ./src/report/markdown.ts
var markdown = __webpack_require__(54285);
// EXTERNAL MODULE: ./src/report/summary.ts
var summary = __webpack_require__(57994);
// EXTERNAL MODULE: ./src/stores/index.ts
var stores = __webpack_require__(92826);
;// CONCATENATED MODULE: ./src/sets/last-used.ts

/**
 * A set's last use, kept in a small object beside its manifest (`<set>/.last-used`) so that the manifest
 * and its signature stay untouched. Check writes it on every hit; prune ages a set by the newer of its
 * manifest's `createdAt` and the marker's date in the listing (the JSON body is for people reading it). It only ever delays a deletion, so it needs no signature.
 */
function lastUsedKey(setPrefix) {
    return `${setPrefix}${constants/* LAST_USED_NAME */.zw}`;
}
async function recordUse(store, setPrefix, now = new Date()) {
    const body = Buffer.from(`${JSON.stringify({ lastUsedAt: now.toISOString() })}\n`);
    await store.put(lastUsedKey(setPrefix), body, { size: body.length, contentType: 'application/json' });
}

// EXTERNAL MODULE: ./src/sets/layout.ts
var layout = __webpack_require__(73267);
// EXTERNAL MODULE: ./src/sets/object-sets.ts + 1 modules
var object_sets = __webpack_require__(35665);
;// CONCATENATED MODULE: ./src/sets/object-asset-sets.ts





/** Asset sets over any object Store (S3, GCS, a directory): objects, manifests and server-side copies. */
class ObjectAssetSets {
    store;
    policy;
    pending = [];
    constructor(store, policy) {
        this.store = store;
        this.policy = policy;
    }
    location(prefix, commit) {
        return this.store.url((0,layout/* commitPrefix */.q8)(prefix, commit));
    }
    async findOrPromote(request) {
        const result = await (0,object_sets/* findOrPromote */.pO)(this.store, request, this.policy);
        if (result.found && !result.legacy) {
            // A promotion wrote a fresh commit set; the set that was used is the code-hash one it came from.
            const used = result.source === 'commit' ? (0,layout/* commitPrefix */.q8)(request.prefix, request.commit) : (0,layout/* codeHashPrefix */._Y)(request.prefix, result.codeHash);
            this.pending.push(recordUse(this.store, used).catch((error) => runner/* info */.pq(`Could not record this use in ${this.store.url(lastUsedKey(used))} (${(0,errors/* errorMessage */.gJ)(error)}); prune will age the set by its creation date.`)));
        }
        return result;
    }
    async flush() {
        await Promise.all(this.pending.splice(0));
    }
    async stored(prefix, commit) {
        const setPrefix = (0,layout/* commitPrefix */.q8)(prefix, commit);
        const state = await (0,object_sets/* inspectSet */.V0)(this.store, setPrefix, this.policy, { commit });
        if (state.state === 'whole')
            return state.manifest;
        return state.state === 'broken' ? { broken: state.problem } : undefined;
    }
    async publish(request) {
        // Loaded only when something is stored: a check starts without packing and uploading.
        const { publish } = await __webpack_require__.e(/* import() */ 225).then(__webpack_require__.bind(__webpack_require__, 36225));
        return publish(this.store, request, this.policy);
    }
    async download(prefix, commit, manifest, directory, concurrency) {
        const setPrefix = (0,layout/* commitPrefix */.q8)(prefix, commit);
        const known = manifest ?? (await (0,object_sets/* readManifest */.WI)(this.store, setPrefix, this.policy, { commit }));
        if (!known)
            throw new Error(`No assets are stored at ${this.store.url(setPrefix)} to download.`);
        // Loaded only when a set is fetched: a check that finds nothing, or only reports a hit, starts without it.
        // Named, so both stores' downloads share one chunk (without a name the bundler wrote download.ts twice).
        const { downloadSet } = await __webpack_require__.e(/* import() | download */ 467).then(__webpack_require__.bind(__webpack_require__, 14797));
        await downloadSet(this.store, setPrefix, known, directory, concurrency);
        return known;
    }
    close() {
        this.store.close();
    }
}

;// CONCATENATED MODULE: ./src/sets/index.ts


/** The asset sets of the configured store; the Actions cache backend is loaded only when chosen. */
async function createAssetSets(settings, concurrency, policy) {
    if (settings.kind === 'actions-cache') {
        const { ActionsCacheSets } = await Promise.all(/* import() */[__webpack_require__.e(119), __webpack_require__.e(640), __webpack_require__.e(100)]).then(__webpack_require__.bind(__webpack_require__, 45719));
        return new ActionsCacheSets(policy);
    }
    return new ObjectAssetSets(await (0,stores.createStore)(settings, concurrency), policy);
}

;// CONCATENATED MODULE: ./src/main.ts














/** Writing an output failed: the runner's GITHUB_OUTPUT file is missing or not writable. */
class OutputError extends Error {
}
/** On a runner outputs go to GITHUB_OUTPUT; elsewhere (Concourse, a shell) they are printed as name=value. */
function setOutput(name, value) {
    if (!process.env.GITHUB_OUTPUT && !process.env.GITHUB_ACTIONS) {
        (0,stdio/* writeStdout */.jQ)(`${name}=${value}\n`);
        return;
    }
    try {
        runner/* setOutput */.uH(name, value);
    }
    catch (error) {
        throw new OutputError(`Could not set the output '${name}': ${(0,markdown/* firstLine */.TM)((0,errors/* errorMessage */.gJ)(error))} (GITHUB_OUTPUT=${process.env.GITHUB_OUTPUT ?? ''}). ` +
            `The runner provides this file; when running the bundle yourself, unset GITHUB_OUTPUT or point it at a writable file.`);
    }
}
function setOutputs(result) {
    setOutput(constants/* Outputs */.tY.Found, String(result.found));
    setOutput(constants/* Outputs */.tY.Source, result.source);
    setOutput(constants/* Outputs */.tY.CommitHash, result.commitHash);
    setOutput(constants/* Outputs */.tY.CodeHash, result.codeHash);
    setOutput(constants/* Outputs */.tY.Location, result.location);
    setOutput(constants/* Outputs */.tY.Files, String(result.files));
    setOutput(constants/* Outputs */.tY.Bytes, String(result.bytes));
    if (result.mode === 'check')
        setOutput(constants/* Outputs */.tY.MissReason, result.missReason?.line ?? '');
}
/**
 * auto's main step leaves what its key was made of in RUNNER_TEMP (the state passed to the post step must stay
 * small), so the post step can name what the build changed. The file's SHA-256 goes into the state, which
 * the runner keeps out of the build's reach: a file the build rewrote is not read. Undefined when there is
 * nothing to leave.
 */
async function saveKeyInputs(result, settings) {
    if (!process.env.RUNNER_TEMP || !result.codeHash)
        return undefined;
    const { readCheckRecord } = await Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 33668));
    const inputs = (await readCheckRecord(settings.packageDirectory))?.inputs;
    if (!inputs)
        return undefined;
    const { serializeInputs } = await Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 34574));
    const { writeFile } = await Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 62001));
    const { sha256Hex } = await Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 89587));
    const { randomHex } = await Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 31245));
    const file = `${process.env.RUNNER_TEMP}/s3-asset-manager-${randomHex(6)}.inputs.json.gz`;
    const bytes = serializeInputs(result.codeHash, inputs);
    await writeFile(file, bytes);
    return { file, sha256: sha256Hex(bytes) };
}
/**
 * Where this step reports: an upload step takes nothing from the event payload but the pull request's
 * number (github.ts); the post step of auto reports where its main step did.
 */
async function targetOf(settings, commit, fromMain) {
    if (!settings.reporting.prComment && !settings.reporting.commitStatus)
        return { statusCommit: commit };
    const target = await reportTarget(commit, settings.mode !== 'upload');
    return fromMain?.statusCommit ? { ...target, statusCommit: fromMain.statusCommit } : target;
}
/** apply: the plan carried out, its outputs, summary and report. Loaded on demand (YAML, the state backend). */
async function runApply(settings) {
    const { apply } = await Promise.all(/* import() */[__webpack_require__.e(243), __webpack_require__.e(448), __webpack_require__.e(946), __webpack_require__.e(225), __webpack_require__.e(289), __webpack_require__.e(593), __webpack_require__.e(5)]).then(__webpack_require__.bind(__webpack_require__, 5005));
    const { applyMarkdown, applyReport, applySummaryHeading } = await __webpack_require__.e(/* import() */ 22).then(__webpack_require__.bind(__webpack_require__, 87022));
    const outcome = await apply(settings);
    runner/* info */.pq(outcome.message);
    setOutput(constants/* Outputs */.tY.Changes, String(outcome.changes));
    setOutput(constants/* Outputs */.tY.Plan, JSON.stringify(outcome.plan));
    setOutput(constants/* Outputs */.tY.ToolOutputs, JSON.stringify(outcome.outputs));
    setOutput(constants/* Outputs */.tY.Found, String(outcome.found));
    setOutput(constants/* Outputs */.tY.CommitHash, outcome.commitHash);
    await (0,summary.writeSummaryMarkdown)(applyMarkdown(outcome, applySummaryHeading(outcome)));
    await reportToGitHub(settings.reporting, () => applyReport(outcome, settings.reporting.instance), await targetOf(settings, outcome.commitHash));
}
async function runPrune(settings) {
    const { prune } = await __webpack_require__.e(/* import() */ 618).then(__webpack_require__.bind(__webpack_require__, 98618));
    const { pruneMarkdown } = await __webpack_require__.e(/* import() */ 901).then(__webpack_require__.bind(__webpack_require__, 47901));
    const outcome = await prune(settings);
    runner/* info */.pq(outcome.message);
    setOutput(constants/* Outputs */.tY.PrunedSets, String(outcome.prunedSets));
    setOutput(constants/* Outputs */.tY.PrunedObjects, String(outcome.prunedObjects));
    setOutput(constants/* Outputs */.tY.PrunedBytes, String(outcome.prunedBytes));
    setOutput(constants/* Outputs */.tY.KeptSets, String(outcome.keptSets));
    await (0,summary.writeSummaryMarkdown)(pruneMarkdown(outcome, `### S3 Asset Manager \u2014 prune${outcome.planOnly ? ' (plan only)' : ''}`));
}
async function runDoctor(settings) {
    const { doctor } = await __webpack_require__.e(/* import() */ 257).then(__webpack_require__.bind(__webpack_require__, 74257));
    const { doctorMarkdown } = await __webpack_require__.e(/* import() */ 554).then(__webpack_require__.bind(__webpack_require__, 14554));
    const outcome = await doctor(settings, settings.doctorModes);
    runner/* info */.pq(outcome.message);
    await (0,summary.writeSummaryMarkdown)(doctorMarkdown(outcome, '### S3 Asset Manager \u2014 doctor'));
    // The summary holds the table already: the failure adds nothing to it (summaryWritten), the log points up.
    if (outcome.blocked.size > 0)
        throw Object.assign(new errors/* StoreError */.AD(`${outcome.message} The rows above say what to do.`), { summaryWritten: true });
}
/** check, upload and auto's main step: one asset-set lookup or store, its outputs, summary and report. */
async function runAssets(settings, fromMain) {
    if (settings.mode === 'auto' && !process.env.GITHUB_ACTIONS && !settings.autoRun) {
        throw new errors/* InputError */.dz(`mode 'auto' checks now and uploads in the runner's post step, which only GitHub Actions runs. Here, give it the build: ` +
            `node dist/index.js auto --run 'npm ci && npm run build' (it checks, runs the build on a miss, then uploads), or run 'check', build, then 'upload'.`);
    }
    const sets = await createAssetSets(settings.store, settings.concurrency, settings.policy);
    let built;
    try {
        // upload and its packing are loaded only when storing: a check (every job's first step) starts without them.
        const ran = settings.mode === 'upload'
            ? await (await __webpack_require__.e(/* import() */ 943).then(__webpack_require__.bind(__webpack_require__, 94943))).upload(settings, sets, fromMain?.preBuild)
            : await check(settings, sets);
        const unsigned = settings.policy.unsigned && (ran.mode === 'upload' || settings.codeHashPatterns.length > 0) ? settings.policy.unsigned : undefined;
        const result = { ...ran, locationUrl: consoleUrl(ran.location, settings.store), ...(unsigned ? { unsigned } : {}) };
        runner/* info */.pq(result.message);
        setOutputs(result);
        await (0,summary/* writeSummary */.S)(result);
        const target = await targetOf(settings, result.commitHash, fromMain);
        await reportToGitHub(settings.reporting, () => (0,assets_report/* assetsReport */.e7)(result, settings.reporting.instance), target);
        if (settings.mode === 'auto') {
            const inputs = result.found ? undefined : await saveKeyInputs(result, settings);
            const state = {
                found: result.found,
                commit: result.commitHash,
                packageDirectory: settings.packageDirectory,
                ...(result.codeHash ? { codeHash: result.codeHash } : {}),
                ...(inputs ? { inputsFile: inputs.file, inputsSha256: inputs.sha256 } : {}),
                ...(target.statusCommit !== result.commitHash ? { statusCommit: target.statusCommit } : {})
            };
            if (settings.autoRun) {
                built = state;
            }
            else {
                runner/* saveState */.LZ(constants/* State */.Uw.Auto, JSON.stringify(state));
                if (!result.found)
                    runner/* info */.pq(`Build into ${settings.packageDirectory}: the post step uploads it when the job succeeds.`);
            }
        }
    }
    finally {
        // After the outputs: recording a hit's use must not delay the steps that wait on `found`.
        await sets.flush();
        sets.close();
    }
    if (built && !built.found)
        await buildThenUpload(settings, built);
}
/** What each mode runs, after the inputs are read; outputs, summary and report are each mode's own. */
const RUN_MODE = {
    check: runAssets,
    upload: runAssets,
    auto: runAssets,
    apply: runApply,
    prune: runPrune,
    doctor: runDoctor
};
function runMode(settings, fromMain) {
    return RUN_MODE[settings.mode](settings, fromMain);
}
/**
 * `auto --run <command>` outside GitHub: what the job's build step and auto's post step do, in this process.
 * The key computed before the build is held here, where the build cannot reach it, as the runner's state is.
 */
async function buildThenUpload(settings, state) {
    const { readCheckRecord } = await Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 33668));
    const inputs = state.codeHash ? (await readCheckRecord(settings.packageDirectory))?.inputs : undefined;
    const preBuild = state.codeHash ? { key: state.codeHash, ...(inputs ? { inputs } : {}) } : undefined;
    runner/* info */.pq(`Building: ${settings.autoRun}`);
    const { spawn } = await Promise.resolve(/* import() */).then(__webpack_require__.t.bind(__webpack_require__, 31421, 23));
    const code = await new Promise((resolve, reject) => {
        const child = spawn(settings.autoRun, { shell: true, stdio: ['ignore', 'inherit', 'inherit'] });
        child.once('error', reject);
        child.once('exit', (exit, signal) => resolve(exit ?? (signal ? 128 : 1)));
    });
    if (code !== 0)
        throw new BuildFailedError(`The build command exited with code ${code}: nothing was uploaded (${settings.autoRun}).`);
    const { listPackageFiles } = await __webpack_require__.e(/* import() */ 736).then(__webpack_require__.bind(__webpack_require__, 54355));
    const { EmptyPackageError } = await Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 83916));
    const empty = await listPackageFiles(state.packageDirectory).then(() => false, (error) => {
        if (error instanceof EmptyPackageError)
            return true;
        throw error;
    });
    if (empty) {
        runner/* warning */.$e(`The build succeeded but ${state.packageDirectory} holds no files: it produced nothing to upload. Check the build's output directory against 'package-directory'.`);
        return;
    }
    await runMode({ ...settings, mode: 'upload', commit: state.commit, packageDirectory: state.packageDirectory }, preBuild ? { preBuild } : {});
}
/** `auto --run`'s build command failed: nothing is uploaded, as the post step does not run after a failed job. */
class BuildFailedError extends Error {
}
/** A failed step's summary and PR report still say what happened; a failure here only warns. */
async function reportFailure(settings, error) {
    if (error instanceof OutputError || error?.summaryWritten)
        return;
    const mode = settings?.mode ?? (runner/* getInput */.V4('mode') || process.argv[2] || 'step');
    try {
        if (error instanceof apply_outcome/* ApplyFailedError */._) {
            const { applyMarkdown, applyReport, applySummaryHeading } = await __webpack_require__.e(/* import() */ 22).then(__webpack_require__.bind(__webpack_require__, 87022));
            await (0,summary.writeSummaryMarkdown)(applyMarkdown(error.outcome, applySummaryHeading(error.outcome)));
            if (settings) {
                const target = await targetOf(settings, error.outcome.commitHash);
                await reportToGitHub(settings.reporting, () => applyReport(error.outcome, settings.reporting.instance), target);
            }
            return;
        }
        await (0,summary.writeSummaryMarkdown)((0,summary/* failureMarkdown */.A)(mode, (0,errors/* errorMessage */.gJ)(error)));
    }
    catch (reportError) {
        runner/* warning */.$e((0,errors/* errorMessage */.gJ)(reportError));
    }
}
/** The post step of `mode: auto`: the upload, with the commit, directory and code hash the main step checked. */
async function runUploadAfterAuto(state) {
    let preBuild;
    if (state.codeHash) {
        const { readKeyInputsFile } = await Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 34574));
        const recorded = state.inputsFile && state.inputsSha256 ? await readKeyInputsFile(state.inputsFile, state.inputsSha256) : undefined;
        preBuild = { key: state.codeHash, ...(recorded?.key === state.codeHash ? { inputs: recorded.inputs } : {}) };
    }
    return run((settings) => ({ ...settings, mode: 'upload', commit: state.commit, packageDirectory: state.packageDirectory }), {
        ...(preBuild ? { preBuild } : {}),
        ...(state.statusCommit ? { statusCommit: state.statusCommit } : {})
    });
}
/**
 * The action's entry: reads the inputs (adjusted by the post step), runs the mode, sets outputs; the one
 * place that fails the step.
 */
async function run(adjust = (settings) => settings, fromMain) {
    let settings;
    try {
        settings = adjust(getInputs());
        await runMode(settings, fromMain);
    }
    catch (thrown) {
        // A step stopped by a signal says so, with what it left, whatever the stop looked like where it happened.
        const error = (0,cancellation/* cancelledBy */.tK)() ? (0,cancellation/* asCancellation */.Cz)(thrown, 'nothing was left half-done') : thrown;
        await reportFailure(settings, error);
        try {
            // `found` is always set, so a later `if:` never reads an empty string.
            setOutput(constants/* Outputs */.tY.Found, 'false');
        }
        catch {
            // The outputs file is what failed; the message below says so.
        }
        runner/* setFailed */.C1((0,errors/* errorMessage */.gJ)(error));
        process.exitCode = (0,errors/* exitCodeOf */.FO)(error);
    }
}


/***/ }),

/***/ 52685:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   _: () => (/* binding */ ApplyFailedError)
/* harmony export */ });
/** A change failed: carries the outcome so far, so the summary can show what was applied and what failed. */
class ApplyFailedError extends Error {
    outcome;
    constructor(message, outcome, options) {
        super(message, options);
        this.outcome = outcome;
        this.name = 'ApplyFailedError';
    }
}


/***/ }),

/***/ 89314:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   ZS: () => (/* binding */ computeBuildKey),
/* harmony export */   k$: () => (/* binding */ setsPrefix)
/* harmony export */ });
/* unused harmony export actionOutputs */
/* harmony import */ var _sets_layout_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73267);
/* harmony import */ var _runner_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(74813);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _constants_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(27242);
/* harmony import */ var _settings_read_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(36765);
/* harmony import */ var _util_progress_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(65365);
/* harmony import */ var _util_text_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(49997);
/* harmony import */ var _sets_platform_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(47102);








/** What the action itself writes, wherever it lies: never an input of the build it keys. */
function actionOutputs(settings) {
    const outputs = [settings.packageDirectory];
    if (settings.store.kind === 'local')
        outputs.push(settings.store.root);
    if (settings.store.kind === 'actions-cache')
        outputs.push(node_path__WEBPACK_IMPORTED_MODULE_2___default().join(process.env.RUNNER_TEMP || process.cwd(), _constants_js__WEBPACK_IMPORTED_MODULE_3__/* .CACHE_STAGE */ .y));
    return outputs;
}
/**
 * The code-hash set key of this run: the files `code-hash-paths` match (never the package directory, a
 * local store or this action's files in the repository), the digests of `code-hash-env`'s values and of
 * `code-hash-key` (hashing/set-key.ts). Logs how it was computed.
 */
async function computeBuildKey(settings) {
    const started = Date.now();
    // Loaded only when a key is needed: a commit hit never pays for the glob libraries.
    const { computeCodeHash, outputExclusions, sourcesInOutput, sourcesInOutputError } = await Promise.all(/* import() */[__webpack_require__.e(448), __webpack_require__.e(946)]).then(__webpack_require__.bind(__webpack_require__, 60946));
    const { envIngredients, setKey } = await Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 34574));
    const { sha256Hex } = await Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 89587));
    const exclude = outputExclusions(settings.repoPath, actionOutputs(settings), _constants_js__WEBPACK_IMPORTED_MODULE_3__/* .ACTION_FILES */ .JN);
    const checkOutputs = (hashed) => {
        const sources = sourcesInOutput(hashed, settings.repoPath, settings.packageDirectory);
        if (sources.length === 0)
            return;
        const given = Boolean((0,_settings_read_js__WEBPACK_IMPORTED_MODULE_4__/* .rawInput */ .JR)(_constants_js__WEBPACK_IMPORTED_MODULE_3__/* .Inputs */ .G0.PackageDirectory) || process.env.PACKAGE_DIRECTORY?.trim());
        throw sourcesInOutputError(sources, `'${_constants_js__WEBPACK_IMPORTED_MODULE_3__/* .Inputs */ .G0.PackageDirectory}'${given ? '' : ' (its default, ./packages)'}`, node_path__WEBPACK_IMPORTED_MODULE_2___default().relative(settings.repoPath, settings.packageDirectory) || '.', `Set '${_constants_js__WEBPACK_IMPORTED_MODULE_3__/* .Inputs */ .G0.PackageDirectory}' to the folder the build writes (such as 'dist' or 'build-output'), or leave these files out of 'code-hash-paths'.`);
    };
    const result = await computeCodeHash(settings.repoPath, settings.codeHashPatterns, { exclude, checkOutputs });
    const inputs = {
        filesHash: result.hash,
        files: result.entries,
        env: envIngredients(settings.codeHashEnv),
        ...(settings.codeHashKey ? { keyText: sha256Hex(settings.codeHashKey) } : {}),
        platform: (0,_sets_platform_js__WEBPACK_IMPORTED_MODULE_6__/* .currentPlatform */ .jN)()
    };
    const key = setKey(inputs);
    const how = result.method === 'git'
        ? `ids from git's index, ${(0,_util_text_js__WEBPACK_IMPORTED_MODULE_7__/* .plural */ .L)(result.hashed, 'file')} read: changed, untracked, or written as the index was`
        : `every file hashed, ${(0,_util_progress_js__WEBPACK_IMPORTED_MODULE_5__/* .formatBytes */ .z)(result.bytes)}, no git work tree at ${settings.repoPath}`;
    const extra = [
        ...(settings.codeHashEnv.length > 0 ? [`the values of ${settings.codeHashEnv.join(', ')}`] : []),
        ...(settings.codeHashKey ? ['code-hash-key'] : [])
    ];
    _runner_js__WEBPACK_IMPORTED_MODULE_1__/* .info */ .pq(`Code hash ${key} over ${(0,_util_text_js__WEBPACK_IMPORTED_MODULE_7__/* .plural */ .L)(result.files, 'file')}${extra.length > 0 ? ` and ${extra.join(' and ')}` : ''} (${how}) in ${Date.now() - started} ms.`);
    if (exclude.length > 0)
        _runner_js__WEBPACK_IMPORTED_MODULE_1__/* .info */ .pq(`Never hashed, as outputs: ${exclude.join(', ')}${result.excluded > 0 ? ` (${(0,_util_text_js__WEBPACK_IMPORTED_MODULE_7__/* .plural */ .L)(result.excluded, 'tracked file')} the patterns match)` : ''}.`);
    return { key, inputs };
}
/** The key prefix sets of this run live under: the store prefix and the variant's folder. */
function setsPrefix(settings) {
    return (0,_sets_layout_js__WEBPACK_IMPORTED_MODULE_0__/* .variantPrefix */ .OH)(settings.store.prefix, settings.variant);
}


/***/ }),

/***/ 33668:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   F: () => (/* binding */ writeCheckRecord),
/* harmony export */   readCheckRecord: () => (/* binding */ readCheckRecord),
/* harmony export */   v: () => (/* binding */ hasFoundMarker)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _util_fs_calls_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(62001);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _constants_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(27242);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(83916);
/* harmony import */ var _git_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(71243);
/* harmony import */ var _hashing_set_key_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(34574);
/* harmony import */ var _sets_package_directory_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(62139);








/**
 * Leaves the record, the original tool's files and the `.found` marker in the package directory. Each is
 * written whole under a temporary name and renamed into place, so a symlink the checkout planted at one
 * of these names is replaced, never written through.
 */
async function writeCheckRecord(directory, record, found) {
    const root = await (0,_sets_package_directory_js__WEBPACK_IMPORTED_MODULE_7__/* .preparePackageDirectory */ .Bd)(directory, { create: true });
    const { inputs, ...fields } = record;
    const stored = inputs ? { ...fields, inputs: (0,_hashing_set_key_js__WEBPACK_IMPORTED_MODULE_6__/* .inputsRecord */ .Z_)(record.codeHash, inputs) } : fields;
    await (0,_sets_package_directory_js__WEBPACK_IMPORTED_MODULE_7__/* .writeFileNoFollow */ .qI)(root, _constants_js__WEBPACK_IMPORTED_MODULE_3__/* .CHECK_RECORD */ .Ll, `${JSON.stringify(stored)}\n`);
    await (0,_sets_package_directory_js__WEBPACK_IMPORTED_MODULE_7__/* .writeFileNoFollow */ .qI)(root, _constants_js__WEBPACK_IMPORTED_MODULE_3__/* .SEED_COMMIT_FILE */ .LY, record.commit);
    if (record.codeHash)
        await (0,_sets_package_directory_js__WEBPACK_IMPORTED_MODULE_7__/* .writeFileNoFollow */ .qI)(root, _constants_js__WEBPACK_IMPORTED_MODULE_3__/* .SEED_CODE_HASH_FILE */ .E1, record.codeHash);
    else
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.rmSync)(node_path__WEBPACK_IMPORTED_MODULE_2___default().join(root, _constants_js__WEBPACK_IMPORTED_MODULE_3__/* .SEED_CODE_HASH_FILE */ .E1), { force: true });
    // A marker left from an earlier run would make upload skip assets that are not there.
    if (found)
        await (0,_sets_package_directory_js__WEBPACK_IMPORTED_MODULE_7__/* .writeFileNoFollow */ .qI)(root, _constants_js__WEBPACK_IMPORTED_MODULE_3__/* .FOUND_MARKER */ .OX, '');
    else
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.rmSync)(node_path__WEBPACK_IMPORTED_MODULE_2___default().join(root, _constants_js__WEBPACK_IMPORTED_MODULE_3__/* .FOUND_MARKER */ .OX), { force: true });
}
/** Reads a file of ours in the package directory: capped, never through a symlink; a larger one counts as absent. */
async function readSmall(directory, name) {
    try {
        return await (0,_sets_package_directory_js__WEBPACK_IMPORTED_MODULE_7__/* .readFileNoFollow */ .tk)(directory, name, _constants_js__WEBPACK_IMPORTED_MODULE_3__/* .READ_LIMITS */ .Cl.checkRecord);
    }
    catch (error) {
        if (error instanceof _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .OversizedError */ .wF)
            return undefined;
        throw error;
    }
}
async function readCheckRecord(directory) {
    try {
        const data = JSON.parse((await readSmall(directory, _constants_js__WEBPACK_IMPORTED_MODULE_3__/* .CHECK_RECORD */ .Ll)) ?? '');
        // The build can write this file: only well-formed hashes may name a store key.
        if ((0,_git_js__WEBPACK_IMPORTED_MODULE_5__/* .isCommitHash */ .EX)(data.commit) && typeof data.codeHash === 'string' && isStoredCodeHash(data.codeHash)) {
            const inputs = (0,_hashing_set_key_js__WEBPACK_IMPORTED_MODULE_6__/* .readInputsRecord */ .JM)(data.inputs);
            return {
                commit: data.commit.toLowerCase(),
                codeHash: data.codeHash,
                files: Number(data.files) || 0,
                bytes: Number(data.bytes) || 0,
                ...(inputs && inputs.key === data.codeHash ? { inputs: inputs.inputs } : {})
            };
        }
    }
    catch {
        // No record of ours: a package directory the original tool's check filled, or none at all.
    }
    return readSeedFiles(directory);
}
/** '' (no code-hash tier) or a code hash as the store's keys hold them: 32 to 64 lower-case hex characters. */
const isStoredCodeHash = (text) => text === '' || /^[0-9a-f]{32,64}$/.test(text);
/** `.commit-hash` / `.code-hash` as the original check writes them; undefined without a valid commit. */
async function readSeedFiles(directory) {
    const read = async (name) => (await readSmall(directory, name))?.trim();
    const commit = await read(_constants_js__WEBPACK_IMPORTED_MODULE_3__/* .SEED_COMMIT_FILE */ .LY);
    if (!(0,_git_js__WEBPACK_IMPORTED_MODULE_5__/* .isCommitHash */ .EX)(commit) || commit !== commit.toLowerCase())
        return undefined;
    const codeHash = (await read(_constants_js__WEBPACK_IMPORTED_MODULE_3__/* .SEED_CODE_HASH_FILE */ .E1)) ?? '';
    return { commit, codeHash: isStoredCodeHash(codeHash) ? codeHash : '', files: 0, bytes: 0 };
}
/** Whether check left the `.found` marker: a real file (a symlink planted under that name does not count). */
async function hasFoundMarker(directory) {
    return (0,_util_fs_calls_js__WEBPACK_IMPORTED_MODULE_1__/* .lstat */ .$1)(node_path__WEBPACK_IMPORTED_MODULE_2___default().join(directory, _constants_js__WEBPACK_IMPORTED_MODULE_3__/* .FOUND_MARKER */ .OX)).then((info) => info.isFile(), () => false);
}


/***/ }),

/***/ 97464:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   j: () => (/* binding */ underClaim)
/* harmony export */ });
/* unused harmony export claimSet */
/* harmony import */ var _runner_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(74813);
/* harmony import */ var _constants_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(27242);
/* harmony import */ var _util_cancellation_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(76601);
/* harmony import */ var _util_random_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(31245);




/**
 * Who may write a set. Every run that writes a set (an upload, a promotion, the code-hash copy) first
 * claims it, writes only while it holds the claim, and releases it when done; a run that finds the set
 * claimed waits, and when the holder stored the set meanwhile it says so and writes nothing.
 *
 * A claim is Lamport's bakery over object names under `<set>.claims/`, which needs nothing of the store
 * but puts and a listing that shows what was written (every S3 and GCS bucket, a directory) \u2014 no
 * conditional headers (s3rver and some S3-compatible servers ignore them): announce `c-<id>` (choosing),
 * take a ticket one above every ticket listed, write `t-<ticket>-<id>`; then wait while a run is choosing
 * (its `c-` without a ticket) or holds a smaller (ticket, id); release by deleting both (one request).
 * No two runs hold a set at once. A role without s3:DeleteObject (check and upload need none otherwise)
 * releases by writing `r-<id>` instead, and leaves those few bytes for prune to delete with the set. A
 * holder renews its ticket (rewrites it) every quarter lease; a claim not renewed for a lease \u2014 its run was
 * killed \u2014 is passed over. Ages are the store's own Last-Modified times, compared with this run's own
 * ticket in the same listing, so clocks never need to agree.
 */
/** How long a claim stands without renewal before others pass it over (SAM_CLAIM_LEASE_SECONDS for tests). */
function leaseMs() {
    const seconds = Number(process.env.SAM_CLAIM_LEASE_SECONDS);
    return (Number.isFinite(seconds) && seconds > 0 ? seconds : 60) * 1000;
}
const TICKET = /^t-(\d{12})-([0-9a-f]{16})$/;
const CHOOSING = /^c-([0-9a-f]{16})$/;
const RELEASED = /^r-([0-9a-f]{16})$/;
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
/** Who holds a claim, for the log: the run that wrote it, as far as the claim says. */
function holderText(claim) {
    const run = claim?.run;
    const parts = [run?.workflow && `workflow '${run.workflow}'`, run?.id && `run ${run.id}`, run?.actor && `started by ${run.actor}`];
    return parts.filter(Boolean).join(', ') || 'another run';
}
/** Claims the set under `setPrefix` (see the top of this file); waits while another run holds it. */
async function claimSet(store, setPrefix, options) {
    const lease = leaseMs();
    const directory = `${setPrefix}${_constants_js__WEBPACK_IMPORTED_MODULE_1__/* .CLAIMS_FOLDER */ .zN}`;
    const id = (0,_util_random_js__WEBPACK_IMPORTED_MODULE_3__.randomHex)(8);
    const body = Buffer.from(`${JSON.stringify({
        id,
        run: { id: process.env.GITHUB_RUN_ID, workflow: process.env.GITHUB_WORKFLOW, actor: process.env.GITHUB_ACTOR }
    })}\n`);
    const write = (name, evenIfCancelled = false) => store.put(directory + name, body, { size: body.length, contentType: 'application/json', evenIfCancelled });
    /** Each run's newest state in a listing: choosing, holding a ticket, or released; and when it last wrote. */
    const parse = (listing) => {
        const runs = new Map();
        for (const object of listing) {
            const name = object.key.slice(directory.length);
            const match = TICKET.exec(name) ?? CHOOSING.exec(name) ?? RELEASED.exec(name);
            if (!match)
                continue;
            const runId = match.length === 3 ? match[2] : match[1];
            const run = runs.get(runId) ?? { released: false, at: 0, name };
            if (name.startsWith('t-'))
                Object.assign(run, { ticket: Number(match[1]), name });
            if (name.startsWith('r-'))
                run.released = true;
            run.at = Math.max(run.at, object.lastModified.getTime());
            runs.set(runId, run);
        }
        return runs;
    };
    let mine;
    /** A renewal still in flight: release waits for it, or the ticket it rewrites would outlive the delete. */
    let renewing = Promise.resolve();
    /** Deletes this run's claim objects in one request, else (a role without s3:DeleteObject) marks them released. */
    const release = async () => {
        await renewing;
        const names = [`${directory}c-${id}`, ...(mine ? [directory + mine] : [])];
        const removed = await store.deleteMany(names).then(() => true, () => false);
        if (!removed)
            await write(`r-${id}`, true).catch(() => undefined);
    };
    let ticket = 0;
    let renewedAt = Date.now();
    let waitedSince;
    let pause = 200;
    let runs;
    // Everything from the first write on is undone on the way out: a cancelled request may still have
    // been stored, so even a claim cut short while announcing itself is deleted.
    try {
        await write(`c-${id}`);
        runs = parse(await store.list(directory));
        ticket = 1 + Math.max(0, ...[...runs.values()].map((run) => run.ticket ?? 0));
        mine = `t-${String(ticket).padStart(12, '0')}-${id}`;
        await write(mine);
        for (;;) {
            (0,_util_cancellation_js__WEBPACK_IMPORTED_MODULE_2__/* .throwIfCancelled */ .dZ)();
            runs = parse(await store.list(directory));
            const now = runs.get(id)?.at ?? Date.now();
            const ahead = [...runs.entries()].filter(([runId, run]) => runId !== id &&
                !run.released &&
                now - run.at <= lease &&
                (run.ticket === undefined || run.ticket < ticket || (run.ticket === ticket && runId < id)));
            if (ahead.length === 0)
                break;
            if (await options.storedMeanwhile()) {
                await release();
                return { storedMeanwhile: true };
            }
            if (waitedSince === undefined) {
                waitedSince = Date.now();
                const first = ahead.find(([, run]) => run.ticket !== undefined) ?? ahead[0];
                const holder = await store
                    .readText(directory + first[1].name, 4096)
                    .then((text) => (text ? JSON.parse(text) : undefined))
                    .catch(() => undefined);
                _runner_js__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(`${options.what} is being written by ${holderText(holder)}: waiting for it (a claim not renewed for ${lease / 1000} s is passed over).`);
            }
            await sleep(pause);
            pause = Math.min(2000, Math.round(pause * 1.5));
            // A waiting run renews too: a run ahead of it must not take it for a dead one.
            if (Date.now() - renewedAt > lease / 4) {
                await write(mine);
                renewedAt = Date.now();
            }
        }
    }
    catch (error) {
        await release();
        throw error;
    }
    if (waitedSince !== undefined)
        _runner_js__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(`${options.what}: the run ahead finished without storing it; this run writes it.`);
    const ticketName = mine;
    const renew = setInterval(() => {
        renewing = write(ticketName).catch(() => undefined);
    }, lease / 4);
    renew.unref();
    return {
        held: {
            async release() {
                clearInterval(renew);
                await release();
            }
        }
    };
}
/** Runs `write` while holding the set's claim; undefined when another run stored the set while this one waited. */
async function underClaim(store, setPrefix, options, write) {
    const outcome = await claimSet(store, setPrefix, options);
    if ('storedMeanwhile' in outcome)
        return undefined;
    try {
        return await write();
    }
    finally {
        await outcome.held.release();
    }
}


/***/ }),

/***/ 73267:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Bc: () => (/* binding */ siblingPrefix),
/* harmony export */   F4: () => (/* binding */ isSetBookkeeping),
/* harmony export */   OH: () => (/* binding */ variantPrefix),
/* harmony export */   Rn: () => (/* binding */ manifestKey),
/* harmony export */   Y3: () => (/* binding */ parseSetRoot),
/* harmony export */   _Y: () => (/* binding */ codeHashPrefix),
/* harmony export */   jg: () => (/* binding */ newestPointerKey),
/* harmony export */   q8: () => (/* binding */ commitPrefix),
/* harmony export */   sQ: () => (/* binding */ cacheEntryKey)
/* harmony export */ });
/* unused harmony export setSegment */
/* harmony import */ var _constants_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(27242);

/** A set's own segment under its family: `artifacts/<commit>/` or `cache/<code-hash>/`. */
function setSegment(tier, id) {
    return `${tier}/${id}/`;
}
/** Where a commit's asset set lives: `<prefix>artifacts/<commit>/`. */
function commitPrefix(prefix, commit) {
    return `${prefix}${setSegment('artifacts', commit)}`;
}
/** Where the same assets live keyed by code hash: `<prefix>cache/<code-hash>/`. */
function codeHashPrefix(prefix, codeHash) {
    return `${prefix}${setSegment('cache', codeHash)}`;
}
/**
 * A set root: `artifacts/` + a commit (40 hex, or 64 for SHA-256 repositories) or `cache/` + a code hash,
 * at the top of the prefix or under folders (apply keeps each instance under `<instance>/`). The first
 * such segment pair of a key wins, so a set's own files never start a set.
 */
const SET_ROOT = /^((?:[^/]+\/)*?)(artifacts\/([0-9a-f]{40}|[0-9a-f]{64})|cache\/([0-9a-f]{32,64}))\//;
/** The set a key (relative to the store prefix) belongs to, or undefined for keys outside any set. */
function parseSetRoot(relativeKey) {
    const match = SET_ROOT.exec(relativeKey);
    if (!match)
        return undefined;
    return { family: match[1], tier: match[3] ? 'artifacts' : 'cache', id: (match[3] ?? match[4]), root: match[0] };
}
/** The same family's set of another tier and id: a commit set's code-hash sibling, for example. */
function siblingPrefix(set, tier, id) {
    return `${set.root.slice(0, set.root.length - setSegment(set.tier, set.id).length)}${setSegment(tier, id)}`;
}
/**
 * The Actions cache has flat keys, not folders: a set is one entry, `<prefix>artifacts-<commit>` or
 * `<prefix>cache-<code-hash>`.
 */
function cacheEntryKey(prefix, tier, id) {
    return `${prefix}${tier}-${id}`;
}
function manifestKey(setPrefix) {
    return `${setPrefix}${_constants_js__WEBPACK_IMPORTED_MODULE_0__/* .MANIFEST_NAME */ .ir}`;
}
/**
 * Whether a key under a set (relative to its root) is the set's own bookkeeping \u2014 its manifest, the last-use
 * marker, a run's claim under `.claims/` \u2014 rather than one of its files. Bookkeeping alone is not a set: a
 * claim is there while an upload runs, a marker may outlive a set prune deleted under a check.
 */
function isSetBookkeeping(relativeKey) {
    return relativeKey === _constants_js__WEBPACK_IMPORTED_MODULE_0__/* .MANIFEST_NAME */ .ir || relativeKey === _constants_js__WEBPACK_IMPORTED_MODULE_0__/* .LAST_USED_NAME */ .zw || relativeKey.startsWith(_constants_js__WEBPACK_IMPORTED_MODULE_0__/* .CLAIMS_FOLDER */ .zN);
}
/**
 * The prefix sets live under for a variant: `<prefix>variants/<variant>/`, so variants (platforms, flavours)
 * are kept apart in both tiers and prune keeps its newest sets per variant. No variant: `<prefix>` itself,
 * exactly the original layout.
 */
function variantPrefix(prefix, variant) {
    return variant ? `${prefix}variants/${variant}/` : prefix;
}
/** A pointer to the newest code-hash set under a prefix (`{"key":\u2026}`): the build a miss is compared with. */
function newestPointerKey(prefix) {
    return `${prefix}cache/.newest.json`;
}


/***/ }),

/***/ 99640:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Fg: () => (/* binding */ PACKS_DIRECTORY),
/* harmony export */   MZ: () => (/* binding */ serializeManifest),
/* harmony export */   Tz: () => (/* binding */ setObjects),
/* harmony export */   VH: () => (/* binding */ isSafeRelativePath),
/* harmony export */   cW: () => (/* binding */ INPUTS_NAME),
/* harmony export */   k9: () => (/* binding */ filesByPack),
/* harmony export */   kP: () => (/* binding */ usableManifest),
/* harmony export */   ob: () => (/* binding */ totalBytes),
/* harmony export */   u1: () => (/* binding */ buildManifest),
/* harmony export */   v: () => (/* binding */ builtUnder)
/* harmony export */ });
/* unused harmony exports parseManifest, parseManifestDocument */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(83916);
/* harmony import */ var _signing_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(63330);
/* harmony import */ var _tar_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(56922);



/** The most padding a tar member's bytes take up to their 512-byte block. */
const BLOCK_PADDING_MAX = 511;
const PACKS_DIRECTORY = '.packs/';
/** Beside a code-hash set's manifest: what its key was made of (see hashing/set-key.ts), gzipped JSON. */
const INPUTS_NAME = '.inputs.json.gz';
function totalBytes(files) {
    return files.reduce((sum, file) => sum + file.size, 0);
}
/**
 * A relative path that stays inside its set: POSIX separators, no empty, '.' or '..' segment, not absolute.
 * Manifests are read from a store other people can write to, so this is checked on every read.
 */
function isSafeRelativePath(candidate) {
    if (candidate.length === 0 || candidate.startsWith('/') || candidate.includes('\\') || candidate.includes('\0'))
        return false;
    return candidate.split('/').every((segment) => segment !== '' && segment !== '.' && segment !== '..');
}
/** The objects to copy or delete for a set: its packs and the files that are not in one. */
function setObjects(manifest) {
    return [...(manifest.packs ?? []), ...manifest.files.filter((file) => file.pack === undefined)];
}
function buildManifest(fields, now = new Date()) {
    const packed = fields.packs !== undefined && fields.packs.length > 0;
    return {
        version: fields.packs?.some((pack) => pack.encoding !== undefined) ? 3 : packed ? 2 : 1,
        commit: fields.commit,
        codeHash: fields.codeHash,
        createdAt: now.toISOString(),
        source: fields.source,
        ...(fields.platform ? { platform: fields.platform } : {}),
        ...(fields.inputs ? { inputs: fields.inputs } : {}),
        ...(packed ? { packs: fields.packs } : {}),
        files: fields.files
    };
}
/**
 * The manifest as stored at `location`: canonical JSON (sorted keys, no whitespace) with the signature first
 * when there are keys, so a reader verifies the raw bytes before it parses them.
 */
function serializeManifest(manifest, location, signing) {
    const { signature: _old, ...rest } = manifest;
    return (0,_signing_js__WEBPACK_IMPORTED_MODULE_1__/* .storedText */ .VS)({ ...rest, location }, signing);
}
/** Parses and validates a stored manifest; `where` names it in errors. */
function parseManifest(text, where) {
    return parseManifestDocument(text, where).manifest;
}
/** The manifest and the JSON document it was read from (what a signature covers, unknown fields included). */
function parseManifestDocument(text, where) {
    let data;
    try {
        data = JSON.parse(text);
    }
    catch (error) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .IntegrityError */ .cs(`The manifest ${where} is not valid JSON (${error.message})`);
    }
    const fail = (what) => {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .IntegrityError */ .cs(`The manifest ${where} is malformed: ${what}`);
    };
    if (typeof data !== 'object' || data === null)
        return fail('not a JSON object');
    const record = data;
    if (record.version !== 1 && record.version !== 2 && record.version !== 3)
        fail(`unsupported version ${JSON.stringify(record.version)} (this action reads versions 1 to 3)`);
    const packs = record.version !== 1 ? parsePacks(record.packs, fail, record.version === 3) : undefined;
    if (typeof record.commit !== 'string')
        fail('"commit" is not a string');
    if (typeof record.codeHash !== 'string')
        fail('"codeHash" is not a string');
    if (record.source !== 'upload' && record.source !== 'cache')
        fail('"source" is neither "upload" nor "cache"');
    if (!Array.isArray(record.files))
        return fail('"files" is not a list');
    if (record.location !== undefined && (typeof record.location !== 'string' || record.location.length > 2048))
        fail('"location" is not a key');
    if (record.platform !== undefined && (typeof record.platform !== 'string' || !/^[a-z0-9]+-[a-z0-9]+$/.test(record.platform))) {
        fail('"platform" is not a platform such as linux-x64');
    }
    const inputs = record.inputs === undefined ? undefined : parseSetObject(record.inputs, 'inputs', fail);
    if (inputs && inputs.path !== INPUTS_NAME)
        fail(`"inputs.path" is not ${INPUTS_NAME}`);
    const seen = new Set();
    const files = record.files.map((entry, index) => {
        const file = (entry ?? {});
        const plain = parseSetObject(file, `files[${index}]`, fail);
        if (seen.has(plain.path))
            fail(`files[${index}].path "${plain.path}" is listed twice`);
        seen.add(plain.path);
        if (file.pack === undefined && file.offset === undefined)
            return plain;
        const pack = packs?.get(file.pack);
        if (!pack)
            return fail(`files[${index}].pack ${JSON.stringify(file.pack)} is not one of the set's packs`);
        const offset = file.offset;
        if (typeof offset !== 'number' || !Number.isSafeInteger(offset) || offset < 0 || offset + plain.size > (pack.tarSize ?? pack.size)) {
            fail(`files[${index}].offset does not place the file inside ${pack.path}`);
        }
        return { ...plain, pack: pack.path, offset: offset };
    });
    // A compressed pack decodes to at most what its files need (each tar padding is under 512 bytes, then the end
    // blocks): a tarSize beyond that would have download decompress a small object into gigabytes for nothing.
    for (const pack of packs?.values() ?? []) {
        if (pack.tarSize === undefined)
            continue;
        const end = files.reduce((last, file) => (file.pack === pack.path ? Math.max(last, file.offset + file.size) : last), 0);
        if (pack.tarSize > end + BLOCK_PADDING_MAX + _tar_js__WEBPACK_IMPORTED_MODULE_2__/* .TAR_END */ .y7.length)
            fail(`${JSON.stringify(pack.path)} has a tarSize larger than its files need`);
    }
    const clash = directoryClash(seen);
    if (clash)
        fail(`"${clash.file}" is listed both as a file and, by "${clash.inside}", as a directory`);
    const manifest = {
        version: record.version,
        commit: record.commit,
        codeHash: record.codeHash,
        createdAt: typeof record.createdAt === 'string' ? record.createdAt : '',
        source: record.source,
        files,
        ...(packs ? { packs: [...packs.values()] } : {}),
        ...(typeof record.location === 'string' ? { location: record.location } : {}),
        ...(typeof record.platform === 'string' ? { platform: record.platform } : {}),
        ...(inputs ? { inputs } : {}),
        ...(typeof record.signature === 'string' ? { signature: record.signature } : {})
    };
    return { manifest, document: record };
}
/** A listed path that another listed path needs to be a directory; no file system can hold both. */
function directoryClash(paths) {
    for (const candidate of paths) {
        for (let slash = candidate.indexOf('/'); slash !== -1; slash = candidate.indexOf('/', slash + 1)) {
            const parent = candidate.slice(0, slash);
            if (paths.has(parent))
                return { file: parent, inside: candidate };
        }
    }
    return undefined;
}
function parseSetObject(value, what, fail) {
    const object = (value ?? {});
    if (typeof object.path !== 'string' || !isSafeRelativePath(object.path)) {
        fail(`${what}.path ${JSON.stringify(object.path)} is not a relative path inside the set`);
    }
    if (typeof object.size !== 'number' || !Number.isSafeInteger(object.size) || object.size < 0)
        fail(`${what}.size is not a byte count`);
    if (typeof object.sha256 !== 'string' || !/^[0-9a-f]{64}$/.test(object.sha256))
        fail(`${what}.sha256 is not a SHA-256 hex digest`);
    if (object.etag !== undefined && (typeof object.etag !== 'string' || !/^[\x21-\x7e]{1,200}$/.test(object.etag)))
        fail(`${what}.etag is not an ETag`);
    return {
        path: object.path,
        size: object.size,
        sha256: object.sha256,
        ...(typeof object.etag === 'string' ? { etag: object.etag } : {})
    };
}
function parsePackRecord(value, what, fail, encodings) {
    const object = parseSetObject(value, what, fail);
    const { encoding, tarSize } = (value ?? {});
    if (encoding === undefined && tarSize === undefined)
        return object;
    if (!encodings)
        fail(`${what}.encoding is not allowed before version 3`);
    if (encoding !== 'zstd')
        fail(`${what}.encoding ${JSON.stringify(encoding)} is not one this action reads (zstd)`);
    if (typeof tarSize !== 'number' || !Number.isSafeInteger(tarSize) || tarSize < 0)
        fail(`${what}.tarSize is not a byte count`);
    return { ...object, encoding: 'zstd', tarSize: tarSize };
}
/** The packs of a version 2 manifest by path; each under `.packs/` and listed once. */
function parsePacks(value, fail, encodings) {
    if (!Array.isArray(value))
        return fail('"packs" is not a list');
    const packs = new Map();
    value.forEach((entry, index) => {
        const pack = parsePackRecord(entry, `packs[${index}]`, fail, encodings);
        if (!pack.path.startsWith(PACKS_DIRECTORY))
            fail(`packs[${index}].path ${JSON.stringify(pack.path)} is not a path under ${PACKS_DIRECTORY}`);
        if (packs.has(pack.path))
            fail(`packs[${index}].path "${pack.path}" is listed twice`);
        packs.set(pack.path, pack);
    });
    return packs;
}
/**
 * A stored manifest's text as a manifest this run may use, or why not (a phrase to follow "the manifest"):
 * the signature is checked over the raw bytes before anything is parsed, then the structure, then, with
 * signing keys, that it was signed for `location` (shown as `shown`) and for `owner`.
 */
function usableManifest(text, signing, expected) {
    const problem = (0,_signing_js__WEBPACK_IMPORTED_MODULE_1__/* .verifyStoredText */ .y2)(text, signing);
    if (problem)
        return { problem: `is ${problem}` };
    let manifest;
    try {
        manifest = parseManifestDocument(text, '').manifest;
    }
    catch (error) {
        if (error instanceof _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .IntegrityError */ .cs)
            return { problem: error.message.replace(/^The manifest +/, '') };
        throw error;
    }
    if (signing.keys.length === 0)
        return { manifest };
    const { location, shown, owner } = expected;
    if (manifest.location !== location)
        return { problem: `is signed for ${manifest.location === undefined ? 'no location' : shown(manifest.location)}` };
    if (owner.commit !== undefined && manifest.commit !== owner.commit)
        return { problem: `is signed for commit ${manifest.commit}` };
    if (owner.codeHash !== undefined && manifest.codeHash !== owner.codeHash)
        return { problem: `is signed for code hash ${manifest.codeHash}` };
    return { manifest };
}
/**
 * Whether a set's manifest says it was built under `key`: a commit's set is this run's only when it is
 * (`code-hash-env`, `code-hash-key` and the files decide on both tiers). A set that records no key (the
 * code-hash tier was off when it was stored) and a run without one cannot be compared, so they count.
 */
function builtUnder(manifest, key) {
    return !key || !manifest.codeHash || manifest.codeHash === key;
}
/** The packed files of a manifest by pack, each pack's in offset order. */
function filesByPack(files) {
    const byPack = new Map();
    for (const file of files) {
        if (file.pack === undefined)
            continue;
        const packed = byPack.get(file.pack);
        if (packed)
            packed.push(file);
        else
            byPack.set(file.pack, [file]);
    }
    for (const packed of byPack.values())
        packed.sort((a, b) => a.offset - b.offset);
    return byPack;
}


/***/ }),

/***/ 44630:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   A1: () => (/* binding */ newestBuildKey),
/* harmony export */   I9: () => (/* binding */ newestPointer),
/* harmony export */   Pb: () => (/* binding */ explainOtherKey),
/* harmony export */   gL: () => (/* binding */ explainMiss)
/* harmony export */ });
/* harmony import */ var _constants_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(27242);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(83916);
/* harmony import */ var _util_capped_read_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(48724);
/* harmony import */ var _hashing_set_key_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(34574);
/* harmony import */ var _layout_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(73267);





/** An object's bytes, at most `limit` of them; undefined when it is missing or larger. */
async function readSmallObject(store, key, limit) {
    try {
        return await (0,_util_capped_read_js__WEBPACK_IMPORTED_MODULE_2__/* .readCapped */ .EF)(await store.get(key), limit, undefined, store.url(key));
    }
    catch (error) {
        if (error instanceof _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .MissingObjectError */ .S3 || error instanceof _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .OversizedError */ .wF)
            return undefined;
        throw error;
    }
}
/** The pointer every upload of a code-hash set leaves under its prefix: `{"key":"<code hash>"}`. */
function newestPointer(key) {
    return Buffer.from(`${JSON.stringify({ key })}\n`);
}
const POINTER_LIMIT = 4096;
function readPointer(bytes) {
    try {
        const key = JSON.parse(bytes.toString('utf8')).key;
        return typeof key === 'string' && /^[0-9a-f]{32,64}$/.test(key) ? key : undefined;
    }
    catch {
        return undefined;
    }
}
/** The key of the newest build under a prefix, from the pointer every upload leaves; undefined if none or unreadable. */
async function newestBuildKey(store, prefix) {
    const pointer = await readSmallObject(store, (0,_layout_js__WEBPACK_IMPORTED_MODULE_4__/* .newestPointerKey */ .jg)(prefix), POINTER_LIMIT);
    return pointer ? readPointer(pointer) : undefined;
}
/**
 * Why the code-hash tier missed: compares the key's inputs with those of the newest build under the same
 * prefix and variant. The pointer every upload leaves at `<prefix>cache/.newest.json` names that build's key;
 * its manifest (read by `readManifest`, so verified as any other) binds the record beside it by size and
 * SHA-256, and the record is read only up to that size and inflated only when its digest matches: with a
 * signing key the comparison is with a set the key holder wrote, and a record nobody signed is never
 * inflated. Without a key, inflation is still capped (hashing/set-key.ts).
 */
async function explainMiss(store, prefix, current, readManifest) {
    const noEarlier = { line: 'no earlier build under this prefix to compare with' };
    if (!current.inputs)
        return { line: 'no record of what the key was made of' };
    const pointer = await readSmallObject(store, (0,_layout_js__WEBPACK_IMPORTED_MODULE_4__/* .newestPointerKey */ .jg)(prefix), POINTER_LIMIT);
    if (!pointer)
        return noEarlier;
    const newestKey = readPointer(pointer);
    if (!newestKey)
        return { line: 'the pointer to the newest earlier build is unreadable' };
    if (newestKey === current.key) {
        return {
            line: `the newest build under this prefix has this very key (${current.key.slice(0, 12)}\u2026), but its set is missing or not trusted`
        };
    }
    const compared = await compareWithRecord(store, prefix, newestKey, current.inputs, readManifest);
    if (!compared)
        return { line: `the newest build under this prefix (${newestKey.slice(0, 12)}\u2026) is gone or its record does not match it` };
    return {
        line: `since the newest build under this prefix (${newestKey.slice(0, 12)}\u2026): ${compared.what}`,
        difference: compared.difference
    };
}
/**
 * Why the commit's own set is not this run's: it was built under another key. What differs comes from the
 * record beside that key's code-hash set, when it is there (read as explainMiss reads it).
 */
async function explainOtherKey(store, prefix, storedKey, current, readManifest) {
    const line = `the set stored for this commit was built under another key (${storedKey.slice(0, 12)}\u2026, this run's is ${current.key.slice(0, 12)}\u2026)`;
    const compared = current.inputs && (await compareWithRecord(store, prefix, storedKey, current.inputs, readManifest));
    return compared ? { line: `${line}: ${compared.what}`, difference: compared.difference } : { line };
}
/** Compares `current` with the record beside the code-hash set of `key`; undefined when there is no usable record. */
async function compareWithRecord(store, prefix, key, current, readManifest) {
    const setPrefix = (0,_layout_js__WEBPACK_IMPORTED_MODULE_4__/* .codeHashPrefix */ ._Y)(prefix, key);
    const manifest = await readManifest(setPrefix, key);
    if (!manifest?.inputs || manifest.inputs.size > _constants_js__WEBPACK_IMPORTED_MODULE_0__/* .READ_LIMITS */ .Cl.inputs)
        return undefined;
    const bytes = await readSmallObject(store, setPrefix + manifest.inputs.path, manifest.inputs.size);
    const earlier = bytes && bytes.length === manifest.inputs.size ? (0,_hashing_set_key_js__WEBPACK_IMPORTED_MODULE_3__/* .parseInputs */ .TL)(bytes, manifest.inputs.sha256) : undefined;
    if (!earlier || earlier.key !== key)
        return undefined;
    const difference = (0,_hashing_set_key_js__WEBPACK_IMPORTED_MODULE_3__/* .keyDifference */ .Du)(earlier.inputs, current);
    const parts = (0,_hashing_set_key_js__WEBPACK_IMPORTED_MODULE_3__/* .describeDifference */ .hF)(difference);
    const platform = earlier.inputs.platform !== current.platform ? `; it was built on ${(0,_hashing_set_key_js__WEBPACK_IMPORTED_MODULE_3__/* .inertPath */ .Qr)(earlier.inputs.platform)}` : '';
    return { what: `${parts.length > 0 ? parts.join('; ') : 'the inputs were recorded differently'}${platform}`, difference };
}


/***/ }),

/***/ 35665:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  G_: () => (/* binding */ copySet),
  mC: () => (/* binding */ deleteStrays),
  pO: () => (/* binding */ findOrPromote),
  V0: () => (/* binding */ inspectSet),
  ob: () => (/* binding */ noteReplacing),
  pu: () => (/* binding */ readBackSha256),
  WI: () => (/* binding */ readManifest),
  wI: () => (/* binding */ readSetManifest),
  d$: () => (/* binding */ withObjects),
  HN: () => (/* binding */ writeManifest)
});

// EXTERNAL MODULE: ./src/runner.ts
var runner = __webpack_require__(74813);
// EXTERNAL MODULE: ./node_modules/p-limit/index.js + 1 modules
var p_limit = __webpack_require__(70370);
// EXTERNAL MODULE: ./src/constants.ts
var constants = __webpack_require__(27242);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(83916);
// EXTERNAL MODULE: ./src/util/cancellation.ts
var cancellation = __webpack_require__(76601);
// EXTERNAL MODULE: ./src/sets/claims.ts
var claims = __webpack_require__(97464);
// EXTERNAL MODULE: ./src/sets/layout.ts
var layout = __webpack_require__(73267);
// EXTERNAL MODULE: ./src/sets/manifest.ts
var sets_manifest = __webpack_require__(99640);
;// CONCATENATED MODULE: ./src/sets/set-state.ts


/**
 * Whether a stored set still holds the objects its manifest was written for, from one listing of the set
 * (one request per 1,000 objects): every object there, at its size, and \u2014 where the manifest recorded one \u2014
 * with the ETag (a directory store's version) it had when written. Another run's objects written over the
 * set (a race this action's claims prevent, or an older version of it) or an object edited or deleted in
 * the store change that. Cheap enough for every hit; bytes themselves are checked when a set is downloaded.
 */
function setProblem(manifest, setPrefix, listing) {
    const listed = new Map(listing.map((object) => [object.key.slice(setPrefix.length), object]));
    const wrong = [];
    for (const object of (0,sets_manifest/* setObjects */.Tz)(manifest)) {
        const found = listed.get(object.path);
        if (!found || found.size !== object.size || (object.etag !== undefined && found.etag !== undefined && found.etag !== object.etag)) {
            wrong.push(object.path);
        }
    }
    if (wrong.length === 0)
        return undefined;
    const first = wrong.slice(0, 3).join(', ');
    return `${wrong.length} of its ${(0,sets_manifest/* setObjects */.Tz)(manifest).length} objects are missing or not the ones its manifest was written for (${first}${wrong.length > 3 ? ', \u2026' : ''})`;
}
/** Objects under a set that its manifest does not name and that are not the set's own bookkeeping (left by an interrupted or older writer). */
function strayObjects(manifest, setPrefix, listing) {
    const named = new Set((0,sets_manifest/* setObjects */.Tz)(manifest).map((object) => object.path));
    if (manifest.inputs)
        named.add(manifest.inputs.path);
    return listing
        .map((object) => object.key)
        .filter((key) => {
        const path = key.slice(setPrefix.length);
        return !named.has(path) && !(0,layout/* isSetBookkeeping */.F4)(path);
    });
}

// EXTERNAL MODULE: ./src/util/progress.ts
var util_progress = __webpack_require__(65365);
// EXTERNAL MODULE: ./src/sets/miss-reason.ts
var miss_reason = __webpack_require__(44630);
// EXTERNAL MODULE: ./src/sets/platform.ts
var sets_platform = __webpack_require__(47102);
// EXTERNAL MODULE: ./src/util/node-builtins.ts
var node_builtins = __webpack_require__(53115);
;// CONCATENATED MODULE: ./src/sets/object-sets.ts













/**
 * Reads the manifest of the set under `setPrefix`, saying nothing. Unusable: larger than READ_LIMITS.manifest
 * (never read whole), malformed, or, with a signing key, unsigned, signed by an unknown key, badly signed, or
 * signed for another location, commit or code hash (the signature is checked over the raw bytes before
 * anything is parsed).
 */
async function readSetManifest(store, setPrefix, policy, owner = {}) {
    let text;
    try {
        text = await store.readText((0,layout/* manifestKey */.Rn)(setPrefix), constants/* READ_LIMITS */.Cl.manifest);
    }
    catch (error) {
        if (error instanceof errors/* OversizedError */.wF)
            return { unusable: `the manifest ${error.message}` };
        if (error instanceof errors/* IntegrityError */.cs)
            return { unusable: error.message }; // a planted symlink in a local store
        throw error;
    }
    if (text === undefined)
        return { missing: true };
    const usable = (0,sets_manifest/* usableManifest */.kP)(text, policy.signing, { location: setPrefix, shown: (location) => store.url(location), owner });
    return 'manifest' in usable ? { manifest: usable.manifest } : { unusable: `the manifest ${usable.problem}` };
}
/** The warning for a set this run does not use: a miss, never a failure (the next upload replaces it). */
function warnUnusable(store, setPrefix, policy, why) {
    runner/* warning */.$e(`${policy.signing.keys.length > 0 ? 'Not trusting' : 'Ignoring'} the assets at ${store.url(setPrefix)}: ${why}. Treating them as missing; an upload replaces them.`);
}
/**
 * The manifest of the set under `setPrefix` when this run may use it; undefined when there is none (the only
 * plain miss) and when it cannot be used, which is a warning naming it (`onUntrusted` counts it).
 */
async function readManifest(store, setPrefix, policy, owner = {}, onUntrusted) {
    const read = await readSetManifest(store, setPrefix, policy, owner);
    if ('manifest' in read)
        return read.manifest;
    if ('unusable' in read) {
        warnUnusable(store, setPrefix, policy, read.unusable);
        onUntrusted?.();
    }
    return undefined;
}
/** A set's state from its manifest alone, for a set that is about to be downloaded (which checks every byte). */
async function readWithoutListing(store, setPrefix, policy, owner) {
    const read = await readSetManifest(store, setPrefix, policy, owner);
    if ('missing' in read)
        return { state: 'none' };
    return 'unusable' in read ? { state: 'broken', problem: read.unusable, listing: [] } : { state: 'whole', manifest: read.manifest };
}
/** Reads a set's manifest and, when there is one, checks the set against it with one listing (set-state.ts). */
async function inspectSet(store, setPrefix, policy, owner) {
    const read = await readSetManifest(store, setPrefix, policy, owner);
    if ('missing' in read)
        return { state: 'none' };
    const listing = await store.list(setPrefix);
    if ('unusable' in read)
        return { state: 'broken', problem: read.unusable, listing };
    const problem = setProblem(read.manifest, setPrefix, listing);
    return problem ? { state: 'broken', problem, manifest: read.manifest, listing } : { state: 'whole', manifest: read.manifest, listing };
}
/**
 * Writes a set's manifest, last. `create`: only if none stands (If-None-Match; a directory's exclusive link),
 * where the store honours it \u2014 the set's claim keeps writers apart where it does not.
 */
async function writeManifest(store, setPrefix, manifest, policy, create = false) {
    const body = Buffer.from((0,sets_manifest/* serializeManifest */.MZ)(manifest, setPrefix, policy.signing));
    await store.put((0,layout/* manifestKey */.Rn)(setPrefix), body, {
        size: body.length,
        contentType: 'application/json',
        ...(create ? { ifNoneMatch: true } : {})
    });
}
/**
 * Says that a broken set is being replaced. Its manifest stays until the new one is written over it: until
 * then a reader finds the old manifest with objects that do not match it, which is a miss, as before.
 */
function noteReplacing(store, setPrefix, state) {
    if (state.state === 'broken')
        runner/* warning */.$e(`Replacing the set at ${store.url(setPrefix)}: ${state.problem}.`);
    if (state.state === 'whole')
        runner/* info */.pq(`Replacing the set at ${store.url(setPrefix)}: it was built under another key (code hash ${state.manifest.codeHash}). ` +
            `Give each build of one commit its own 'variant' to keep them side by side.`);
}
/**
 * Deletes what a broken set held that the new one does not name (another writer's leftovers). Best effort:
 * a role without s3:DeleteObject leaves them, unnamed by any manifest, for prune.
 */
async function deleteStrays(store, setPrefix, state, manifest) {
    if (state.state === 'none' || !state.listing)
        return;
    const strays = strayObjects(manifest, setPrefix, state.listing);
    if (strays.length === 0)
        return;
    await store
        .deleteMany(strays)
        .catch((error) => runner/* info */.pq(`Could not delete ${strays.length} object(s) the replaced set held that the new one does not name (${(0,errors/* errorMessage */.gJ)(error)}); prune removes them with the set.`));
}
/** Copies carry no body, so more of them can be in flight than uploads. */
const COPY_CONCURRENCY_FACTOR = 4;
const MAX_COPIES_IN_FLIGHT = 64;
/**
 * The SHA-256 of an object's bytes as read back from the store (the whole object, packs included), reading
 * at most one byte more than `size`: a larger object is a mismatch without being read to its end.
 */
async function readBackSha256(store, key, size) {
    const hash = (0,node_builtins/* nodeCrypto */.SI)().createHash('sha256');
    let read = 0;
    const body = await store.get(key);
    for await (const chunk of body) {
        read += chunk.length;
        if (read > size) {
            body.destroy();
            return 'a larger object';
        }
        hash.update(chunk);
    }
    return hash.digest('hex');
}
/**
 * Server-side copy of every listed object from one set to another, bounded, with progress; returns the
 * objects as the target now holds them (each with the ETag its copy got). Where the store reports the copy's
 * SHA-256 (AWS, moto, a local directory), it must match the manifest. Where it reports none and `readBack`
 * is set (a signing key: the target set's manifest will be signed), each copy is read back and hashed, packs
 * whole, so a signature never vouches for bytes nobody checked. A mismatch is an IntegrityError, never a
 * promoted set.
 */
async function copySet(store, files, from, to, concurrency, readBack = false) {
    const progress = new util_progress/* Progress */.k({ doing: `Copying (server-side) to ${store.url(to)}:`, done: `Copied (server-side) to ${store.url(to)}:` }, files.length, (0,sets_manifest/* totalBytes */.ob)(files));
    const limit = (0,p_limit/* default */.A)(Math.min(MAX_COPIES_IN_FLIGHT, concurrency * COPY_CONCURRENCY_FACTOR));
    const verifyLimit = (0,p_limit/* default */.A)(concurrency);
    const copies = await Promise.all(files.map((file) => limit(async () => {
        (0,cancellation/* throwIfCancelled */.dZ)();
        const copied = await store.copy(from + file.path, to + file.path, file.size);
        const sha256 = copied.sha256 ?? (readBack ? await verifyLimit(() => readBackSha256(store, to + file.path, file.size)) : undefined);
        if (sha256 !== undefined && sha256 !== file.sha256) {
            throw new errors/* IntegrityError */.cs(`${store.url(from + file.path)} does not match its manifest (${copied.sha256 ? 'the store reports' : 'its copy reads back with'} SHA-256 ${sha256}, the manifest ${file.sha256}).`);
        }
        progress.add(1, file.size);
        const { etag: _source, ...rest } = file;
        return (copied.etag ? { ...rest, etag: copied.etag } : rest);
    }))).catch((error) => {
        progress.abandon();
        throw error;
    });
    progress.finish();
    return copies;
}
/** A set's objects (packs, plain files) with the ETags given, the packed files as they were. */
function withObjects(manifest, objects) {
    const byPath = new Map(objects.map((object) => [object.path, object]));
    return {
        files: manifest.files.map((file) => {
            if (file.pack !== undefined)
                return file;
            const { etag: _old, ...rest } = file;
            const etag = byPath.get(file.path)?.etag;
            return etag ? { ...rest, etag } : rest;
        }),
        packs: (manifest.packs ?? []).map((pack) => byPath.get(pack.path) ?? pack)
    };
}
/**
 * Looks for the commit's assets, then (tier on) for the code-hash set's; on a code-hash hit, copies the set
 * to the commit server-side (holding the commit set's claim) and writes the commit manifest last. A set is a
 * hit only when whole: its manifest usable and its objects the ones it was written for (one listing); a
 * broken one is a miss with a warning, which the next upload repairs. A set built on another platform is not
 * a hit (unless crossPlatform). On a code-hash miss, with `explainMiss`, says what changed since the newest
 * earlier build. Shared by check and the assets plugin.
 */
async function findOrPromote(store, request, policy) {
    let untrusted = 0;
    let platformMiss;
    let brokenMiss;
    const distrust = () => void untrusted++;
    const elsewhere = (manifest, setPrefix) => {
        const platform = (0,sets_platform/* otherPlatform */.c_)(manifest, request);
        if (!platform)
            return false;
        const location = store.url(setPrefix);
        runner/* warning */.$e(`Not using the assets at ${location}: ${(0,sets_platform/* otherPlatformAdvice */.cq)(platform, request.platform)}.`);
        platformMiss = { line: `the stored set was built on ${platform}, not ${request.platform}`, otherPlatform: { platform, location } };
        return true;
    };
    /** A set that is there but not whole: warned and counted, and named in the miss when nothing better explains it. */
    const broken = (setPrefix, state, what) => {
        warnUnusable(store, setPrefix, policy, state.problem);
        distrust();
        brokenMiss ??= {
            line: `the ${what} stored for this ${what === 'set' ? 'commit' : 'key'} does not match its manifest or is not trusted (the next upload replaces it)`
        };
    };
    const target = (0,layout/* commitPrefix */.q8)(request.prefix, request.commit);
    const owner = { commit: request.commit };
    const read = (setPrefix, codeHash) => readManifest(store, setPrefix, policy, { codeHash }, distrust);
    // With the code-hash tier on, the key decides a hit on both tiers: it is computed while the commit's set is read.
    const keyOfThisRun = request.codeHash?.();
    keyOfThisRun?.catch(() => undefined); // awaited below; until then a failure must not go unhandled
    const existing = request.download
        ? await readWithoutListing(store, target, policy, owner)
        : await inspectSet(store, target, policy, owner);
    let otherKeyMiss;
    if (existing.state === 'whole' && !elsewhere(existing.manifest, target)) {
        const built = await keyOfThisRun;
        const storedKey = existing.manifest.codeHash;
        if (!built || (0,sets_manifest/* builtUnder */.v)(existing.manifest, built.key)) {
            return { found: true, source: 'commit', manifest: existing.manifest, codeHash: built?.key ?? storedKey, untrusted };
        }
        otherKeyMiss = await (0,miss_reason/* explainOtherKey */.Pb)(store, request.prefix, storedKey, built, read);
        runner/* info */.pq(`Not using the set of commit ${request.commit} at ${store.url(target)}: ${otherKeyMiss.line}.`);
    }
    if (existing.state === 'broken')
        broken(target, existing, 'set');
    // With a signing key nothing unsigned is trusted, the original tool's sets included.
    if (existing.state === 'none' && request.legacySets && policy.signing.keys.length === 0) {
        // The set's bookkeeping alone is not the original tool's set: a claim of an upload still running, or a
        // last-use marker that outlived its set.
        const objects = (await store.list(target)).filter((object) => !(0,layout/* isSetBookkeeping */.F4)(object.key.slice(target.length)));
        if (objects.length > 0) {
            runner/* warning */.$e(`legacy-sets: ${store.url(target)} holds ${objects.length} object(s) but no manifest (a set the original s3-asset-manager uploaded, ` +
                `or an unfinished upload); counting it as found. Turn legacy-sets off once your sets have manifests.`);
            return {
                found: true,
                source: 'commit',
                codeHash: '',
                legacy: { files: objects.length, bytes: objects.reduce((n, o) => n + o.size, 0) },
                untrusted
            };
        }
    }
    const miss = (codeHash, missReason) => {
        const reason = platformMiss ?? otherKeyMiss ?? missReason ?? brokenMiss;
        return { found: false, codeHash, untrusted, ...(reason ? { missReason: reason } : {}) };
    };
    if (!keyOfThisRun)
        return miss('', brokenMiss ?? { line: 'nothing is stored for this commit (the code-hash tier is off)' });
    const built = await keyOfThisRun;
    const ours = (manifest) => (0,sets_manifest/* builtUnder */.v)(manifest, built.key);
    const cached = (0,layout/* codeHashPrefix */._Y)(request.prefix, built.key);
    const cachedState = await inspectSet(store, cached, policy, { codeHash: built.key });
    if (cachedState.state === 'broken')
        broken(cached, cachedState, 'cached set');
    if (cachedState.state !== 'whole' || elsewhere(cachedState.manifest, cached)) {
        const reason = request.explainMiss && !platformMiss && !otherKeyMiss && cachedState.state === 'none'
            ? await (0,miss_reason/* explainMiss */.gL)(store, request.prefix, built, read)
            : undefined;
        return miss(built.key, reason);
    }
    const cachedManifest = cachedState.manifest;
    let promoted;
    try {
        promoted = await (0,claims/* underClaim */.j)(store, target, {
            what: `The set of commit ${request.commit} at ${store.url(target)}`,
            storedMeanwhile: async () => {
                const now = await inspectSet(store, target, policy, owner);
                return now.state === 'whole' && ours(now.manifest);
            }
        }, async () => {
            const now = await inspectSet(store, target, policy, owner);
            if (now.state === 'whole' && ours(now.manifest))
                return now.manifest;
            noteReplacing(store, target, now);
            const copies = await copySet(store, (0,sets_manifest/* setObjects */.Tz)(cachedManifest), cached, target, request.concurrency, policy.signing.keys.length > 0);
            const manifest = (0,sets_manifest/* buildManifest */.u1)({
                commit: request.commit,
                codeHash: built.key,
                source: 'cache',
                ...withObjects(cachedManifest, copies),
                ...(cachedManifest.platform ? { platform: cachedManifest.platform } : {})
            });
            await writeManifest(store, target, manifest, policy, now.state === 'none');
            await deleteStrays(store, target, now, manifest);
            return manifest;
        });
    }
    catch (error) {
        if ((0,cancellation/* cancelledBy */.tK)())
            throw (0,cancellation/* asCancellation */.Cz)(error, `no manifest was written for ${store.url(target)}: the promotion stopped half way, so nothing is stored for commit ${request.commit}`);
        if (!(error instanceof errors/* MissingObjectError */.S3) && !(error instanceof errors/* IntegrityError */.cs) && !(error instanceof errors/* PreconditionFailedError */.k9))
            throw error;
        runner/* warning */.$e(`The cached assets ${store.url(cached)} are incomplete or changed (${error.message}); treating this as a miss so they are rebuilt.`);
        return miss(built.key, { line: 'the cached set for this key is incomplete or changed' });
    }
    // Stored by another run while this one waited for the commit set's claim: that set is the hit.
    const manifest = promoted ?? (await readManifest(store, target, policy, owner, distrust));
    if (!manifest || !ours(manifest))
        return miss(built.key, { line: 'the set another run stored meanwhile cannot be used' });
    return { found: true, source: promoted && manifest.source === 'cache' ? 'cache' : 'commit', manifest, codeHash: built.key, untrusted };
}


/***/ }),

/***/ 54908:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   G2: () => (/* binding */ WORTH_COMPRESSING),
/* harmony export */   YS: () => (/* binding */ unreadableEncodingProblem),
/* harmony export */   _4: () => (/* binding */ compressWhole),
/* harmony export */   ni: () => (/* binding */ decompressor),
/* harmony export */   o: () => (/* binding */ PACK_COMPRESSIONS),
/* harmony export */   ps: () => (/* binding */ encodingSuffix),
/* harmony export */   u5: () => (/* binding */ mayCompress),
/* harmony export */   w9: () => (/* binding */ writableEncoding)
/* harmony export */ });
/* harmony import */ var _util_node_builtins_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(53115);

/** What upload is asked for (`pack-compression`): 'auto' compresses where the runtime has zstd, 'none' never does. */
const PACK_COMPRESSIONS = ['auto', 'none'];
/**
 * The zstd level for packs. Measured under node24 on 18 MB of npm's JavaScript in one tar: level 1 gives 0.178 of
 * the raw bytes at 135 MB/s, 3 gives 0.149 at 178 MB/s, 6 gives 0.132 at 101 MB/s, 19 gives 0.110 at 2 MB/s
 * (gzip -6, for comparison: 0.181 at 50 MB/s). Level 3 compresses faster than a runner sends and loses 11% to 6.
 */
const ZSTD_LEVEL = 3;
/** A pack whose compressed form saves less than this share of its bytes is stored plain (already-compressed files). */
const WORTH_COMPRESSING = 0.9;
/** Spread over a pack, these many windows of SAMPLE_WINDOW bytes are compressed to judge it before it is compressed whole. */
const SAMPLE_WINDOWS = 8;
const SAMPLE_WINDOW = 16 * 1024;
/**
 * A pack whose sample compresses to more than this share of its size is stored plain without being compressed
 * whole: its files are already compressed (images, fonts, archives) or random. Above WORTH_COMPRESSING so that a
 * pack near the line is still compressed and judged by its whole bytes.
 */
const SAMPLE_INCOMPRESSIBLE = 0.97;
function zstd() {
    const candidate = (0,_util_node_builtins_js__WEBPACK_IMPORTED_MODULE_0__/* .nodeZlib */ .eq)();
    return typeof candidate.zstdCompress === 'function' &&
        typeof candidate.zstdCompressSync === 'function' &&
        typeof candidate.createZstdDecompress === 'function'
        ? candidate
        : undefined;
}
/** The encoding this runtime writes packs in: zstd where node:zlib has it (Node.js \u2265 22.15, node24 on GitHub), else none. */
function writableEncoding() {
    return zstd() ? 'zstd' : undefined;
}
function zstdOptions() {
    return { params: { [(0,_util_node_builtins_js__WEBPACK_IMPORTED_MODULE_0__/* .nodeZlib */ .eq)().constants.ZSTD_c_compressionLevel]: ZSTD_LEVEL } };
}
/** `bytes` compressed whole, in the thread pool (the main thread goes on reading and sending other packs). */
function compressWhole(_encoding, bytes) {
    return new Promise((resolve, reject) => zstd().zstdCompress(bytes, zstdOptions(), (error, result) => (error ? reject(error) : resolve(result))));
}
/**
 * Whether `bytes` (a pack) may be worth compressing, judged from windows spread over them (128 KiB, well under 1 ms):
 * random or already-compressed files would otherwise cost a pack's whole compression to be stored plain after
 * all (under node24, 1.5 s of a 100 MB upload of such files). Small packs are not sampled: they are compressed whole.
 */
function mayCompress(_encoding, bytes) {
    if (bytes.length <= SAMPLE_WINDOWS * SAMPLE_WINDOW * 2)
        return true;
    const stride = Math.floor(bytes.length / SAMPLE_WINDOWS);
    const sample = Buffer.concat(Array.from({ length: SAMPLE_WINDOWS }, (_, window) => bytes.subarray(window * stride, window * stride + SAMPLE_WINDOW)));
    return zstd().zstdCompressSync(sample, zstdOptions()).length <= SAMPLE_INCOMPRESSIBLE * sample.length;
}
/** A stream that decodes `encoding`, or undefined when this runtime cannot (see unreadableEncodingProblem). */
function decompressor(encoding) {
    return encoding === 'zstd' ? zstd()?.createZstdDecompress() : undefined;
}
/** Why this runtime cannot read packs in `encoding`, or undefined when it can. */
function unreadableEncodingProblem(encoding) {
    if (encoding === 'zstd' && zstd())
        return undefined;
    return `its packs are compressed with ${encoding}, which Node.js ${process.versions.node} cannot read (Node.js 22.15 or later can; on GitHub the action runs on node24)`;
}
/** The file name suffix of a pack stored in `encoding`. */
function encodingSuffix(encoding) {
    return encoding === 'zstd' ? '.zst' : '';
}


/***/ }),

/***/ 62139:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Bd: () => (/* binding */ preparePackageDirectory),
/* harmony export */   Gy: () => (/* binding */ deepestExisting),
/* harmony export */   qI: () => (/* binding */ writeFileNoFollow),
/* harmony export */   tk: () => (/* binding */ readFileNoFollow)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(83916);
/* harmony import */ var _util_capped_read_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(48724);
/* harmony import */ var _util_fs_calls_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(62001);
/* harmony import */ var _util_paths_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(24964);
/* harmony import */ var _util_random_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(31245);







// The package directory sits in the checkout, which the code being built controls: a symlink planted there
// could make check write its files, a download its assets, or upload its listing somewhere else on the
// runner. Everything here refuses to be led out that way.
//
// The calls are synchronous: a few small files and directories on every check's path, where a trip through the
// thread pool costs five times the call (src/util/capped-read.ts, readOpenedBytes).
/** Where checked-out code lives: the runner's workspace, else the working directory. */
function workspaceRoot() {
    return node_path__WEBPACK_IMPORTED_MODULE_1___default().resolve(process.env.GITHUB_WORKSPACE || process.cwd());
}
/**
 * The deepest of `candidate` and the directories above it that exists, with what lstat says of it (a symlink is
 * reported as one, not followed): where a mkdir of `candidate` would start.
 */
async function deepestExisting(candidate) {
    let existing = candidate;
    for (;;) {
        const info = (0,_util_fs_calls_js__WEBPACK_IMPORTED_MODULE_4__/* .lstatNow */ .JH)(existing);
        if (info || node_path__WEBPACK_IMPORTED_MODULE_1___default().dirname(existing) === existing)
            return { existing, info };
        existing = node_path__WEBPACK_IMPORTED_MODULE_1___default().dirname(existing);
    }
}
/**
 * The package directory's real path, created when `create` is set. A directory named inside the workspace
 * that a symlink leads outside it (to a runner's home, its temp files) is refused, naming both; a directory
 * named outside the workspace is the user's explicit choice and taken as it is.
 */
async function preparePackageDirectory(directory, options) {
    const resolved = node_path__WEBPACK_IMPORTED_MODULE_1___default().resolve(directory);
    const workspace = workspaceRoot();
    if ((0,_util_paths_js__WEBPACK_IMPORTED_MODULE_5__/* .isInside */ .FK)(workspace, resolved)) {
        const realWorkspace = realpathOr(workspace);
        const real = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.realpathSync)((await deepestExisting(resolved)).existing);
        if (!(0,_util_paths_js__WEBPACK_IMPORTED_MODULE_5__/* .isInside */ .FK)(realWorkspace, real)) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .FilesError */ .yN(`Refusing the package directory '${directory}': a symlink in it leads to ${real}, outside the workspace ${workspace}. ` +
                `Code in the checkout may have planted it; point '${options.inputName ?? 'package-directory'}' at a real directory.`);
        }
    }
    if (options.create)
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.mkdirSync)(resolved, { recursive: true });
    return (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.realpathSync)(resolved);
}
function realpathOr(file) {
    try {
        return (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.realpathSync)(file);
    }
    catch {
        return file;
    }
}
/**
 * Writes `name` in `directory` whole or not at all, without following a symlink at that name: the bytes go
 * to a temporary file that is renamed over it (replacing a planted link, never writing through it).
 */
async function writeFileNoFollow(directory, name, content) {
    const target = node_path__WEBPACK_IMPORTED_MODULE_1___default().join(directory, name);
    const temp = node_path__WEBPACK_IMPORTED_MODULE_1___default().join(directory, `.${name}.tmp-${(0,_util_random_js__WEBPACK_IMPORTED_MODULE_6__.randomHex)(6)}`);
    try {
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.writeFileSync)(temp, content, { flag: 'wx' });
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.renameSync)(temp, target);
    }
    catch (error) {
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.rmSync)(temp, { force: true });
        throw error;
    }
}
/** The text of `name` in `directory`; undefined when missing, a symlink or not a file; OversizedError beyond `maxBytes`. */
async function readFileNoFollow(directory, name, maxBytes) {
    let fd;
    try {
        fd = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.openSync)(node_path__WEBPACK_IMPORTED_MODULE_1___default().join(directory, name), _util_capped_read_js__WEBPACK_IMPORTED_MODULE_3__/* .READ_NO_FOLLOW */ .xZ);
    }
    catch {
        return undefined;
    }
    try {
        return await (0,_util_capped_read_js__WEBPACK_IMPORTED_MODULE_3__/* .readOpenedText */ .$O)(fd, maxBytes, node_path__WEBPACK_IMPORTED_MODULE_1___default().join(directory, name));
    }
    finally {
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.closeSync)(fd);
    }
}


/***/ }),

/***/ 47102:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   c_: () => (/* binding */ otherPlatform),
/* harmony export */   cq: () => (/* binding */ otherPlatformAdvice),
/* harmony export */   jN: () => (/* binding */ currentPlatform)
/* harmony export */ });
/**
 * The platform a set is built on, as manifests record it: `<os>-<arch>` such as `linux-x64`,
 * `windows-x64`, `macos-arm64`. On a runner from RUNNER_OS / RUNNER_ARCH (what `runner.os` and
 * `runner.arch` say in a workflow), elsewhere from Node's process.platform / process.arch.
 */
function currentPlatform(env = process.env, platform = process.platform, arch = process.arch) {
    const os = env.RUNNER_OS
        ? env.RUNNER_OS.toLowerCase()
        : ({ win32: 'windows', darwin: 'macos' }[platform] ?? platform);
    const cpu = env.RUNNER_ARCH ? env.RUNNER_ARCH.toLowerCase() : ({ ia32: 'x86' }[arch] ?? arch);
    return `${os.replace(/[^a-z0-9]/g, '')}-${cpu.replace(/[^a-z0-9]/g, '')}`;
}
/**
 * A set built on another platform, when this run does not accept one: the way out is a variant, or
 * cross-platform for assets that do not depend on it. Sets written before platforms were recorded match.
 */
function otherPlatform(manifest, request) {
    return manifest.platform && manifest.platform !== request.platform && !request.crossPlatform ? manifest.platform : undefined;
}
/** What to do about a set built elsewhere, in words shared by check, upload and apply. */
function otherPlatformAdvice(platform, current) {
    return (`it was built on ${platform} and this run builds on ${current}. Set 'variant' (e.g. \${{ runner.os }}-\${{ runner.arch }}) to keep ` +
        `each platform's sets apart, or 'cross-platform: true' if the assets do not depend on the platform (a JS bundle, a docs site)`);
}


/***/ }),

/***/ 63330:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Br: () => (/* binding */ parseSigningKeys),
/* harmony export */   O4: () => (/* binding */ signatureFor),
/* harmony export */   VS: () => (/* binding */ storedText),
/* harmony export */   kA: () => (/* binding */ SIGNATURE_FIELD),
/* harmony export */   kR: () => (/* binding */ verifyDocument),
/* harmony export */   vu: () => (/* binding */ NO_KEYS),
/* harmony export */   y2: () => (/* binding */ verifyStoredText)
/* harmony export */ });
/* unused harmony exports keyId, canonicalJson, signDocument */
/* harmony import */ var _util_digest_stream_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(89587);
/* harmony import */ var _util_node_builtins_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(53115);


/**
 * HMAC signatures over JSON documents (manifests, apply's state, actions-cache pointers).
 *
 * The signed bytes are the document's canonical JSON without its `signature` field: object keys sorted by
 * code point (Python's sort_keys order), no whitespace, strings
 * escaped as JSON.stringify escapes them, UTF-8. In Python:
 *   json.dumps(doc_without_signature, sort_keys=True, separators=(',', ':'), ensure_ascii=False).encode()
 * The signature is `hmac-sha256:<key id>:<hex>`, key id = first 8 hex characters of SHA-256(key).
 */
const SIGNATURE_FIELD = 'signature';
const NO_KEYS = { keys: [] };
function parseSigningKeys(text) {
    return {
        keys: text
            .split(/\r?\n/)
            .map((line) => line.trim())
            .filter(Boolean)
    };
}
function keyId(key) {
    return (0,_util_digest_stream_js__WEBPACK_IMPORTED_MODULE_0__.sha256Hex)(key).slice(0, 8);
}
/** Canonical JSON: sorted keys, no whitespace. Undefined object fields are left out, as JSON.stringify does. */
function canonicalJson(value) {
    if (Array.isArray(value))
        return `[${value.map((item) => (item === undefined ? 'null' : canonicalJson(item))).join(',')}]`;
    if (value !== null && typeof value === 'object' && !(value instanceof Date)) {
        const record = value;
        const fields = sortByCodePoint(Object.keys(record).filter((key) => record[key] !== undefined)).map((key) => `${JSON.stringify(key)}:${canonicalJson(record[key])}`);
        return `{${fields.join(',')}}`;
    }
    return JSON.stringify(value);
}
/** Code point order (Python's sort order); JS's UTF-16 order differs only when a surrogate pair is involved. */
function sortByCodePoint(keys) {
    if (!keys.some((key) => /[\uD800-\uDFFF]/.test(key)))
        return keys.sort();
    return keys.sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
}
function withoutSignature(document) {
    const rest = { ...document };
    delete rest[SIGNATURE_FIELD];
    return rest;
}
function hmacHex(key, document) {
    return (0,_util_node_builtins_js__WEBPACK_IMPORTED_MODULE_1__/* .nodeCrypto */ .SI)()
        .createHmac('sha256', key)
        .update(canonicalJson(withoutSignature(document)), 'utf8')
        .digest('hex');
}
/** The signature the first key gives `document`; undefined without keys, or when the run does not sign. */
function signatureFor(document, signing) {
    const key = signing.sign === false ? undefined : signing.keys[0];
    return key === undefined ? undefined : `hmac-sha256:${keyId(key)}:${hmacHex(key, document)}`;
}
/** `document` with its signature field set (first), or unchanged without keys. */
function signDocument(document, signing) {
    const signature = signatureFor(document, signing);
    if (signature === undefined)
        return document;
    return { [SIGNATURE_FIELD]: signature, ...withoutSignature(document) };
}
/** Checks a parsed document against the keys; undefined when it verifies (or when there are no keys). */
function verifyDocument(document, signing) {
    if (signing.keys.length === 0)
        return undefined;
    const signature = document[SIGNATURE_FIELD];
    if (typeof signature !== 'string')
        return 'unsigned';
    const match = /^hmac-sha256:([0-9a-f]{8}):([0-9a-f]{64})$/.exec(signature);
    if (!match)
        return 'badly signed';
    const key = signing.keys.find((candidate) => keyId(candidate) === match[1]);
    if (key === undefined)
        return 'signed by an unknown key';
    const expected = Buffer.from(hmacHex(key, document), 'hex');
    return (0,_util_node_builtins_js__WEBPACK_IMPORTED_MODULE_1__/* .nodeCrypto */ .SI)().timingSafeEqual(expected, Buffer.from(match[2], 'hex')) ? undefined : 'badly signed';
}
/**
 * `document` as stored text: its canonical JSON with the signature (when there are keys) as the first
 * field, then a newline. Because the rest is exactly the signed bytes, a reader checks the signature over
 * the raw text (verifyStoredText) before parsing anything, and any JSON parser still reads it.
 */
function storedText(document, signing) {
    const body = canonicalJson(withoutSignature(document));
    const signature = signatureFor(document, signing);
    if (signature === undefined)
        return `${body}\n`;
    return `{${JSON.stringify(SIGNATURE_FIELD)}:${JSON.stringify(signature)}${body === '{}' ? '' : ','}${body.slice(1)}\n`;
}
const STORED_SIGNATURE = /^\{"signature":"hmac-sha256:([0-9a-f]{8}):([0-9a-f]{64})"(,?)/;
/**
 * Checks text written by storedText against the keys without parsing it: undefined when it verifies.
 * Text in another layout (an older pretty-printed manifest) does not verify.
 */
function verifyStoredText(text, signing) {
    if (signing.keys.length === 0)
        return undefined;
    const match = STORED_SIGNATURE.exec(text);
    if (!match) {
        if (/^\{\s*"signature"\s*:\s*"hmac-sha256:/.test(text))
            return 'signed by an older version of this action (its location is not signed)';
        return /"signature"\s*:/.test(text) ? 'badly signed' : 'unsigned';
    }
    const key = signing.keys.find((candidate) => keyId(candidate) === match[1]);
    if (key === undefined)
        return 'signed by an unknown key';
    const rest = text.slice(match[0].length).replace(/\n$/, '');
    const body = match[3] ? `{${rest}` : rest === '}' ? '{}' : undefined;
    if (body === undefined)
        return 'badly signed';
    const expected = (0,_util_node_builtins_js__WEBPACK_IMPORTED_MODULE_1__/* .nodeCrypto */ .SI)().createHmac('sha256', key).update(body, 'utf8').digest();
    return (0,_util_node_builtins_js__WEBPACK_IMPORTED_MODULE_1__/* .nodeCrypto */ .SI)().timingSafeEqual(expected, Buffer.from(match[2], 'hex')) ? undefined : 'badly signed';
}


/***/ }),

/***/ 56922:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   As: () => (/* binding */ memberHeader),
/* harmony export */   OQ: () => (/* binding */ paddingAfter),
/* harmony export */   y7: () => (/* binding */ TAR_END)
/* harmony export */ });
/* unused harmony export BLOCK */
// Plain POSIX (ustar) tar members, written so that each member's data starts at an offset known before a
// byte is sent: the manifest records those offsets and downloads read files straight out of a pack with
// ranged GETs, never parsing the tar. The packs stay ordinary archives that `tar -tf` lists and extracts.
// A tar library would hide the offsets, which are the point, so the ~50 lines of header format live here.
const BLOCK = 512;
/** Two zero blocks end an archive. */
const TAR_END = Buffer.alloc(2 * BLOCK);
/** Zero bytes that pad `size` bytes of member data to a whole block. */
function paddingAfter(size) {
    return (BLOCK - (size % BLOCK)) % BLOCK;
}
function octal(value, width) {
    // width - 1 digits and a NUL, as ustar numeric fields are written.
    return value.toString(8).padStart(width - 1, '0') + '\0';
}
function header(name, prefix, size, type) {
    const block = Buffer.alloc(BLOCK);
    name.copy(block, 0);
    block.write(octal(0o644, 8), 100, 'ascii');
    block.write(octal(0, 8), 108, 'ascii'); // uid
    block.write(octal(0, 8), 116, 'ascii'); // gid
    block.write(octal(size, 12), 124, 'ascii');
    block.write(octal(0, 12), 136, 'ascii'); // mtime: fixed, so a pack's bytes depend on its files only
    block.write(type, 156, 'ascii');
    block.write('ustar\0', 257, 'ascii');
    block.write('00', 263, 'ascii');
    prefix.copy(block, 345);
    // The checksum is the byte sum of the header with its own field read as spaces.
    block.fill(' ', 148, 156);
    let sum = 0;
    for (const byte of block)
        sum += byte;
    block.write(sum.toString(8).padStart(6, '0') + '\0 ', 148, 'ascii');
    return block;
}
/** Splits a UTF-8 path into ustar's prefix (up to 155 bytes) and name (up to 100), or undefined when it cannot. */
function splitUstar(path) {
    if (path.length <= 100)
        return { prefix: Buffer.alloc(0), name: path };
    for (let slash = path.indexOf(0x2f); slash !== -1; slash = path.indexOf(0x2f, slash + 1)) {
        if (slash <= 155 && path.length - slash - 1 <= 100 && slash > 0)
            return { prefix: path.subarray(0, slash), name: path.subarray(slash + 1) };
    }
    return undefined;
}
/** A PAX extended header record `<length> path=<value>\n`, whose length counts its own digits. */
function paxRecord(key, value) {
    const body = ` ${key}=${value}\n`;
    const bodyLength = Buffer.byteLength(body);
    let length = bodyLength + 1;
    while (length !== bodyLength + String(length).length)
        length = bodyLength + String(length).length;
    return Buffer.from(`${length}${body}`);
}
/**
 * The bytes that precede a regular file's data in the archive: a ustar header, or for a path ustar cannot
 * hold a PAX extended header (and its padded records) first.
 */
function memberHeader(path, size) {
    const bytes = Buffer.from(path, 'utf8');
    const fits = splitUstar(bytes);
    if (fits)
        return header(fits.name, fits.prefix, size, '0');
    const records = paxRecord('path', path);
    const shortName = Buffer.from(`PaxHeader/${path.slice(-80)}`, 'utf8').subarray(0, 100);
    return Buffer.concat([
        header(Buffer.from('PaxHeader', 'ascii'), Buffer.alloc(0), records.length, 'x'),
        records,
        Buffer.alloc(paddingAfter(records.length)),
        header(shortName, Buffer.alloc(0), size, '0')
    ]);
}


/***/ }),

/***/ 36765:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   JR: () => (/* binding */ rawInput),
/* harmony export */   hF: () => (/* binding */ input),
/* harmony export */   wK: () => (/* binding */ inputOr),
/* harmony export */   yL: () => (/* binding */ oneOf)
/* harmony export */ });
/* harmony import */ var _runner_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(74813);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(83916);
// Reading inputs as the runner passes them (INPUT_<NAME>), with the original tool's environment names as
// fallbacks. Only the settings modules use these.


/**
 * An input as the runner passes it (`INPUT_<NAME>`, hyphens kept). Outside GitHub, where a shell cannot export
 * a name with a hyphen, `INPUT_<NAME>` with underscores (INPUT_PACKAGE_DIRECTORY) is read too.
 */
function rawInput(name, trim = true) {
    const value = _runner_js__WEBPACK_IMPORTED_MODULE_0__/* .getInput */ .V4(name, { trimWhitespace: trim });
    if (value || process.env.GITHUB_ACTIONS === 'true')
        return value;
    const underscored = process.env[`INPUT_${name.toUpperCase().replace(/-/g, '_')}`] ?? '';
    return trim ? underscored.trim() : underscored;
}
function input(name) {
    return rawInput(name);
}
/** An input, else the first non-empty environment variable, else the default. */
function inputOr(name, envNames, fallback) {
    const value = input(name);
    if (value)
        return value;
    for (const envName of envNames) {
        const fromEnv = process.env[envName]?.trim();
        if (fromEnv)
            return fromEnv;
    }
    return fallback;
}
function oneOf(name, value, allowed) {
    const lower = value.toLowerCase();
    if (allowed.includes(lower))
        return lower;
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(`Input '${name}' is '${value}'; allowed values: ${allowed.join(', ')}.`);
}


/***/ }),

/***/ 53456:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   P: () => (/* binding */ parseStore),
/* harmony export */   j: () => (/* binding */ cacheServiceAvailable)
/* harmony export */ });
/* harmony import */ var _runner_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(74813);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _constants_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(27242);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(83916);
/* harmony import */ var _util_redact_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(50767);
/* harmony import */ var _read_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(36765);
/* harmony import */ var _values_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(535);
// Which store a run uses, from the inputs: the backend, its bucket and endpoint, credentials and timeouts.







function parseBucket(raw) {
    if (/^s3:\/\//i.test(raw) || raw.includes('/')) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .InputError */ .dz(`Input '${_constants_js__WEBPACK_IMPORTED_MODULE_2__/* .Inputs */ .G0.Bucket}' is '${raw}': give only the bucket name (for example 'my-assets'); ` +
            `put any key path in '${_constants_js__WEBPACK_IMPORTED_MODULE_2__/* .Inputs */ .G0.Prefix}'.`);
    }
    if (!/^[a-z0-9][a-z0-9._-]{1,221}[a-z0-9]$/.test(raw)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .InputError */ .dz(`Input '${_constants_js__WEBPACK_IMPORTED_MODULE_2__/* .Inputs */ .G0.Bucket}' is '${raw}', which is not a valid bucket name ` +
            `(lowercase letters, digits, '.', '-' and '_', 3 characters or more).`);
    }
    return raw;
}
function parseEndpoint(raw) {
    if (!raw)
        return undefined;
    const problem = (0,_values_js__WEBPACK_IMPORTED_MODULE_6__/* .endpointProblem */ .$Q)(raw);
    if (problem)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .InputError */ .dz(`Input '${_constants_js__WEBPACK_IMPORTED_MODULE_2__/* .Inputs */ .G0.Endpoint}' ${problem}.`);
    return raw.replace(/\/+$/, '');
}
const GCS_ENDPOINT = 'https://storage.googleapis.com';
function parseSeconds(name, raw, min, max) {
    const value = Number(raw);
    if (!Number.isFinite(value) || value < min || value > max) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .InputError */ .dz(`Input '${name}' is '${raw}': give a number of seconds from ${min} to ${max}.`);
    }
    return value;
}
/**
 * Whether this job can reach the Actions cache, decided as @actions/cache's isFeatureAvailable() does without
 * loading it: the v2 service (ACTIONS_CACHE_SERVICE_V2, never on GHES) needs ACTIONS_RESULTS_URL, v1 ACTIONS_CACHE_URL.
 */
function cacheServiceAvailable(env = process.env) {
    if (env.GITHUB_ACTIONS !== 'true')
        return false;
    const host = new URL(env.GITHUB_SERVER_URL || 'https://github.com').hostname.toUpperCase();
    const ghes = host !== 'GITHUB.COM' && !host.endsWith('.GHE.COM') && !host.endsWith('.LOCALHOST');
    return Boolean(env.ACTIONS_CACHE_SERVICE_V2 && !ghes ? env.ACTIONS_RESULTS_URL : env.ACTIONS_CACHE_URL);
}
function parseStore(cwd) {
    const backend = (0,_read_js__WEBPACK_IMPORTED_MODULE_5__/* .oneOf */ .yL)(_constants_js__WEBPACK_IMPORTED_MODULE_2__/* .Inputs */ .G0.Backend, (0,_read_js__WEBPACK_IMPORTED_MODULE_5__/* .input */ .hF)(_constants_js__WEBPACK_IMPORTED_MODULE_2__/* .Inputs */ .G0.Backend) || 'auto', _constants_js__WEBPACK_IMPORTED_MODULE_2__/* .BACKENDS */ .A7);
    const prefix = (0,_values_js__WEBPACK_IMPORTED_MODULE_6__/* .normalizePrefix */ .iG)((0,_read_js__WEBPACK_IMPORTED_MODULE_5__/* .input */ .hF)(_constants_js__WEBPACK_IMPORTED_MODULE_2__/* .Inputs */ .G0.Prefix));
    const bucketRaw = (0,_read_js__WEBPACK_IMPORTED_MODULE_5__/* .inputOr */ .wK)(_constants_js__WEBPACK_IMPORTED_MODULE_2__/* .Inputs */ .G0.Bucket, [_constants_js__WEBPACK_IMPORTED_MODULE_2__/* .SeedEnv */ .LA.Bucket], '');
    const kind = backend === 'auto' ? (bucketRaw ? 's3' : cacheServiceAvailable() ? 'actions-cache' : 'local') : backend;
    if (kind === 'actions-cache')
        return { kind, prefix };
    if (kind === 'local') {
        const root = node_path__WEBPACK_IMPORTED_MODULE_1___default().resolve(cwd, (0,_read_js__WEBPACK_IMPORTED_MODULE_5__/* .input */ .hF)(_constants_js__WEBPACK_IMPORTED_MODULE_2__/* .Inputs */ .G0.LocalDir) || '.asset-store');
        if (backend === 'auto')
            refuseSilentLocalFallback(root);
        return { kind, prefix, root };
    }
    if (!bucketRaw) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .InputError */ .dz(`backend '${kind}' needs a bucket: set the '${_constants_js__WEBPACK_IMPORTED_MODULE_2__/* .Inputs */ .G0.Bucket}' input or ${_constants_js__WEBPACK_IMPORTED_MODULE_2__/* .SeedEnv */ .LA.Bucket}.`);
    }
    const gcs = kind === 'gcs';
    const endpoint = gcs
        ? (parseEndpoint((0,_read_js__WEBPACK_IMPORTED_MODULE_5__/* .input */ .hF)(_constants_js__WEBPACK_IMPORTED_MODULE_2__/* .Inputs */ .G0.Endpoint)) ?? GCS_ENDPOINT)
        : parseEndpoint((0,_read_js__WEBPACK_IMPORTED_MODULE_5__/* .inputOr */ .wK)(_constants_js__WEBPACK_IMPORTED_MODULE_2__/* .Inputs */ .G0.Endpoint, ['AWS_ENDPOINT_URL_S3', 'AWS_ENDPOINT_URL'], ''));
    const pathStyle = (0,_read_js__WEBPACK_IMPORTED_MODULE_5__/* .oneOf */ .yL)(_constants_js__WEBPACK_IMPORTED_MODULE_2__/* .Inputs */ .G0.ForcePathStyle, (0,_read_js__WEBPACK_IMPORTED_MODULE_5__/* .input */ .hF)(_constants_js__WEBPACK_IMPORTED_MODULE_2__/* .Inputs */ .G0.ForcePathStyle) || 'auto', ['auto', 'true', 'false']);
    const accessKeyId = (0,_read_js__WEBPACK_IMPORTED_MODULE_5__/* .input */ .hF)(_constants_js__WEBPACK_IMPORTED_MODULE_2__/* .Inputs */ .G0.AccessKeyId);
    const secretAccessKey = (0,_read_js__WEBPACK_IMPORTED_MODULE_5__/* .input */ .hF)(_constants_js__WEBPACK_IMPORTED_MODULE_2__/* .Inputs */ .G0.SecretAccessKey);
    const sessionToken = (0,_read_js__WEBPACK_IMPORTED_MODULE_5__/* .input */ .hF)(_constants_js__WEBPACK_IMPORTED_MODULE_2__/* .Inputs */ .G0.SessionToken);
    for (const secret of [accessKeyId, secretAccessKey, sessionToken])
        (0,_util_redact_js__WEBPACK_IMPORTED_MODULE_4__/* .registerSecret */ .cl)(secret);
    if (Boolean(accessKeyId) !== Boolean(secretAccessKey)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .InputError */ .dz(`Inputs '${_constants_js__WEBPACK_IMPORTED_MODULE_2__/* .Inputs */ .G0.AccessKeyId}' and '${_constants_js__WEBPACK_IMPORTED_MODULE_2__/* .Inputs */ .G0.SecretAccessKey}' go together: set both, or neither to use the AWS default credential chain.`);
    }
    if (gcs && !accessKeyId) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .InputError */ .dz(`backend 'gcs' needs an HMAC key: set '${_constants_js__WEBPACK_IMPORTED_MODULE_2__/* .Inputs */ .G0.AccessKeyId}' and '${_constants_js__WEBPACK_IMPORTED_MODULE_2__/* .Inputs */ .G0.SecretAccessKey}' (Cloud Storage \u2192 Settings \u2192 Interoperability; see "Google Cloud Storage" in the README).`);
    }
    const profile = (0,_read_js__WEBPACK_IMPORTED_MODULE_5__/* .input */ .hF)(_constants_js__WEBPACK_IMPORTED_MODULE_2__/* .Inputs */ .G0.Profile);
    const roleArn = (0,_read_js__WEBPACK_IMPORTED_MODULE_5__/* .inputOr */ .wK)(_constants_js__WEBPACK_IMPORTED_MODULE_2__/* .Inputs */ .G0.RoleArn, [_constants_js__WEBPACK_IMPORTED_MODULE_2__/* .SeedEnv */ .LA.Role], '');
    if (roleArn && !/^arn:aws[\w-]*:iam::\d{12}:role\/[\w+=,.@/-]+$/.test(roleArn)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .InputError */ .dz(`Input '${_constants_js__WEBPACK_IMPORTED_MODULE_2__/* .Inputs */ .G0.RoleArn}' (or $${_constants_js__WEBPACK_IMPORTED_MODULE_2__/* .SeedEnv */ .LA.Role}) is '${roleArn}': give a role ARN such as arn:aws:iam::123456789012:role/assets.`);
    }
    return {
        kind: 's3',
        flavor: gcs ? 'gcs' : endpoint ? 'compatible' : 'aws',
        prefix,
        bucket: parseBucket(bucketRaw),
        // GCS signs with any region name; 'auto' is what its docs use.
        region: gcs ? (0,_read_js__WEBPACK_IMPORTED_MODULE_5__/* .input */ .hF)(_constants_js__WEBPACK_IMPORTED_MODULE_2__/* .Inputs */ .G0.Region) || 'auto' : (0,_read_js__WEBPACK_IMPORTED_MODULE_5__/* .inputOr */ .wK)(_constants_js__WEBPACK_IMPORTED_MODULE_2__/* .Inputs */ .G0.Region, ['AWS_REGION', 'AWS_DEFAULT_REGION'], 'us-east-1'),
        endpoint,
        forcePathStyle: pathStyle === 'auto' ? endpoint !== undefined : pathStyle === 'true',
        credentials: accessKeyId ? { accessKeyId, secretAccessKey, sessionToken: sessionToken || undefined } : undefined,
        profile: profile || undefined,
        role: roleArn ? { arn: roleArn, sessionName: (0,_read_js__WEBPACK_IMPORTED_MODULE_5__/* .input */ .hF)(_constants_js__WEBPACK_IMPORTED_MODULE_2__/* .Inputs */ .G0.RoleSessionName) || 's3-asset-manager' } : undefined,
        connectTimeoutMs: parseSeconds(_constants_js__WEBPACK_IMPORTED_MODULE_2__/* .Inputs */ .G0.ConnectTimeout, (0,_read_js__WEBPACK_IMPORTED_MODULE_5__/* .input */ .hF)(_constants_js__WEBPACK_IMPORTED_MODULE_2__/* .Inputs */ .G0.ConnectTimeout) || '10', 1, 600) * 1000,
        requestTimeoutMs: parseSeconds(_constants_js__WEBPACK_IMPORTED_MODULE_2__/* .Inputs */ .G0.RequestTimeout, (0,_read_js__WEBPACK_IMPORTED_MODULE_5__/* .input */ .hF)(_constants_js__WEBPACK_IMPORTED_MODULE_2__/* .Inputs */ .G0.RequestTimeout) || '300', 1, 3600) * 1000
    };
}
/**
 * backend 'auto' fell back to a local directory. Outside GitHub, a job that sets the original tool's
 * variables but no bucket is almost always an unset secret or a typo: failing (as the original did, exit
 * 100) beats an exit 0 that uploads into a throwaway directory and rebuilds every time.
 */
function refuseSilentLocalFallback(root) {
    const seedNames = Object.values(_constants_js__WEBPACK_IMPORTED_MODULE_2__/* .SeedEnv */ .LA).filter((name) => process.env[name] !== undefined);
    if (process.env.GITHUB_ACTIONS !== 'true' && seedNames.length > 0) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .MissingBucketError */ .zx(`Missing environment variable: ${_constants_js__WEBPACK_IMPORTED_MODULE_2__/* .SeedEnv */ .LA.Bucket}. ${seedNames.join(', ')} ${seedNames.length > 1 ? 'are' : 'is'} set, as in an ` +
            `s3-asset-manager job, but no bucket is: set ${_constants_js__WEBPACK_IMPORTED_MODULE_2__/* .SeedEnv */ .LA.Bucket} (or the '${_constants_js__WEBPACK_IMPORTED_MODULE_2__/* .Inputs */ .G0.Bucket}' input). To keep the assets in a ` +
            `local directory on purpose, set backend to local (INPUT_BACKEND=local, or 'backend: local').`);
    }
    _runner_js__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(`No bucket is set, so the assets are kept in the local directory ${root} (backend 'auto'; set 'backend: local' to choose it explicitly).`);
}


/***/ }),

/***/ 535:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $Q: () => (/* binding */ endpointProblem),
/* harmony export */   LX: () => (/* binding */ deriveS3Settings),
/* harmony export */   iG: () => (/* binding */ normalizePrefix),
/* harmony export */   jB: () => (/* binding */ MAX_PACK_BELOW),
/* harmony export */   nS: () => (/* binding */ parseByteSize),
/* harmony export */   om: () => (/* binding */ SIZE_UNITS_HELP),
/* harmony export */   yG: () => (/* binding */ parseBoolean)
/* harmony export */ });
/* harmony import */ var _constants_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(27242);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(83916);
/* harmony import */ var _util_redact_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(50767);
// Pure value parsers shared by the inputs and the apply config: each names the field it parses (an input,
// or a config option) in its error, so a bad value is reported where it was written.



/** Normalises a key prefix to '' or 'a/b/' (no leading slash, one trailing slash). */
function normalizePrefix(raw, field = `Input '${_constants_js__WEBPACK_IMPORTED_MODULE_0__/* .Inputs */ .G0.Prefix}'`) {
    const trimmed = raw.trim().replace(/^\/+/, '').replace(/\/+$/, '');
    if (!trimmed)
        return '';
    if (trimmed.includes('\\')) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(`${field} is '${raw}': a key prefix separates its parts with '/', not '\\' (for example 'my-repo/web/').`);
    }
    if (trimmed.split('/').some((segment) => segment === '..' || segment === '.' || segment === '')) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(`${field} is '${raw}': use a plain key prefix such as 'my-repo/' (no '.', '..' or '//').`);
    }
    return `${trimmed}/`;
}
/**
 * Why an endpoint URL may not be used as it is, or undefined. One with a user name or password in it
 * (`https://key:secret@host`) is refused: logs, summaries and every object URL would show the secret. Its
 * parts are masked first, so even this refusal shows them as ***.
 */
function endpointProblem(raw) {
    let url;
    try {
        url = new URL(raw);
    }
    catch {
        return `is '${raw}', which is not a URL: give one like https://minio.example.com:9000`;
    }
    if (url.username || url.password) {
        for (const part of [url.username, url.password, decodeURIComponent(url.username), decodeURIComponent(url.password)])
            (0,_util_redact_js__WEBPACK_IMPORTED_MODULE_2__/* .registerSecret */ .cl)(part);
        return (`is '${url.protocol}//***@${url.host}${url.pathname === '/' ? '' : url.pathname}': it holds a user name or password. Give the keys as ` +
            `'${_constants_js__WEBPACK_IMPORTED_MODULE_0__/* .Inputs */ .G0.AccessKeyId}' and '${_constants_js__WEBPACK_IMPORTED_MODULE_0__/* .Inputs */ .G0.SecretAccessKey}' (or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY), never in the URL, which logs and summaries show`);
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:')
        return `is '${raw}': the URL must start with http:// or https://`;
    return undefined;
}
function parseBoolean(name, raw, fallback) {
    if (!raw)
        return fallback;
    if (/^(true|yes|on|1)$/i.test(raw))
        return true;
    if (/^(false|no|off|0)$/i.test(raw))
        return false;
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(`Input '${name}' is '${raw}'; allowed values: true, false.`);
}
const SIZE_UNITS = { '': 1, b: 1, kb: 1e3, mb: 1e6, gb: 1e9, kib: 1024, mib: 1024 ** 2, gib: 1024 ** 3 };
/** A byte count such as `1MiB`, `512 KiB`, `1.5MB` or `4096`; undefined when `raw` is not one. */
function parseByteSize(raw) {
    if (typeof raw === 'number')
        return Number.isSafeInteger(raw) && raw >= 0 ? raw : undefined;
    const match = /^(\d+(?:\.\d+)?)\s*([kmg]i?b|b)?$/i.exec(raw.trim());
    if (!match)
        return undefined;
    const bytes = Math.round(Number(match[1]) * SIZE_UNITS[(match[2] ?? '').toLowerCase()]);
    return Number.isSafeInteger(bytes) ? bytes : undefined;
}
/** Packs close at 64 MiB; a file as large as that is better as its own object. */
const MAX_PACK_BELOW = 64 * 1024 * 1024;
/** Units of a size: a bare number is bytes; KB/MB/GB are powers of 1000, KiB/MiB/GiB of 1024. */
const SIZE_UNITS_HELP = 'a bare number is bytes; KB, MB, GB are powers of 1000, KiB, MiB, GiB of 1024';
/**
 * S3 settings for another bucket (apply's state backend, config.store): what the config names, the rest
 * (credentials, timeouts, and endpoint/region unless named) from the action's own store settings.
 */
function deriveS3Settings(base, target) {
    const inherited = base.kind === 's3' ? base : undefined;
    const endpoint = target.endpoint ?? inherited?.endpoint;
    return {
        kind: 's3',
        flavor: target.endpoint ? 'compatible' : (inherited?.flavor ?? 'aws'),
        bucket: target.bucket,
        prefix: target.prefix ?? '',
        region: target.region ?? inherited?.region ?? process.env.AWS_REGION ?? process.env.AWS_DEFAULT_REGION ?? 'us-east-1',
        endpoint,
        forcePathStyle: inherited?.forcePathStyle ?? endpoint !== undefined,
        credentials: inherited?.credentials,
        profile: inherited?.profile,
        role: inherited?.role,
        connectTimeoutMs: inherited?.connectTimeoutMs ?? 10_000,
        requestTimeoutMs: inherited?.requestTimeoutMs ?? 300_000
    };
}


/***/ }),

/***/ 92826:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   createStore: () => (/* binding */ createStore)
/* harmony export */ });
/* harmony import */ var _runner_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(74813);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(83916);
/* harmony import */ var _local_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(10801);



/**
 * The S3 backend is loaded on demand: the AWS SDK is most of the bundle and a local run does not need it.
 * `cancellable: false` makes a store whose requests a cancelled step still finishes (apply's state and lock).
 */
async function createStore(settings, concurrency, options = {}) {
    switch (settings.kind) {
        case 's3': {
            const { S3Store } = await Promise.all(/* import() */[__webpack_require__.e(711), __webpack_require__.e(507)]).then(__webpack_require__.bind(__webpack_require__, 71507));
            const store = new S3Store(settings, concurrency, options);
            if (settings.role)
                _runner_js__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(`Accessing ${store.name} with the assumed role ${settings.role.arn} (session '${settings.role.sessionName}').`);
            try {
                await store.checkCredentials();
            }
            catch (error) {
                store.close();
                throw error;
            }
            return store;
        }
        case 'local':
            return new _local_js__WEBPACK_IMPORTED_MODULE_2__/* .LocalStore */ .V(settings.root);
        case 'actions-cache':
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(`backend 'actions-cache' keeps whole asset sets, not objects: apply needs backend s3, gcs or local (or a config.store).`);
    }
}


/***/ }),

/***/ 10801:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   V: () => (/* binding */ LocalStore)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_url__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(73136);
/* harmony import */ var node_url__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_url__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(83916);
/* harmony import */ var _util_cancellation_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(76601);
/* harmony import */ var _util_digest_stream_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(89587);
/* harmony import */ var _util_node_builtins_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(53115);
/* harmony import */ var _util_capped_read_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(48724);
/* harmony import */ var _util_fs_calls_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(62001);
/* harmony import */ var _util_paths_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(24964);
/* harmony import */ var _store_js__WEBPACK_IMPORTED_MODULE_11__ = __webpack_require__(34703);
/* harmony import */ var _util_random_js__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(31245);












/**
 * A file's version: every write lands as a new file renamed into place, so a new inode, and with it a new
 * token; a listing reports the same token (StoredObject.etag).
 */
function versionOf(info) {
    return `${info.ino}-${Math.round(info.mtimeMs * 1000)}-${info.size}`;
}
function isMissing(error) {
    const code = error.code;
    return code === 'ENOENT' || code === 'ENOTDIR';
}
/** Writes every chunk to the open file, in order. */
async function writeChunks(chunks, fd) {
    for await (const chunk of chunks)
        await (0,_util_fs_calls_js__WEBPACK_IMPORTED_MODULE_8__/* .writeAll */ .f4)(fd, chunk);
}
/** Writes a pull body to the open file through one buffer, stopping when the step is cancelled. */
async function writePulled(body, fd) {
    const buffer = Buffer.allocUnsafe(1024 * 1024);
    for (;;) {
        (0,_util_cancellation_js__WEBPACK_IMPORTED_MODULE_4__/* .throwIfCancelled */ .dZ)();
        const read = await body.readInto(buffer);
        if (read === 0)
            return;
        await (0,_util_fs_calls_js__WEBPACK_IMPORTED_MODULE_8__/* .writeAll */ .f4)(fd, buffer.subarray(0, read));
    }
}
/**
 * Creates `file` exclusively, making its directory first. Another run's deleteMany removes directories it
 * leaves empty; one removed while the mkdir makes the levels below it, or between the mkdir and the open, is
 * made again (the open file then keeps it).
 */
async function openInFreshDirectory(file) {
    for (let attempt = 1;; attempt++) {
        try {
            await (0,_util_fs_calls_js__WEBPACK_IMPORTED_MODULE_8__/* .mkdir */ .Ck)(node_path__WEBPACK_IMPORTED_MODULE_1___default().dirname(file), { recursive: true });
            return await (0,_util_fs_calls_js__WEBPACK_IMPORTED_MODULE_8__/* .openFd */ .df)(file, 'wx');
        }
        catch (error) {
            if (error.code !== 'ENOENT' || attempt >= 5)
                throw error;
        }
    }
}
/**
 * A directory as the store: keys are relative paths under `root`. Every write goes to a temporary
 * file beside its target and is renamed into place, so a crash never leaves a half file under its final name.
 *
 * A store directory may be shared and written by others (a mounted volume). Nothing in it is trusted to
 * be what its name says: a symlink found below the root is never followed \u2014 not to read, copy, list or
 * delete \u2014 so a planted link cannot make a trusted run read a runner's files into the store or write
 * outside it; and a copy hashes the bytes it copies, so promotion compares them with the manifest.
 */
class LocalStore {
    root;
    name;
    /** Directories below the root already seen to be real directories in this run. */
    checkedDirectories = new Set();
    constructor(root) {
        this.root = root;
        this.name = root;
    }
    pathOf(key) {
        return (0,_util_paths_js__WEBPACK_IMPORTED_MODULE_9__/* .fromPosixRelative */ .yK)(this.root, key);
    }
    /**
     * The path of `key`, after checking that no directory between the root and it is a symlink (the root
     * itself may be one: that is the user's choice). Missing directories are fine: a write creates real ones.
     */
    async safePath(key) {
        const segments = key.split('/').filter((segment) => segment !== '');
        if (segments.some((segment) => segment === '..' || segment === '.') ||
            key.startsWith('/') ||
            key.includes('\\') ||
            key.includes('\0')) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .IntegrityError */ .cs(`The key '${key}' would lead outside the local store '${this.root}': refused.`);
        }
        let current = this.root;
        for (const segment of segments.slice(0, -1)) {
            current = node_path__WEBPACK_IMPORTED_MODULE_1___default().join(current, segment);
            if (this.checkedDirectories.has(current))
                continue;
            let info;
            try {
                info = await (0,_util_fs_calls_js__WEBPACK_IMPORTED_MODULE_8__/* .lstat */ .$1)(current);
            }
            catch (error) {
                if (isMissing(error))
                    break;
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .StoreError */ .AD(`Could not inspect ${current} in the local store: ${error.message}`, { cause: error });
            }
            if (info.isSymbolicLink())
                throw this.symlinkError(current);
            if (!info.isDirectory())
                break; // a read then finds nothing; a write fails naming the file in the way
            this.checkedDirectories.add(current);
        }
        return this.pathOf(key);
    }
    /** An IntegrityError: the store's content is not what it should be, so a hit on it is a miss, a download fails. */
    symlinkError(where) {
        return new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .IntegrityError */ .cs(`${where} in the local store '${this.root}' is a symlink. The local store never follows symlinks: someone with write ` +
            `access to the store may have planted it to read or overwrite files elsewhere. Remove it (and check who can write the store).`);
    }
    /** Opens an object for reading without following a symlink at any level. */
    async openForRead(key) {
        const file = await this.safePath(key);
        try {
            return { fd: await (0,_util_fs_calls_js__WEBPACK_IMPORTED_MODULE_8__/* .openFd */ .df)(file, _util_capped_read_js__WEBPACK_IMPORTED_MODULE_7__/* .READ_NO_FOLLOW */ .xZ), file };
        }
        catch (error) {
            if (error.code === 'ELOOP')
                throw this.symlinkError(file);
            throw error;
        }
    }
    url(key) {
        const href = (0,node_url__WEBPACK_IMPORTED_MODULE_2__.pathToFileURL)(this.pathOf(key)).href;
        return key.endsWith('/') && !href.endsWith('/') ? `${href}/` : href;
    }
    async readText(key, maxBytes) {
        return (await this.readVersioned(key, maxBytes))?.text;
    }
    async readVersioned(key, maxBytes) {
        let opened;
        try {
            opened = await this.openForRead(key);
        }
        catch (error) {
            if (isMissing(error))
                return undefined;
            if (error instanceof _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .StoreError */ .AD || error instanceof _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .IntegrityError */ .cs)
                throw error;
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .StoreError */ .AD(`Could not read ${this.pathOf(key)} from the local store: ${error.message}`, { cause: error });
        }
        try {
            // A directory where an object would be: nothing stored under that key.
            const etag = versionOf(await (0,_util_fs_calls_js__WEBPACK_IMPORTED_MODULE_8__/* .fstat */ .DE)(opened.fd));
            const text = await (0,_util_capped_read_js__WEBPACK_IMPORTED_MODULE_7__/* .readOpenedText */ .$O)(opened.fd, maxBytes, this.url(key));
            return text === undefined ? undefined : { text, etag };
        }
        finally {
            await (0,_util_fs_calls_js__WEBPACK_IMPORTED_MODULE_8__/* .closeFd */ .zF)(opened.fd);
        }
    }
    /**
     * Runs `write` on a new temporary file beside the key, then puts it in place (a symlink there is replaced, not followed): with
     * `ifNoneMatch` by a hard link, which fails when the key exists; with `ifMatch` only while the key's version
     * is that one; else by a rename. Returns the new object's version.
     */
    async writeAtomically(key, write, condition = {}) {
        if (!condition.evenIfCancelled)
            (0,_util_cancellation_js__WEBPACK_IMPORTED_MODULE_4__/* .throwIfCancelled */ .dZ)();
        const target = await this.safePath(key);
        const temp = `${target}.tmp-${(0,_util_random_js__WEBPACK_IMPORTED_MODULE_10__.randomHex)(6)}`;
        try {
            const fd = await openInFreshDirectory(temp);
            try {
                await write(fd);
            }
            finally {
                await (0,_util_fs_calls_js__WEBPACK_IMPORTED_MODULE_8__/* .closeFd */ .zF)(fd);
            }
            if (condition.ifNoneMatch) {
                try {
                    await (0,_util_fs_calls_js__WEBPACK_IMPORTED_MODULE_8__/* .link */ .nf)(temp, target);
                }
                catch (error) {
                    if (error.code === 'EEXIST') {
                        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .PreconditionFailedError */ .k9(`${this.url(key)} exists already (another run wrote it).`);
                    }
                    throw error;
                }
                await (0,_util_fs_calls_js__WEBPACK_IMPORTED_MODULE_8__/* .unlink */ .y1)(temp);
            }
            else {
                if (condition.ifMatch !== undefined) {
                    const current = await (0,_util_fs_calls_js__WEBPACK_IMPORTED_MODULE_8__/* .lstat */ .$1)(target).catch(() => undefined);
                    if (!current || versionOf(current) !== condition.ifMatch) {
                        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .PreconditionFailedError */ .k9(`${this.url(key)} is not the version expected (another run wrote it).`);
                    }
                }
                await (0,_util_fs_calls_js__WEBPACK_IMPORTED_MODULE_8__/* .rename */ .$w)(temp, target);
            }
            return versionOf(await (0,_util_fs_calls_js__WEBPACK_IMPORTED_MODULE_8__/* .lstat */ .$1)(target));
        }
        catch (error) {
            await (0,_util_fs_calls_js__WEBPACK_IMPORTED_MODULE_8__.rm)(temp, { force: true });
            if (error instanceof _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .StoreError */ .AD ||
                error instanceof _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .IntegrityError */ .cs ||
                error instanceof _util_cancellation_js__WEBPACK_IMPORTED_MODULE_4__/* .CancelledError */ .cc ||
                error.name === 'AbortError')
                throw error;
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .StoreError */ .AD(`Could not write ${target} in the local store '${this.root}': ${error.message}`, { cause: error });
        }
    }
    async put(key, body, options) {
        const etag = await this.writeAtomically(key, (temp) => Buffer.isBuffer(body)
            ? (0,_util_fs_calls_js__WEBPACK_IMPORTED_MODULE_8__/* .writeAll */ .f4)(temp, body)
            : (0,_store_js__WEBPACK_IMPORTED_MODULE_11__/* .isPullBody */ .A)(body)
                ? writePulled(body, temp)
                : (0,_util_node_builtins_js__WEBPACK_IMPORTED_MODULE_6__/* .nodeStreamPromises */ .Zv)().pipeline(body, (chunks) => writeChunks(chunks, temp), { signal: _util_cancellation_js__WEBPACK_IMPORTED_MODULE_4__/* .cancelSignal */ .Bj }), options);
        return { etag };
    }
    async get(key) {
        try {
            const { fd, file } = await this.openForRead(key);
            return (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.createReadStream)(file, { fd });
        }
        catch (error) {
            if (isMissing(error))
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .MissingObjectError */ .S3(`${this.pathOf(key)} is missing from the local store.`, { cause: error });
            if (error instanceof _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .StoreError */ .AD || error instanceof _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .IntegrityError */ .cs)
                throw error;
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .StoreError */ .AD(`Could not read ${this.pathOf(key)} from the local store: ${error.message}`, { cause: error });
        }
    }
    /** Copies through this process (a directory has no server), hashing the bytes so the caller can check them. */
    async copy(sourceKey, targetKey) {
        const tap = (0,_util_digest_stream_js__WEBPACK_IMPORTED_MODULE_5__/* .digestStream */ .Nq)();
        const etag = await this.writeAtomically(targetKey, async (temp) => {
            let source;
            try {
                source = await this.get(sourceKey);
            }
            catch (error) {
                if (error instanceof _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .MissingObjectError */ .S3) {
                    throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .MissingObjectError */ .S3(`Cannot copy ${this.pathOf(sourceKey)}: it is missing from the local store.`, { cause: error });
                }
                throw error;
            }
            await (0,_util_node_builtins_js__WEBPACK_IMPORTED_MODULE_6__/* .nodeStreamPromises */ .Zv)().pipeline(source, tap, (chunks) => writeChunks(chunks, temp), {
                signal: _util_cancellation_js__WEBPACK_IMPORTED_MODULE_4__/* .cancelSignal */ .Bj
            });
        });
        return { sha256: tap.digest(), etag };
    }
    async list(prefix, onPage) {
        // Walk the deepest directory the prefix names, then keep the keys that start with it. Symlinks are
        // neither files nor directories to this walk: they are skipped, never followed.
        const slash = prefix.lastIndexOf('/');
        const base = slash < 0 ? '' : prefix.slice(0, slash + 1);
        const found = [];
        const walk = async (keyDir) => {
            let entries;
            try {
                const directory = await this.safePath(`${keyDir}x`);
                entries = await (0,_util_fs_calls_js__WEBPACK_IMPORTED_MODULE_8__/* .readdir */ .Cy)(node_path__WEBPACK_IMPORTED_MODULE_1___default().dirname(directory), { withFileTypes: true });
            }
            catch (error) {
                if (isMissing(error))
                    return;
                if (error instanceof _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .StoreError */ .AD || error instanceof _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .IntegrityError */ .cs)
                    throw error;
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .StoreError */ .AD(`Could not list ${this.pathOf(keyDir)} in the local store: ${error.message}`, { cause: error });
            }
            for (const entry of entries) {
                const key = `${keyDir}${entry.name}`;
                if (entry.isDirectory()) {
                    if (prefix.startsWith(`${key}/`) || `${key}/`.startsWith(prefix))
                        await walk(`${key}/`);
                }
                else if (entry.isFile() && key.startsWith(prefix) && !/\.tmp-[0-9a-f]{12}$/.test(key)) {
                    const info = await (0,_util_fs_calls_js__WEBPACK_IMPORTED_MODULE_8__/* .lstat */ .$1)(this.pathOf(key)).catch(() => undefined);
                    if (info?.isFile())
                        found.push({ key, size: info.size, lastModified: info.mtime, etag: versionOf(info) });
                }
            }
        };
        await walk(base);
        onPage?.(found.length);
        return found.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    }
    async delete(key) {
        // rm removes a symlink itself, never its target; safePath refuses a symlinked directory on the way.
        await (0,_util_fs_calls_js__WEBPACK_IMPORTED_MODULE_8__.rm)(await this.safePath(key), { force: true });
    }
    async deleteMany(keys, onBatch) {
        const directories = new Set();
        for (const [index, key] of keys.entries()) {
            await this.delete(key);
            for (let slash = key.lastIndexOf('/'); slash > 0; slash = key.lastIndexOf('/', slash - 1))
                directories.add(key.slice(0, slash));
            if ((index + 1) % 1000 === 0)
                onBatch?.(index + 1);
        }
        // Directories the deleted objects leave empty go too, deepest first, so the store does not fill with them.
        for (const directory of [...directories].sort((a, b) => b.length - a.length)) {
            await (0,_util_fs_calls_js__WEBPACK_IMPORTED_MODULE_8__/* .rmdir */ .Nr)(this.pathOf(directory)).catch(() => undefined);
        }
        onBatch?.(keys.length);
    }
    /** A directory creates exclusively (what the local lock uses) and has no server clock or ranges to speak of. */
    async probe(scratch) {
        const file = await this.safePath(`${scratch}probe`);
        await (0,_util_fs_calls_js__WEBPACK_IMPORTED_MODULE_8__/* .mkdir */ .Ck)(node_path__WEBPACK_IMPORTED_MODULE_1___default().dirname(file), { recursive: true });
        try {
            await (0,_util_fs_calls_js__WEBPACK_IMPORTED_MODULE_8__.writeFile)(file, 'doctor', { flag: 'wx' });
            const second = await (0,_util_fs_calls_js__WEBPACK_IMPORTED_MODULE_8__.writeFile)(file, 'doctor', { flag: 'wx' }).then(() => false, (error) => error.code === 'EEXIST');
            return { conditionalWrites: second, clockSkewSeconds: 0 };
        }
        finally {
            await (0,_util_fs_calls_js__WEBPACK_IMPORTED_MODULE_8__.rm)(file, { force: true });
        }
    }
    close() { }
}


/***/ }),

/***/ 34703:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   A: () => (/* binding */ isPullBody)
/* harmony export */ });
const isPullBody = (body) => !Buffer.isBuffer(body) && 'readInto' in body;


/***/ }),

/***/ 24964:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   FK: () => (/* binding */ isInside),
/* harmony export */   T0: () => (/* binding */ toPosixRelative),
/* harmony export */   g3: () => (/* binding */ windowsNameProblem),
/* harmony export */   yK: () => (/* binding */ fromPosixRelative),
/* harmony export */   ys: () => (/* binding */ sameFileKey)
/* harmony export */ });
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);

// Manifests, store keys and code-hash entries always use '/'; the file system uses the runner's separator.
// Every conversion between the two goes through here, with the path module as a parameter so the Windows
// rules are tested with path.win32 on any machine.
/** Whether `candidate` is `root` or below it (on Windows: case-insensitively, and never on another drive). */
function isInside(root, candidate, paths = (node_path__WEBPACK_IMPORTED_MODULE_0___default())) {
    const relative = paths.relative(root, candidate);
    if (relative === '')
        return true;
    return !paths.isAbsolute(relative) && relative.split(paths.sep)[0] !== '..';
}
/** `absolute` relative to `root` with '/' separators: a manifest path or a store key suffix. */
function toPosixRelative(root, absolute, paths = (node_path__WEBPACK_IMPORTED_MODULE_0___default())) {
    return paths.relative(root, absolute).split(paths.sep).join('/');
}
/** Where a '/'-separated relative path (already checked to stay inside) lands under `root`. */
function fromPosixRelative(root, relative, paths = (node_path__WEBPACK_IMPORTED_MODULE_0___default())) {
    return paths.join(root, ...relative.split('/').filter((segment) => segment !== ''));
}
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9\u00b9\u00b2\u00b3]|lpt[0-9\u00b9\u00b2\u00b3]|conin\$|conout\$|clock\$)(\..*)?$/i;
/**
 * Why a path segment cannot be a file name on Windows, or undefined. A name Linux allows (`a:b`, `nul.txt`,
 * `x.`) would on Windows open a drive-relative path, an alternate data stream or a device, or be silently
 * renamed: a download must refuse it rather than write somewhere else.
 */
function windowsNameProblem(segment) {
    if (/[<>:"|?*\\]/.test(segment))
        return `has a character Windows does not allow in file names (< > : " | ? * \\)`;
    // eslint-disable-next-line no-control-regex
    if (/[\u0000-\u001f]/.test(segment))
        return 'has a control character';
    if (WINDOWS_RESERVED.test(segment.replace(/[. ]+$/, '')))
        return 'is a device name on Windows (CON, PRN, AUX, NUL, COM1-9, LPT1-9, CONIN$, CONOUT$)';
    // GIT~1 is how Windows may also name .git (8.3 short names): writing through it would write into the repository.
    if (/~\d/.test(segment))
        return 'looks like an 8.3 short name (such as GIT~1 for .git), which Windows may resolve to another file';
    if (/[. ]$/.test(segment))
        return 'ends with a dot or a space, which Windows drops';
    return undefined;
}
/** Paths that are one file on this platform's usual file systems (case-insensitive on Windows and macOS). */
function sameFileKey(relative) {
    return process.platform === 'win32' || process.platform === 'darwin' ? relative.normalize('NFC').toLowerCase() : relative;
}


/***/ }),

/***/ 70370:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  A: () => (/* binding */ pLimit)
});

// UNUSED EXPORTS: limitFunction

;// CONCATENATED MODULE: ./node_modules/yocto-queue/index.js
/*
How it works:
`this.#head` is an instance of `Node` which keeps track of its current value and nests another instance of `Node` that keeps the value that comes after it. When a value is provided to `.enqueue()`, the code needs to iterate through `this.#head`, going deeper and deeper to find the last value. However, iterating through every single item is slow. This problem is solved by saving a reference to the last value as `this.#tail` so that it can reference it to add a new value.
*/

class Node {
	value;
	next;

	constructor(value) {
		this.value = value;
	}
}

class Queue {
	#head;
	#tail;
	#size;

	constructor() {
		this.clear();
	}

	enqueue(value) {
		const node = new Node(value);

		if (this.#head) {
			this.#tail.next = node;
			this.#tail = node;
		} else {
			this.#head = node;
			this.#tail = node;
		}

		this.#size++;
	}

	dequeue() {
		const current = this.#head;
		if (!current) {
			return;
		}

		this.#head = this.#head.next;
		this.#size--;

		// Clean up tail reference when queue becomes empty
		if (!this.#head) {
			this.#tail = undefined;
		}

		return current.value;
	}

	peek() {
		if (!this.#head) {
			return;
		}

		return this.#head.value;

		// TODO: Node.js 18.
		// return this.#head?.value;
	}

	clear() {
		this.#head = undefined;
		this.#tail = undefined;
		this.#size = 0;
	}

	get size() {
		return this.#size;
	}

	* [Symbol.iterator]() {
		let current = this.#head;

		while (current) {
			yield current.value;
			current = current.next;
		}
	}

	* drain() {
		while (this.#head) {
			yield this.dequeue();
		}
	}
}

;// CONCATENATED MODULE: ./node_modules/p-limit/index.js


function pLimit(concurrency) {
	let rejectOnClear = false;

	if (typeof concurrency === 'object') {
		({concurrency, rejectOnClear = false} = concurrency);
	}

	validateConcurrency(concurrency);

	if (typeof rejectOnClear !== 'boolean') {
		throw new TypeError('Expected `rejectOnClear` to be a boolean');
	}

	const queue = new Queue();
	let activeCount = 0;

	const resumeNext = () => {
		// Process the next queued function if we're under the concurrency limit
		if (activeCount < concurrency && queue.size > 0) {
			activeCount++;
			queue.dequeue().run();
		}
	};

	const next = () => {
		activeCount--;
		resumeNext();
	};

	const run = async (function_, resolve, arguments_) => {
		// Execute the function and capture the result promise
		const result = (async () => function_(...arguments_))();

		// Resolve immediately with the promise (don't wait for completion)
		resolve(result);

		// Wait for the function to complete (success or failure)
		// We catch errors here to prevent unhandled rejections,
		// but the original promise rejection is preserved for the caller
		try {
			await result;
		} catch {}

		// Decrement active count and process next queued function
		next();
	};

	const enqueue = (function_, resolve, reject, arguments_) => {
		const queueItem = {reject};

		// Queue the internal resolve function instead of the run function
		// to preserve the asynchronous execution context.
		new Promise(internalResolve => { // eslint-disable-line promise/param-names
			queueItem.run = internalResolve;
			queue.enqueue(queueItem);
		}).then(run.bind(undefined, function_, resolve, arguments_)); // eslint-disable-line promise/prefer-await-to-then

		// Start processing immediately if we haven't reached the concurrency limit
		if (activeCount < concurrency) {
			resumeNext();
		}
	};

	const generator = (function_, ...arguments_) => new Promise((resolve, reject) => {
		enqueue(function_, resolve, reject, arguments_);
	});

	Object.defineProperties(generator, {
		activeCount: {
			get: () => activeCount,
		},
		pendingCount: {
			get: () => queue.size,
		},
		clearQueue: {
			value() {
				if (!rejectOnClear) {
					queue.clear();
					return;
				}

				const abortError = AbortSignal.abort().reason;

				while (queue.size > 0) {
					queue.dequeue().reject(abortError);
				}
			},
		},
		concurrency: {
			get: () => concurrency,

			set(newConcurrency) {
				validateConcurrency(newConcurrency);
				concurrency = newConcurrency;

				queueMicrotask(() => {
					// eslint-disable-next-line no-unmodified-loop-condition
					while (activeCount < concurrency && queue.size > 0) {
						resumeNext();
					}
				});
			},
		},
		map: {
			async value(iterable, function_) {
				const promises = [];

				try {
					Array.from(iterable, (value, index) => {
						const promise = generator(function_, value, index);
						promises.push(promise);
						return promise;
					});
				} catch (error) {
					// The iterable threw, so `Promise.all` never observes the already scheduled promises. Observe them here to avoid unhandled rejections.
					for (const promise of promises) {
						promise.catch(() => {}); // eslint-disable-line promise/prefer-await-to-then
					}

					throw error;
				}

				return Promise.all(promises);
			},
		},
	});

	return generator;
}

function limitFunction(function_, options) {
	const limit = pLimit(options);

	const limitedFunction = (...arguments_) => limit(() => function_(...arguments_));
	Object.defineProperty(limitedFunction, 'clearQueue', {
		value: limit.clearQueue,
	});

	return limitedFunction;
}

function validateConcurrency(concurrency) {
	if (!((Number.isInteger(concurrency) || concurrency === Number.POSITIVE_INFINITY) && concurrency > 0)) {
		throw new TypeError('Expected `concurrency` to be a number from 1 and up');
	}
}


/***/ })

};
;
//# sourceMappingURL=437.index.js.map