"use strict";
exports.id = 289;
exports.ids = [289,45];
exports.modules = {

/***/ 62289:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  loadConfig: () => (/* binding */ loadConfig)
});

// UNUSED EXPORTS: deepMerge

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./node_modules/js-yaml/dist/js-yaml.mjs
var js_yaml = __webpack_require__(33243);
// EXTERNAL MODULE: ./src/apply/errors.ts
var errors = __webpack_require__(73045);
// EXTERNAL MODULE: ./src/settings/values.ts
var values = __webpack_require__(535);
;// CONCATENATED MODULE: ./src/apply/datastore.ts


/** Google Cloud Storage's S3-compatible (interoperability) endpoint, where HMAC keys work. */
const GCS_ENDPOINT = 'https://storage.googleapis.com';
const isMap = (value) => value !== null && typeof value === 'object' && !Array.isArray(value);
/**
 * Replibyte's `$NAME`: a value that starts with `$` is read from the environment (a missing one is an error,
 * as in Replibyte); anything else is taken as written.
 */
function value(raw, where, env) {
    if (raw === undefined || raw === null)
        return undefined;
    if (typeof raw !== 'string' && typeof raw !== 'number')
        throw new errors/* ConfigError */.xL(`${where} must be a string.`);
    const text = String(raw);
    if (!text.startsWith('$'))
        return text;
    const name = text.slice(1);
    const found = env[name];
    if (found === undefined || found === '')
        throw new errors/* ConfigError */.xL(`${where} is ${text}, but ${name} is not set in the environment. Set ${name} for this step.`);
    return found;
}
function only(block, allowed, where) {
    const unknown = Object.keys(block).filter((key) => !allowed.includes(key));
    if (unknown.length > 0)
        throw new errors/* ConfigError */.xL(`${where} has unknown key(s) ${unknown.join(', ')}; allowed: ${allowed.join(', ')}.`);
}
/**
 * A Replibyte `datastore:` block as the store of apply's plugins: `aws` (bucket, region, profile,
 * credentials, endpoint.custom), `gcp` (bucket, region, HMAC access_key and secret, through the interop
 * endpoint) or `local_disk.dir` (which must already exist, as Replibyte requires).
 */
function parseDatastore(raw, file, env) {
    const where = `${file}: datastore`;
    if (!isMap(raw))
        throw new errors/* ConfigError */.xL(`${where} must be a map with one of: aws, gcp, local_disk.`);
    const kinds = Object.keys(raw);
    if (kinds.length !== 1 || !['aws', 'gcp', 'local_disk'].includes(kinds[0])) {
        throw new errors/* ConfigError */.xL(`${where} must name exactly one of aws, gcp, local_disk (found: ${kinds.join(', ') || 'nothing'}).`);
    }
    const kind = kinds[0];
    const block = raw[kind];
    if (!isMap(block))
        throw new errors/* ConfigError */.xL(`${where}.${kind} must be a map.`);
    const at = `${where}.${kind}`;
    if (kind === 'local_disk') {
        only(block, ['dir'], at);
        const dir = value(block.dir, `${at}.dir`, env);
        if (!dir)
            throw new errors/* ConfigError */.xL(`${at} needs 'dir', an existing directory.`);
        return { backend: 'local', localDir: dir, mustExist: true };
    }
    const bucket = value(block.bucket, `${at}.bucket`, env);
    if (!bucket)
        throw new errors/* ConfigError */.xL(`${at} needs a 'bucket'.`);
    const region = value(block.region, `${at}.region`, env);
    if (kind === 'gcp') {
        only(block, ['bucket', 'region', 'access_key', 'secret'], at);
        const accessKeyId = value(block.access_key, `${at}.access_key`, env);
        const secretAccessKey = value(block.secret, `${at}.secret`, env);
        if (!accessKeyId || !secretAccessKey) {
            throw new errors/* ConfigError */.xL(`${at} needs 'access_key' and 'secret': an HMAC key from Cloud Storage \u2192 Settings \u2192 Interoperability.`);
        }
        return { backend: 'gcs', bucket, region: region ?? 'auto', endpoint: GCS_ENDPOINT, credentials: { accessKeyId, secretAccessKey } };
    }
    only(block, ['bucket', 'region', 'profile', 'credentials', 'endpoint'], at);
    let credentials;
    if (block.credentials !== undefined) {
        if (!isMap(block.credentials))
            throw new errors/* ConfigError */.xL(`${at}.credentials must be a map.`);
        only(block.credentials, ['access_key_id', 'secret_access_key', 'session_token'], `${at}.credentials`);
        const accessKeyId = value(block.credentials.access_key_id, `${at}.credentials.access_key_id`, env);
        const secretAccessKey = value(block.credentials.secret_access_key, `${at}.credentials.secret_access_key`, env);
        if (!accessKeyId || !secretAccessKey)
            throw new errors/* ConfigError */.xL(`${at}.credentials needs both access_key_id and secret_access_key.`);
        credentials = {
            accessKeyId,
            secretAccessKey,
            sessionToken: value(block.credentials.session_token, `${at}.credentials.session_token`, env)
        };
    }
    let endpoint;
    if (isMap(block.endpoint)) {
        only(block.endpoint, ['custom'], `${at}.endpoint`);
        endpoint = value(block.endpoint.custom, `${at}.endpoint.custom`, env);
    }
    else if (block.endpoint !== undefined && block.endpoint !== 'default' && block.endpoint !== 'Default') {
        throw new errors/* ConfigError */.xL(`${at}.endpoint must be 'default' or { custom: 'https://\u2026' }.`);
    }
    const problem = endpoint && (0,values/* endpointProblem */.$Q)(endpoint);
    if (problem)
        throw new errors/* ConfigError */.xL(`${at}.endpoint.custom ${problem}.`);
    return { backend: 's3', bucket, region, endpoint, credentials, profile: value(block.profile, `${at}.profile`, env) };
}

// EXTERNAL MODULE: ./src/util/paths.ts
var paths = __webpack_require__(24964);
// EXTERNAL MODULE: ./src/constants.ts
var constants = __webpack_require__(27242);
// EXTERNAL MODULE: ./src/errors.ts
var src_errors = __webpack_require__(83916);
// EXTERNAL MODULE: ./src/util/capped-read.ts
var capped_read = __webpack_require__(48724);
// EXTERNAL MODULE: ./src/util/fs-calls.ts
var fs_calls = __webpack_require__(62001);
// EXTERNAL MODULE: ./src/apply/shell.ts + 1 modules
var shell = __webpack_require__(96002);
// EXTERNAL MODULE: ./src/apply/template.ts
var template = __webpack_require__(57860);
;// CONCATENATED MODULE: ./src/apply/config.ts













const TOP_LEVEL = ['varFile', 'toolFile', 'pluginDir', 'config', 'state', 'vars', 'tools', 'apps', 'pipelineTemplates', 'datastore'];
const TOOL_KEYS = ['name', 'instanceID', 'dependsOn', 'options'];
/** dtm's rule is an RFC 1123 subdomain (lowercase letters, digits, '-' and '.'); upper case and '_' are kept for configs that used them. */
const INSTANCE_ID = /^[A-Za-z0-9]([\w-]|\.(?!\.))*(?<!\.)$/;
function config_isMap(value) {
    return value !== null && typeof value === 'object' && !Array.isArray(value);
}
async function configFiles(configPath) {
    let info;
    try {
        info = await (0,promises_.stat)(configPath);
    }
    catch {
        throw new errors/* ConfigError */.xL(`The apply config '${configPath}' does not exist: create it or point the 'config' input at your config file or directory.`);
    }
    if (!info.isDirectory())
        return [configPath];
    // As dtm does, subfolders are read too; the order is the sorted relative paths, so it never depends on the file system.
    const names = (await (0,promises_.readdir)(configPath, { recursive: true, withFileTypes: true }))
        .filter((entry) => entry.isFile() && /\.ya?ml$/.test(entry.name))
        .map((entry) => (0,paths/* toPosixRelative */.T0)(configPath, external_node_path_default().join(entry.parentPath ?? entry.path, entry.name)))
        .filter((relative) => !relative.split('/').some((segment) => segment.startsWith('.')))
        .sort();
    if (names.length === 0)
        throw new errors/* ConfigError */.xL(`The config directory '${configPath}' holds no *.yaml or *.yml file (subfolders included).`);
    return names.map((name) => (0,paths/* fromPosixRelative */.yK)(configPath, name));
}
/** A config file's text: it comes from the checkout (a pull request's, on pull-request runs), so it is read bounded. */
async function readConfigFile(file) {
    const fd = await (0,fs_calls/* openFd */.df)(file, 'r');
    try {
        const text = await (0,capped_read/* readOpenedText */.$O)(fd, constants/* READ_LIMITS */.Cl.config, file);
        if (text === undefined)
            throw new errors/* ConfigError */.xL(`${file} is not a regular file.`);
        return text;
    }
    catch (error) {
        if (error instanceof src_errors/* OversizedError */.wF)
            throw new errors/* ConfigError */.xL(`${error.message}: it is not read. A config that large is not one this action wrote.`);
        throw error;
    }
    finally {
        await (0,fs_calls/* closeFd */.zF)(fd);
    }
}
class Loader {
    expressions = [];
    docs = [];
    /** dtm settings accepted but without effect here, named once in the log. */
    unused = new Set();
    seen = new Set();
    /** Loads a file once: in a config directory, a file named by varFile/toolFile is also one of its files. */
    async load(file, expect) {
        const absolute = external_node_path_default().resolve(file);
        if (this.seen.has(absolute))
            return;
        this.seen.add(absolute);
        let text;
        try {
            text = await readConfigFile(file);
        }
        catch (error) {
            if (error instanceof errors/* ConfigError */.xL)
                throw error;
            throw new errors/* ConfigError */.xL(`Cannot read ${file}: ${error.message}.`);
        }
        const protectedText = (0,template/* protectTemplates */.z2)(text, file, this.expressions.length);
        this.expressions.push(...protectedText.expressions);
        let documents;
        try {
            // DevStream v0.9 split a config into documents (core, vars, tools) separated by '---': each is read as a part.
            documents = js_yaml/* default.loadAll */.Ay.loadAll(protectedText.text, undefined, { filename: file });
        }
        catch (error) {
            throw new errors/* ConfigError */.xL(`${file} is not valid YAML: ${error.message}`);
        }
        const parts = documents.filter((document) => document !== undefined && document !== null);
        if (parts.length === 0)
            parts.push({});
        if (parts.length > 3) {
            // dtm's splitConfigFileBytes: "invalid config format" beyond three documents.
            throw new errors/* ConfigError */.xL(`${file} holds ${parts.length} YAML documents; DevStream's format has at most three (core config, variables, tools): merge the extra ones.`);
        }
        const sections = new Map();
        for (const [index, parsed] of parts.entries()) {
            const where = parts.length > 1 ? `${file} (document ${index + 1})` : file;
            if (!config_isMap(parsed))
                throw new errors/* ConfigError */.xL(`${where} must hold a YAML map at the top level.`);
            // dtm v0.9 (configmanager.go, splitConfigFileBytes and checkConfigType): in a file of documents, the one
            // with neither `state` nor `tools` is the variables, a plain map. Here: a document none of whose keys
            // is a section; in a single-document file such keys stay an error (most likely a misspelt section).
            const plainVariables = parts.length > 1 && Object.keys(parsed).length > 0 && !Object.keys(parsed).some((key) => TOP_LEVEL.includes(key));
            if (expect === 'vars' || plainVariables) {
                if (plainVariables) {
                    const first = sections.get('vars');
                    if (first !== undefined)
                        throw new errors/* ConfigError */.xL(`${file} has multiple sections 'vars' (documents ${first + 1} and ${index + 1}): keep one.`);
                    sections.set('vars', index);
                }
                this.docs.push({ file, doc: { vars: parsed } });
                continue;
            }
            const unknown = Object.keys(parsed).filter((key) => !TOP_LEVEL.includes(key));
            if (unknown.length > 0) {
                throw new errors/* ConfigError */.xL(`${where}: unknown section${unknown.length > 1 ? 's' : ''} ${unknown.map((k) => `'${k}'`).join(', ')}; allowed: ${TOP_LEVEL.join(', ')}.`);
            }
            // As dtm: one file's documents are parts of one config, so a section may appear in one of them only.
            for (const key of Object.keys(parsed)) {
                const first = sections.get(key);
                if (first !== undefined) {
                    throw new errors/* ConfigError */.xL(`${file} has multiple sections '${key}' (documents ${first + 1} and ${index + 1}): keep one.`);
                }
                sections.set(key, index);
            }
            if (parsed.pluginDir !== undefined)
                this.unused.add(`pluginDir (${file}): this action's plugins are built in`);
            this.docs.push({ file, doc: parsed });
            for (const [field, kind] of [
                ['varFile', 'vars'],
                ['toolFile', 'tools']
            ]) {
                const ref = parsed[field];
                // dtm writes an empty varFile/toolFile for "none".
                if (ref === undefined || ref === null || ref === '')
                    continue;
                if (typeof ref !== 'string' || (0,template/* hasPlaceholder */.Kc)(ref))
                    throw new errors/* ConfigError */.xL(`${where}: '${field}' must be a plain file name.`);
                await this.load(external_node_path_default().resolve(external_node_path_default().dirname(file), ref), kind);
            }
        }
    }
}
/** Resolves [[ var ]] / [[ env ]] placeholders, with vars that use other vars and per-app scopes. */
class Resolver {
    expressions;
    vars;
    env;
    cache = new Map();
    /** Every value read from the environment: each may be a secret, and is masked before anything prints. */
    envValues = new Set();
    constructor(expressions, vars, env) {
        this.expressions = expressions;
        this.vars = vars;
        this.env = env;
    }
    resolve(node, where, scope = new Map(), stack = []) {
        return (0,template/* resolveTree */.Vv)(node, (index) => {
            const expression = this.expressions[index];
            if (expression.kind === 'env') {
                const value = this.env[expression.name];
                if (value === undefined || value === '') {
                    // dtm refuses an empty value too: an empty secret is almost always a missing one.
                    throw new errors/* ConfigError */.xL(`${where}: [[ env "${expression.name}" ]] is ${value === undefined ? 'not set' : 'set but empty'} in the environment. Set ${expression.name} for this step.`);
                }
                this.envValues.add(value);
                return {
                    value: expression.quoted === false ? (0,template/* typedScalar */.pP)(value) : value,
                    text: value,
                    stateValue: (0,template/* envDigest */.IR)(expression.name, value)
                };
            }
            if (scope.has(expression.name)) {
                const scoped = scope.get(expression.name);
                return { value: scoped, stateValue: scoped };
            }
            return this.variable(expression.name, where, stack);
        });
    }
    /** One template by its placeholder index, with the expression it came from. */
    placeholder(index, where, scope) {
        return { ...this.resolve(`__sam_tpl_${index}__`, where, scope), expression: this.expressions[index] };
    }
    variable(name, where, stack) {
        const cached = this.cache.get(name);
        if (cached)
            return cached;
        if (stack.includes(name))
            throw new errors/* ConfigError */.xL(`${where}: the vars ${[...stack, name].join(' \u2192 ')} refer to each other in a cycle.`);
        const entry = this.vars.get(name);
        if (!entry)
            throw new errors/* ConfigError */.xL(`${where}: [[ ${name} ]] is not defined in 'vars' (or the varFile).`);
        const resolved = this.resolve(entry.value, entry.file, new Map(), [...stack, name]);
        this.cache.set(name, resolved);
        return resolved;
    }
}
function stringList(value, what) {
    if (value === undefined || value === null)
        return [];
    if (!Array.isArray(value) || value.some((item) => typeof item !== 'string'))
        throw new errors/* ConfigError */.xL(`${what} must be a list of strings.`);
    return value;
}
function parseState(value, file, baseDir) {
    if (!config_isMap(value))
        throw new errors/* ConfigError */.xL(`${file}: 'config.state' must be a map with 'backend' and 'options'.`);
    const options = config_isMap(value.options) ? value.options : {};
    const option = (name) => typeof options[name] === 'string' && options[name] !== '' ? options[name] : undefined;
    const backend = typeof value.backend === 'string' ? value.backend.toLowerCase() : value.backend;
    if (backend === 'local') {
        return { kind: 'local', file: external_node_path_default().resolve(baseDir, option('stateFile') ?? 'devstream.state') };
    }
    if (backend === 's3') {
        const bucket = option('bucket');
        const key = option('key');
        if (!bucket || !key)
            throw new errors/* ConfigError */.xL(`${file}: the s3 state backend needs 'options.bucket' and 'options.key'.`);
        const endpoint = option('endpoint');
        const problem = endpoint && (0,values/* endpointProblem */.$Q)(endpoint);
        if (problem)
            throw new errors/* ConfigError */.xL(`${file}: 'config.state.options.endpoint' ${problem}.`);
        return { kind: 's3', bucket, key, region: option('region'), endpoint };
    }
    throw new errors/* ConfigError */.xL(`${file}: state backend '${String(value.backend)}' is not one of: local, s3.`);
}
function parseStoreOverrides(value, file) {
    if (value === undefined)
        return undefined;
    if (!config_isMap(value))
        throw new errors/* ConfigError */.xL(`${file}: 'config.store' must be a map.`);
    const allowed = ['backend', 'bucket', 'prefix', 'region', 'endpoint', 'localDir'];
    const unknown = Object.keys(value).filter((key) => !allowed.includes(key));
    if (unknown.length)
        throw new errors/* ConfigError */.xL(`${file}: unknown key(s) ${unknown.join(', ')} in 'config.store'; allowed: ${allowed.join(', ')}.`);
    const overrides = Object.fromEntries(Object.entries(value).map(([k, v]) => [k, String(v)]));
    const problem = overrides.endpoint && (0,values/* endpointProblem */.$Q)(overrides.endpoint);
    if (problem)
        throw new errors/* ConfigError */.xL(`${file}: 'config.store.endpoint' ${problem}.`);
    return overrides;
}
/** App keys DevStream's own plugins read (repo scaffolding, its CI plugins); accepted, not used here. */
const DEVSTREAM_APP_KEYS = ['spec', 'repo', 'repoTemplate'];
const APP_KEYS = ['name', 'ci', 'cd', 'dependsOn', ...DEVSTREAM_APP_KEYS];
/**
 * Merges `override` into `base` as dtm does for a pipeline entry's options over its template's
 * (mergo.Merge WithOverride): maps merge key by key, anything else from `override` wins.
 */
function deepMerge(base, override) {
    if (!config_isMap(base) || !config_isMap(override))
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
        if (!config_isMap(entry))
            throw new errors/* ConfigError */.xL(`${where}[${index}] must be a map with 'type' (and 'templateName' for type template).`);
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
            if (!config_isMap(template) || typeof template.name !== 'string')
                throw new errors/* ConfigError */.xL(`${file}: every pipelineTemplates entry needs a 'name'.`);
            if (templates.has(template.name))
                throw new errors/* ConfigError */.xL(`${file}: pipeline template '${template.name}' is defined twice.`);
            templates.set(template.name, { doc: template, file });
        }
    }
    const tools = [];
    const unusedKeys = new Map();
    const knownPlugin = (type, what) => {
        if (typeof type === 'string' && plugins.includes(type))
            return type;
        throw new errors/* ConfigError */.xL(`${what} has type '${String(type)}', which is not a plugin of this action; the plugins are: ${plugins.join(', ')}` +
            ` (DevStream's own plugins such as github-actions or argocdapp do not exist here).`);
    };
    for (const { file, doc } of docs) {
        for (const app of doc.apps ?? []) {
            if (!config_isMap(app) || typeof app.name !== 'string')
                throw new errors/* ConfigError */.xL(`${file}: every apps entry needs a 'name'.`);
            const unknown = Object.keys(app).filter((key) => !APP_KEYS.includes(key));
            if (unknown.length > 0) {
                throw new errors/* ConfigError */.xL(`${file}: app '${app.name}' has unknown key(s) ${unknown.join(', ')}; allowed: ${APP_KEYS.join(', ')}.`);
            }
            const ignored = DEVSTREAM_APP_KEYS.filter((key) => app[key] !== undefined);
            if (ignored.length > 0)
                unusedKeys.set(app.name, ignored);
            const produced = new Map();
            for (const section of ['ci', 'cd']) {
                for (const [index, entry] of pipelineEntries(app[section], `${file}: app '${app.name}' ${section}`).entries()) {
                    const where = `${file}: app '${app.name}' ${section}[${index}]`;
                    const type = entry.type ?? (entry.templateName !== undefined ? 'template' : undefined);
                    const entryOptions = config_isMap(entry.options) ? entry.options : {};
                    let tool;
                    if (type === 'template') {
                        const templateName = entry.templateName;
                        if (typeof templateName !== 'string' || templateName === '') {
                            throw new errors/* ConfigError */.xL(`${where} is of type template but names no templateName.`);
                        }
                        const template = templates.get(templateName);
                        if (!template) {
                            throw new errors/* ConfigError */.xL(`${where} uses pipeline template '${templateName}', which is not defined` +
                                (templates.size ? ` (known: ${[...templates.keys()].join(', ')}).` : ' (there are no pipelineTemplates).'));
                        }
                        tool = {
                            name: knownPlugin(template.doc.type ?? 'assets', `pipeline template '${templateName}' (${template.file}), used by ${where},`),
                            options: deepMerge(template.doc.options ?? {}, entryOptions),
                            file: template.file,
                            origin: `app '${app.name}' ${section}[${index}] (template '${templateName}')`,
                            vars: config_isMap(entry.vars) ? entry.vars : {}
                        };
                    }
                    else {
                        tool = {
                            name: knownPlugin(type, where),
                            options: entryOptions,
                            file,
                            origin: `app '${app.name}' ${section}[${index}]`,
                            vars: config_isMap(entry.vars) ? entry.vars : {}
                        };
                    }
                    const key = `${tool.name}_${app.name}`;
                    const earlier = produced.get(key);
                    if (earlier) {
                        throw new errors/* ConfigError */.xL(`${file}: app '${app.name}': ${earlier} and ${section}[${index}] both make tool ${tool.name}.${app.name}; ` +
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
/** A `${{ \u2026 }}` left as written that names a tool of the config is most likely a mistyped reference. */
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
        const text = await readConfigFile(file).catch(() => '');
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
        if (!config_isMap(doc.vars))
            throw new errors/* ConfigError */.xL(`${file}: 'vars' must be a map.`);
        for (const [name, value] of Object.entries(doc.vars)) {
            const existing = vars.get(name);
            if (existing && JSON.stringify(existing.value) !== JSON.stringify(value)) {
                throw new errors/* ConfigError */.xL(`The var '${name}' is defined differently in ${existing.file} and ${file}.`);
            }
            vars.set(name, { value, file });
        }
    }
    const resolver = new Resolver(loader.expressions, vars, env);
    const stateSections = loader.docs.flatMap(({ file, doc }) => {
        const config = config_isMap(doc.config) ? doc.config : {};
        if (doc.config !== undefined && !config_isMap(doc.config))
            throw new errors/* ConfigError */.xL(`${file}: 'config' must be a map.`);
        return [
            ...(config.state !== undefined ? [{ file, value: config.state, store: config.store }] : []),
            ...(doc.state !== undefined ? [{ file, value: doc.state, store: undefined }] : [])
        ];
    });
    if (stateSections.length === 0) {
        throw new errors/* ConfigError */.xL(`${files.join(', ')}: no state backend: add 'config: { state: { backend: local, options: { stateFile: assets.state } } }'.`);
    }
    if (stateSections.length > 1)
        throw new errors/* ConfigError */.xL(`The state backend is configured more than once (${stateSections.map((s) => s.file).join(', ')}): keep one.`);
    const stateSection = stateSections[0];
    const state = parseState(resolver.resolve(stateSection.value, stateSection.file).value, stateSection.file, baseDir);
    const datastores = loader.docs.filter(({ doc }) => doc.datastore !== undefined);
    if (datastores.length > 1)
        throw new errors/* ConfigError */.xL(`A datastore is configured more than once (${datastores.map((d) => d.file).join(', ')}): keep one.`);
    if (datastores.length === 1 && stateSection.store !== undefined) {
        throw new errors/* ConfigError */.xL(`${datastores[0].file} has a Replibyte 'datastore' and ${stateSection.file} a 'config.store': both say where the assets go. Keep one.`);
    }
    const store = datastores[0]
        ? parseDatastore(resolver.resolve(datastores[0].doc.datastore, datastores[0].file).value, datastores[0].file, env)
        : parseStoreOverrides(resolver.resolve(stateSection.store, stateSection.file).value, stateSection.file);
    const raws = [];
    for (const { file, doc } of loader.docs) {
        if (doc.tools === undefined || doc.tools === null)
            continue;
        if (!Array.isArray(doc.tools))
            throw new errors/* ConfigError */.xL(`${file}: 'tools' must be a list.`);
        for (const raw of doc.tools) {
            if (!config_isMap(raw))
                throw new errors/* ConfigError */.xL(`${file}: every tools entry must be a map with name, instanceID and options.`);
            raws.push({ raw, file, scope: new Map(), origin: 'tool' });
        }
    }
    const { tools: fromApps, unusedKeys } = expandApps(loader.docs, plugins);
    if (raws.length === 0 && fromApps.length === 0) {
        // With no tools, the plan would delete everything the state holds: refuse, as dtm does.
        throw new errors/* ConfigError */.xL(`${files.join(', ')} declare${files.length > 1 ? '' : 's'} no tools and no apps. Add a 'tools:' list (or 'apps:'); ` +
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
            throw new errors/* ConfigError */.xL(`${label} has unknown key(s) ${unknown.join(', ')}; allowed: ${TOOL_KEYS.join(', ')}.`);
        const resolved = resolver.resolve({ name: raw.name, instanceID: raw.instanceID, dependsOn: raw.dependsOn ?? [], options: raw.options ?? {} }, file, scope);
        const value = resolved.value;
        const name = value.name;
        const instanceID = value.instanceID;
        if (typeof name !== 'string' || !name)
            throw new errors/* ConfigError */.xL(`${label} has no 'name' (the plugin: ${plugins.join(', ')}).`);
        if (typeof instanceID !== 'string' || !INSTANCE_ID.test(instanceID)) {
            throw new errors/* ConfigError */.xL(`${label} '${name}' needs an 'instanceID' of letters, digits, '-', '_' and '.' starting with a letter or digit (got ${JSON.stringify(instanceID)}).`);
        }
        const ref = `${name}.${instanceID}`;
        if (!plugins.includes(name))
            throw new errors/* ConfigError */.xL(`${file}: tool ${ref} uses plugin '${name}', which does not exist; known plugins: ${plugins.join(', ')}.`);
        if (!config_isMap(value.options))
            throw new errors/* ConfigError */.xL(`${file}: tool ${ref} 'options' must be a map.`);
        const existing = byRef.get(ref);
        if (existing) {
            throw new errors/* ConfigError */.xL(`Tool ${ref} is defined twice: in ${existing.file} and in ${file}${origin === 'tool' ? '' : ` by ${origin}`}. Each name + instanceID must be unique.`);
        }
        // dtm skips blank entries (an empty list item, a template that rendered to nothing).
        const dependsOn = stringList(value.dependsOn, `${file}: tool ${ref} 'dependsOn'`).filter((dependency) => dependency.trim() !== '');
        for (const dependency of dependsOn) {
            if (!/^[\w-]+\.[\w.-]+$/.test(dependency))
                throw new errors/* ConfigError */.xL(`${file}: tool ${ref} dependsOn '${dependency}': write it as name.instanceID.`);
        }
        const rawRun = config_isMap(raw.options) ? raw.options.run : undefined;
        const run = typeof rawRun === 'string'
            ? (0,shell/* buildRunTemplate */.OB)(rawRun, (index) => resolver.placeholder(index, file, scope), `${file}: tool ${ref}`)
            : undefined;
        const found = (0,template/* findReferences */.yU)(value.options);
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
            ...(run ? { run } : {}),
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
                throw new errors/* ConfigError */.xL(`${tool.file}: tool ${tool.ref} depends on ${dependency}, which is not in the config (tools: ${[...byRef.keys()].join(', ')}).`);
            }
            if (dependency === tool.ref)
                throw new errors/* ConfigError */.xL(`${tool.file}: tool ${tool.ref} depends on itself.`);
        }
    }
    const notices = [
        ...(unusedKeys.size
            ? [
                `Not used here (read by DevStream's own plugins): ${[...unusedKeys].map(([app, keys]) => `app '${app}' ${keys.join(', ')}`).join('; ')}.`
            ]
            : []),
        ...[...loader.unused].map((what) => `Not used here: ${what}.`)
    ];
    return { files, baseDir, state, store, tools, notices, warnings: referenceSlips(tools, foreign), envValues: [...resolver.envValues] };
}


/***/ }),

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

/***/ 96002:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  OB: () => (/* binding */ buildRunTemplate),
  eJ: () => (/* binding */ renderRun)
});

// UNUSED EXPORTS: runTemplate, variableName, writtenForm

// EXTERNAL MODULE: ./src/util/digest-stream.ts
var digest_stream = __webpack_require__(89587);
// EXTERNAL MODULE: ./src/apply/errors.ts
var errors = __webpack_require__(73045);
;// CONCATENATED MODULE: ./src/apply/shell-scan.ts
/**
 * Where the templates of apply's `run` stand in the shell text, judged as bash (and dash) would parse it:
 * whether each one is read by the shell once, as a plain value, or would be parsed again as code. The value
 * always reaches the command as an environment variable (shell.ts); this decides whether that is enough.
 *
 * A value is parsed again when it ends up
 *  - inside single quotes, backticks, `$(( ))`, `(( ))`, `$[ ]`, a `${ }` expansion, an array assignment, a
 *    here-document or `[[ ]]`;
 *  - in the script of `sh -c` (bash, zsh, dash, \u2026), the code of `node -e`, `python -c`, `perl -e`, an awk or
 *    sed program, after `eval`, `trap`, `ssh`, `su -c`, `watch`, `make`, or a shell further along the command
 *    (`docker exec c sh -c \u2026`, `find \u2026 -exec sh -c \u2026`);
 *  - where bash evaluates names and subscripts: `let`, `declare`/`local`/`export`/`readonly`/`typeset`, `read`,
 *    `unset`, `mapfile`, `printf -v`, `test -v`, an `a[\u2026]=` subscript, an integer variable, PS4;
 *  - as the command's own name, or an argument of a command whose name is an expansion, or of a function or
 *    alias defined in the same run (which may hand it to any of the above);
 *  - in a pipeline, here-string or process substitution that feeds a shell, an interpreter or a loop that
 *    runs its input as code (`\u2026 | sh`, `\u2026 | xargs sh -c`, `bash <<< \u2026`, `source <(\u2026)`);
 *  - in a variable (an assignment, a `for` loop, `read`, `set --`) that the run evaluates in any of these
 *    places, as its own variable too (`eval "$SAM_VAR_x"`).
 * The scanner is tested against bash and dash themselves, with generated scripts (__tests__/apply).
 */
const SHELLS = new Set(['sh', 'bash', 'dash', 'zsh', 'ksh', 'mksh', 'ash', 'yash', 'posh', 'fish', 'csh', 'tcsh', 'pwsh', 'powershell']);
const PYTHON = { code: /^-[A-Za-z]*c$/, withArgument: /^-[WXm]$/ };
const NODE = {
    code: /^(-e|-p|-pe|-ep|--eval|--print)$/,
    withArgument: /^(-r|--require|-C|--conditions|--input-type|--import|--loader)$/
};
const AWK = {
    code: /^(-e|--source)$/,
    withArgument: /^(-v|-F|--assign|--field-separator)$/,
    programOperand: /^(-f|--file|-e|--source)$/
};
const SED = {
    code: /^(-e|--expression)$/,
    withArgument: /^(-l|--line-length)$/,
    programOperand: /^(-f|--file|-e|--expression)$/
};
const INTERPRETERS = {
    node: NODE,
    nodejs: NODE,
    bun: { code: /^(-e|-p|--eval|--print)$/ },
    deno: { code: /^eval$/ },
    python: PYTHON,
    python2: PYTHON,
    python3: PYTHON,
    pypy: PYTHON,
    pypy3: PYTHON,
    perl: { code: /^-[A-Za-z0-9]*[eE]$/, withArgument: /^-[IM]$/ },
    ruby: { code: /^-[A-Za-z]*e$/, withArgument: /^-[Ir]$/ },
    php: { code: /^-[rBRE]$/, withArgument: /^-[cdz]$/ },
    lua: { code: /^-e$/, withArgument: /^-l$/ },
    luajit: { code: /^-e$/, withArgument: /^-l$/ },
    Rscript: { code: /^-e$/ },
    R: { code: /^-e$/ },
    julia: { code: /^-[eE]$/ },
    osascript: { code: /^-e$/ },
    awk: AWK,
    gawk: AWK,
    mawk: AWK,
    nawk: AWK,
    sed: SED,
    gsed: SED
};
/** Commands whose every argument is code, or a name bash evaluates (with its subscript) as arithmetic. */
const CODE_ARGUMENTS = {
    eval: 'after eval, which runs its arguments as shell code',
    trap: 'in a trap, whose action the shell runs as code',
    ssh: 'in an ssh command, which the remote shell parses as code',
    slogin: 'in an ssh command, which the remote shell parses as code',
    watch: 'in a watch command, which runs its arguments through sh -c',
    let: "in let, where bash evaluates the value as arithmetic (and runs a subscript's $( ))",
    unset: 'as an argument of unset, where bash evaluates array subscripts',
    read: 'as an argument of read, where bash evaluates the subscript of a name',
    mapfile: 'as an argument of mapfile, where bash evaluates names and runs callbacks',
    readarray: 'as an argument of readarray, where bash evaluates names and runs callbacks',
    getopts: 'as an argument of getopts, where bash evaluates the subscript of a name',
    compgen: 'as an argument of compgen, which expands (and runs) word lists and functions',
    complete: 'as an argument of complete, which expands (and runs) word lists and functions',
    bind: 'as an argument of bind, which runs commands',
    alias: 'in an alias, which the shell later parses as code',
    fc: 'as an argument of fc, which runs commands',
    make: 'as an argument of make, which expands $( ) in variable values again',
    '[[': 'inside [[ \u2026 ]], where bash evaluates the operands of -eq, -lt, \u2026 and -v as arithmetic'
};
/**
 * Declarations: bash evaluates a name's subscript (`declare "a[$(cmd)]=1"`), and with -i an integer value and
 * with -n a reference; a plain value (`export V=[[ v ]]`) is only stored.
 */
const DECLARATIONS = new Set(['declare', 'typeset', 'local', 'export', 'readonly']);
/** Commands with one option whose argument bash evaluates as a name (with a subscript). */
const NAME_OPTIONS = { printf: /^-v$/, test: /^-[vR]$/, '[': /^-[vR]$/, wait: /^-p$/ };
/** Variables whose value the shell later expands or runs as code. */
const CODE_VARIABLES = new Set(['PS1', 'PS2', 'PS3', 'PS4', 'PROMPT_COMMAND', 'BASH_ENV', 'ENV']);
const WRAPPERS = {
    env: { withArgument: /^(-u|--unset|-C|--chdir)$/, allCode: /^(-[a-zA-Z]*S|--split-string)/ },
    sudo: { withArgument: /^-[ughpCDrtUT]$/, allCode: /^-[a-zA-Z]*[si]/ },
    doas: { withArgument: /^-[uC]$/, allCode: /^-s$/ },
    nohup: {},
    setsid: {},
    time: { withArgument: /^-[fo]$/ },
    command: {},
    builtin: {},
    exec: { withArgument: /^-a$/ },
    nice: { withArgument: /^-n$/ },
    ionice: { withArgument: /^-[cnpPut]$/ },
    stdbuf: { withArgument: /^-[ioe]$/ },
    timeout: { withArgument: /^(-s|--signal|-k|--kill-after)$/, operands: 1 },
    taskset: { operands: 1 },
    chroot: { operands: 1 },
    unbuffer: {},
    caffeinate: {},
    'xvfb-run': { withArgument: /^(-s|--server-args|-n|--server-num|-e|--error-file|-f|--auth-file|-p|--xauth-protocol)$/ },
    flock: { withArgument: /^(-w|--timeout|-E|--conflict-exit-code)$/, operands: 1, codeOption: /^(-c|--command)$/ },
    su: { withArgument: /^(-s|--shell|-g|--group|-G|--supp-group)$/, operands: 1, codeOption: /^(-c|--command)$/ },
    runuser: { withArgument: /^(-u|--user|-s|--shell|-g|--group)$/, codeOption: /^(-c|--command)$/ },
    script: { withArgument: /^(-E|--echo|-T|--log-timing|-I|-O|-B)$/, codeOption: /^(-c|--command)$/ },
    strace: { withArgument: /^-[oepsSEuIbPaX]$/ },
    ltrace: { withArgument: /^-[oepsSEuIbPaX]$/ },
    valgrind: {},
    busybox: {}
};
const RESERVED_OPENERS = {
    if: 'fi',
    while: 'done',
    until: 'done',
    for: 'done',
    select: 'done',
    case: 'esac',
    '{': '}'
};
const RESERVED_CONTINUERS = new Set(['then', 'else', 'elif', 'do', '!']);
/** Stands for a template in a word's raw text. */
const TEMPLATE_MARK = '\u0000';
/** Whether raw shell text holds a template or an expansion. */
const expands = (raw) => raw.includes(TEMPLATE_MARK) || raw.includes('$') || raw.includes('`');
const newCommand = () => ({ words: [], inputs: [], templates: [], text: '' });
const newWord = () => ({ raw: '', literal: '', expansion: false, templates: [], processSubstitution: false });
const baseName = (word) => word.slice(word.lastIndexOf('/') + 1);
const isOption = (word) => /^[-+]./.test(word.literal) && !word.expansion;
const COMMAND_CLUSTER = /^-[a-zA-Z]*c[a-zA-Z]*$/;
/** Names of functions and aliases the script defines: a template handed to one may reach any of the above. */
function definedNames(text) {
    const names = new Set();
    for (const match of text.matchAll(/(?:^|[\s;&|(){}])(?:function\s+([A-Za-z_][\w.-]*)|([A-Za-z_][\w.-]*)\s*\(\s*\))/g))
        names.add((match[1] ?? match[2]));
    for (const match of text.matchAll(/(?:^|[\s;&|(){}])alias\s+(?:-p\s+)?([A-Za-z_][\w.-]*)=/g))
        names.add(match[1]);
    return names;
}
/** Names the script declares as integers (`declare -i n`): an assignment to one is evaluated as arithmetic. */
function integerNames(text) {
    const names = new Set();
    for (const match of text.matchAll(/\b(?:declare|typeset|local|readonly|export)((?:\s+[-+][A-Za-z]+)+)\s+([^;&|\n]*)/g)) {
        if (!/i/.test(match[1]))
            continue;
        for (const word of match[2].split(/\s+/)) {
            const name = /^([A-Za-z_]\w*)/.exec(word)?.[1];
            if (name)
                names.add(name);
        }
    }
    return names;
}
/** Whether `text` (a place that evaluates code) mentions the variable `name`. */
function mentions(text, name) {
    if (/^[0-9]$/.test(name))
        return new RegExp(`\\$\\{?${name}(?![0-9])`).test(text);
    if (name === '@' || name === '*')
        return /\$\{?[@*]/.test(text);
    return new RegExp(`(?<![A-Za-z0-9_])${name}(?![A-Za-z0-9_])`).test(text);
}
/** Judges where each template of `text` stands (spans sorted by position, not overlapping). */
function scanShell(text, spans) {
    const verdicts = spans.map(() => ({ context: 'normal' }));
    const refuse = (template, problem, context) => {
        const verdict = verdicts[template];
        if (!('problem' in verdict))
            verdicts[template] = { problem, context: context ?? verdict.context };
    };
    const functions = definedNames(text);
    const integers = integerNames(text);
    /** Variable \u2192 the templates whose value it may hold. */
    const taints = new Map();
    const taint = (name, templates) => {
        if (templates.length === 0)
            return;
        const set = taints.get(name) ?? new Set();
        for (const template of templates)
            set.add(template);
        taints.set(name, set);
    };
    spans.forEach((span, template) => taint(span.variable, [template]));
    /** Text of every place that evaluates code: where a variable holding a value would be parsed again. */
    const sites = [];
    const top = { kind: 'top', pipeline: [], command: newCommand(), runsCode: false };
    let frame = top;
    const lex = [{ kind: 'cmd' }];
    const heredocs = [];
    let heredocText = '';
    const current = () => lex[lex.length - 1];
    const word = () => (frame.word ??= newWord());
    const raw = (chars) => {
        word().raw += chars;
        for (let f = frame; f; f = f.parent)
            f.command.text += chars;
    };
    const judge = (command) => {
        const judged = judgeCommand(command, functions, integers);
        for (const assignment of judged.assignments)
            taint(assignment.name, assignment.word.templates);
        if (judged.setsPositional)
            for (const name of ['1', '2', '3', '4', '5', '6', '7', '8', '9', '@', '*'])
                taint(name, judged.setsPositional);
        for (const name of judged.readsInto)
            taint(name, command.inputs.flatMap((input) => input.templates));
        for (const dangerous of judged.danger.keys())
            sites.push(dangerous.raw);
        if (judged.runsCode)
            frame.runsCode = true;
        return judged;
    };
    const endPipeline = () => {
        endCommand();
        const pipeline = frame.pipeline;
        frame.pipeline = [];
        const judged = pipeline.map(judge);
        judged.forEach((verdict, index) => {
            for (const [dangerous, problem] of verdict.danger)
                for (const template of dangerous.templates)
                    refuse(template, problem);
            if (!verdict.stdinCode)
                return;
            for (const input of pipeline[index].inputs) {
                sites.push(input.raw);
                for (const template of input.templates)
                    refuse(template, `as the input of ${verdict.stdinCode}`);
            }
            for (const earlier of pipeline.slice(0, index)) {
                sites.push(earlier.text);
                for (const template of earlier.templates)
                    refuse(template, `in a pipeline into ${verdict.stdinCode}`);
            }
        });
    };
    const endWord = () => {
        const finished = frame.word;
        frame.word = undefined;
        if (!finished)
            return;
        const command = frame.command;
        if (frame.pendingRedirect) {
            if (frame.pendingRedirect === 'input')
                command.inputs.push(finished);
            frame.pendingRedirect = undefined;
            return;
        }
        const plain = !finished.expansion && !/['"\\]/.test(finished.raw) ? finished.literal : undefined;
        const atStart = !command.compound && !command.wordList && (command.words.length === 0 || command.functionDefinition === true);
        if (frame.isCase && command.words.length === 0 && plain === 'esac') {
            close();
            return;
        }
        if (atStart && plain !== undefined && RESERVED_OPENERS[plain]) {
            open('compound', RESERVED_OPENERS[plain], plain === 'case');
            if (plain === 'for' || plain === 'select')
                frame.command.wordList = 'for';
            if (plain === 'case')
                frame.command.wordList = 'other';
            return;
        }
        if (atStart && plain !== undefined && RESERVED_CONTINUERS.has(plain) && command.words.length === 0)
            return;
        if (atStart && plain !== undefined && frame.kind === 'compound' && plain === frame.closer && command.words.length === 0) {
            close();
            return;
        }
        if (frame.isCase && command.wordList === 'other' && plain === 'in' && frame.casePattern === undefined) {
            endPipeline();
            frame.casePattern = true;
            frame.command.wordList = 'other';
            return;
        }
        if (atStart && plain === 'function') {
            command.functionDefinition = true;
            return;
        }
        if (atStart && plain === '[[')
            command.testClause = true;
        if (command.testClause && plain === ']]')
            command.testClause = false;
        command.words.push(finished);
    };
    const endCommand = () => {
        endWord();
        const command = frame.command;
        if (command.wordList === 'for' && command.words.length > 0) {
            taint(command.words[0].literal, command.words.slice(1).flatMap((word) => word.templates));
        }
        else if (!command.wordList &&
            !command.functionDefinition &&
            (command.words.length > 0 || command.compound || command.inputs.length > 0)) {
            frame.pipeline.push(command);
        }
        frame.command = newCommand();
        if (frame.isCase && frame.casePattern)
            frame.command.wordList = 'other';
    };
    function open(kind, closer, isCase = false, owner) {
        frame = {
            kind,
            closer,
            parent: frame,
            ...(owner ? { owner } : {}),
            ...(isCase ? { isCase } : {}),
            pipeline: [],
            command: newCommand(),
            runsCode: false
        };
        if (kind === 'substitution' || kind === 'subshell')
            lex.push({ kind: 'cmd' });
    }
    function close() {
        const closing = frame;
        endPipeline();
        // Ending the pipeline may have met the frame's closing word, which closed it already.
        if (frame !== closing)
            return;
        const closed = frame;
        frame = closed.parent;
        if (closed.kind === 'substitution' || closed.kind === 'subshell')
            lex.pop();
        if (closed.runsCode)
            frame.runsCode = true;
        if (closed.owner)
            return;
        const command = frame.command;
        if (command.functionDefinition)
            return;
        command.compound = true;
        if (closed.runsCode)
            command.runsCode = true;
    }
    /** Adds a template to the word being built, and to the command of every frame it stands in. */
    const place = (template) => {
        const target = word();
        target.templates.push(template);
        target.expansion = true;
        raw(TEMPLATE_MARK);
        for (let f = frame; f; f = f.parent) {
            f.command.templates.push(template);
            if (f.owner && f.parent) {
                // The output of a $( ) becomes part of the parent's word.
                if (!f.owner.templates.includes(template))
                    f.owner.templates.push(template);
            }
        }
    };
    let index = 0;
    let next = 0;
    while (index < text.length) {
        const span = spans[next];
        if (span && span.start === index) {
            const context = current();
            const template = next;
            next++;
            index = span.end;
            const problem = lexicalProblem(context);
            if (problem) {
                refuse(template, problem, context.kind === 'single' ? 'single' : 'other');
                if (context.kind === 'param')
                    context.text += `${TEMPLATE_MARK}${span.variable}${TEMPLATE_MARK}`;
                continue;
            }
            if (context.kind === 'comment') {
                verdicts[template] = { context: 'comment' };
                continue;
            }
            verdicts[template] = { context: context.kind === 'double' ? 'double' : 'normal' };
            place(template);
            continue;
        }
        const char = text[index];
        const rest = text.slice(index);
        const context = current();
        let consumed = 1;
        if (context.kind === 'comment') {
            if (char === '\n') {
                lex.pop();
                continue;
            }
        }
        else if (context.kind === 'heredoc') {
            const atLineStart = index === 0 || text[index - 1] === '\n';
            const lineEnd = text.indexOf('\n', index);
            const line = text.slice(index, lineEnd === -1 ? text.length : lineEnd);
            const heredoc = heredocs[0];
            if (atLineStart && (heredoc.strip ? line.replace(/^\t+/, '') : line) === heredoc.delimiter) {
                heredocs.shift();
                consumed = line.length + (lineEnd === -1 ? 0 : 1);
                if (!heredoc.quoted)
                    sites.push(heredocText);
                heredocText = '';
                if (heredocs.length === 0)
                    lex.pop();
            }
            else {
                heredocText += char;
            }
        }
        else if (context.kind === 'single') {
            if (char === "'")
                lex.pop();
            else
                word().literal += char;
            raw(char);
        }
        else if (context.kind === 'ansi') {
            if (char === '\\')
                consumed = 2;
            else if (char === "'")
                lex.pop();
            raw(text.slice(index, index + consumed));
        }
        else if (context.kind === 'backtick') {
            if (char === '\\')
                consumed = 2;
            else if (char === '`')
                lex.pop();
            raw(text.slice(index, index + consumed));
        }
        else if (context.kind === 'arith') {
            if (rest.startsWith(context.close) && context.depth === 0) {
                lex.pop();
                consumed = context.close.length;
            }
            else if (char === '(' || char === '[')
                context.depth++;
            else if ((char === ')' || char === ']') && context.depth > 0)
                context.depth--;
            const chars = text.slice(index, index + consumed);
            raw(chars);
            sites.push(chars);
        }
        else if (context.kind === 'param') {
            if (char === '\\')
                consumed = 2;
            else if (char === '{')
                context.depth++;
            else if (char === '}') {
                if (context.depth === 0) {
                    lex.pop();
                    // ${a[i]}, ${s:i:n} and ${!name} evaluate what follows the name; ${x:-\u2026}, ${x#\u2026} do not.
                    const param = /^[#!]?([A-Za-z_]\w*|[0-9@*#?$!-])(.*)$/s.exec(context.text);
                    if (context.text.startsWith('!') || /^(\[|:[^-=?+])/.test(param?.[2] ?? ''))
                        sites.push(context.text);
                }
                else
                    context.depth--;
            }
            if (context.kind === 'param' && current() === context)
                context.text += text.slice(index, index + consumed);
            raw(text.slice(index, index + consumed));
        }
        else if (context.kind === 'array') {
            if (char === '\\')
                consumed = 2;
            else if (char === '(')
                context.depth++;
            else if (char === ')') {
                if (context.depth === 0)
                    lex.pop();
                else
                    context.depth--;
            }
            const chars = text.slice(index, index + consumed);
            raw(chars);
            sites.push(chars);
        }
        else if (context.kind === 'double') {
            if (char === '\\') {
                consumed = 2;
                const escaped = text[index + 1] ?? '';
                word().literal += /["\\$`]/.test(escaped) ? escaped : escaped === '\n' ? '' : rest.slice(0, 2);
                raw(rest.slice(0, 2));
            }
            else if (char === '"') {
                lex.pop();
                raw(char);
            }
            else if (rest.startsWith('$((')) {
                lex.push({ kind: 'arith', depth: 0, close: '))' });
                consumed = 3;
                word().expansion = true;
                raw(rest.slice(0, 3));
            }
            else if (rest.startsWith('$(')) {
                consumed = 2;
                word().expansion = true;
                raw('$(');
                open('substitution', ')', false, word());
            }
            else if (rest.startsWith('${')) {
                lex.push({ kind: 'param', depth: 0, text: '' });
                consumed = 2;
                word().expansion = true;
                raw('${');
            }
            else if (char === '`') {
                lex.push({ kind: 'backtick' });
                word().expansion = true;
                raw(char);
            }
            else if (char === '$' && /[\w@*#?$!-]/.test(text[index + 1] ?? '')) {
                word().expansion = true;
                raw(char);
            }
            else {
                word().literal += char;
                raw(char);
            }
        }
        else {
            // Command level.
            const command = frame.command;
            const inTest = command.testClause === true;
            if (char === '\\') {
                consumed = 2;
                if (text[index + 1] !== '\n') {
                    raw(rest.slice(0, 2));
                    word().literal += text[index + 1] ?? '';
                }
            }
            else if (char === ' ' || char === '\t') {
                endWord();
                for (let f = frame; f; f = f.parent)
                    f.command.text += char;
            }
            else if (char === '\n') {
                endPipeline();
                if (heredocs.length > 0)
                    lex.push({ kind: 'heredoc' });
            }
            else if (char === '#' && !frame.word) {
                lex.push({ kind: 'comment' });
            }
            else if (char === "'") {
                lex.push({ kind: 'single' });
                raw(char);
            }
            else if (rest.startsWith("$'")) {
                lex.push({ kind: 'ansi' });
                consumed = 2;
                word().expansion = true;
                raw(rest.slice(0, 2));
            }
            else if (char === '"' || rest.startsWith('$"')) {
                lex.push({ kind: 'double' });
                consumed = char === '"' ? 1 : 2;
                raw(rest.slice(0, consumed));
            }
            else if (char === '`') {
                lex.push({ kind: 'backtick' });
                word().expansion = true;
                raw(char);
            }
            else if (rest.startsWith('$((')) {
                lex.push({ kind: 'arith', depth: 0, close: '))' });
                consumed = 3;
                word().expansion = true;
                raw(rest.slice(0, 3));
            }
            else if (rest.startsWith('$[')) {
                lex.push({ kind: 'arith', depth: 0, close: ']' });
                consumed = 2;
                word().expansion = true;
                raw(rest.slice(0, 2));
            }
            else if (rest.startsWith('$(')) {
                consumed = 2;
                word().expansion = true;
                raw('$(');
                open('substitution', ')', false, word());
            }
            else if (rest.startsWith('${')) {
                lex.push({ kind: 'param', depth: 0, text: '' });
                consumed = 2;
                word().expansion = true;
                raw(rest.slice(0, 2));
            }
            else if (char === '$') {
                if (/[\w@*#?$!-]/.test(text[index + 1] ?? ''))
                    word().expansion = true;
                else
                    word().literal += char;
                raw(char);
            }
            else if (!frame.word && (rest.startsWith('<(') || rest.startsWith('>('))) {
                consumed = 2;
                const target = word();
                target.expansion = true;
                target.processSubstitution = true;
                raw(rest.slice(0, 2));
                open('substitution', ')', false, target);
            }
            else if (rest.startsWith('((') && !frame.word && command.words.length === 0 && !inTest) {
                lex.push({ kind: 'arith', depth: 0, close: '))' });
                consumed = 2;
                raw('((');
            }
            else if (inTest && /^(&&|\|\||[()<>!])/.test(rest)) {
                // Inside [[ \u2026 ]] these belong to the test, not to the shell.
                endWord();
                consumed = rest.startsWith('&&') || rest.startsWith('||') ? 2 : 1;
                command.text += rest.slice(0, consumed);
            }
            else if (rest.startsWith('<<<')) {
                endWord();
                frame.pendingRedirect = 'input';
                consumed = 3;
            }
            else if (rest.startsWith('<<')) {
                endWord();
                const heredoc = /^<<(-?)[ \t]*(?:'([^'\n]*)'|"([^"\n]*)"|(\\?)([^\s;&|<>()]+))/.exec(rest);
                if (heredoc) {
                    heredocs.push({
                        delimiter: (heredoc[2] ?? heredoc[3] ?? heredoc[5] ?? '').replace(/\\/g, ''),
                        strip: heredoc[1] === '-',
                        quoted: heredoc[5] === undefined || heredoc[4] === '\\' || /["'\\]/.test(heredoc[5])
                    });
                    consumed = heredoc[0].length;
                }
                else
                    consumed = 2;
            }
            else if (!frame.word && /^\d*(>>|>&|<&|&>>|&>|>\||<>|>|<)/.test(rest)) {
                const redirect = /^\d*(>>|>&|<&|&>>|&>|>\||<>|>|<)/.exec(rest);
                consumed = redirect[0].length;
                frame.pendingRedirect = redirect[1] === '<' || redirect[1] === '<&' ? 'input' : 'target';
            }
            else if (/^(>>|>&|<&|&>>|&>|>\||<>|>|<)/.test(rest)) {
                endWord();
                const redirect = /^(>>|>&|<&|&>>|&>|>\||<>|>|<)/.exec(rest);
                consumed = redirect[0].length;
                frame.pendingRedirect = redirect[1] === '<' || redirect[1] === '<&' ? 'input' : 'target';
            }
            else if (rest.startsWith('|&') || (char === '|' && !rest.startsWith('||'))) {
                endCommand();
                consumed = rest.startsWith('|&') ? 2 : 1;
            }
            else if (/^(&&|\|\||;;&|;;|;&|;|&)/.test(rest)) {
                const operator = /^(&&|\|\||;;&|;;|;&|;|&)/.exec(rest)[0];
                consumed = operator.length;
                endPipeline();
                if (frame.isCase && operator.startsWith(';;'))
                    frame.casePattern = true;
                if (frame.isCase && operator === ';&')
                    frame.casePattern = true;
                if (frame.isCase && frame.casePattern)
                    frame.command.wordList = 'other';
            }
            else if (char === '(') {
                if (frame.word && /=$/.test(frame.word.raw)) {
                    // name=( \u2026 ): an array assignment, whose subscripts bash evaluates.
                    lex.push({ kind: 'array', depth: 0 });
                    raw(char);
                }
                else if (frame.isCase && frame.casePattern && !frame.word && command.words.length === 0) {
                    // The optional ( before a case pattern.
                }
                else if (/^\([ \t]*\)/.test(rest) &&
                    ((frame.word && command.words.length === 0) || (!frame.word && command.words.length === 1))) {
                    endWord();
                    command.functionDefinition = true;
                    consumed = /^\([ \t]*\)/.exec(rest)[0].length;
                }
                else if (!frame.word && command.words.length === 0) {
                    open('subshell', ')');
                }
                else {
                    raw(char);
                }
            }
            else if (char === ')') {
                if (frame.isCase && frame.casePattern) {
                    endCommand();
                    frame.casePattern = false;
                    frame.command = newCommand();
                }
                else if (frame.kind === 'substitution' || frame.kind === 'subshell') {
                    close();
                }
                else {
                    raw(char);
                    word().literal += char;
                }
            }
            else {
                raw(char);
                word().literal += char;
            }
        }
        index += consumed;
    }
    for (let rest = next; rest < spans.length; rest++)
        refuse(rest, 'where this scanner could not place it');
    endWord();
    while (frame !== top)
        close();
    endPipeline();
    // A value in a variable that the run evaluates somewhere is parsed again there.
    for (const [name, templates] of taints) {
        if (!sites.some((site) => mentions(site.split(TEMPLATE_MARK).join(' '), name)))
            continue;
        for (const template of templates) {
            refuse(template, `in $${name}, which this run evaluates as code elsewhere (eval, sh -c, arithmetic, a subscript or a pipe into a shell)`);
        }
    }
    return verdicts;
}
function lexicalProblem(context) {
    switch (context.kind) {
        case 'single':
            return 'inside single quotes, where its value would be spliced into text that is often handed to another shell (sh -c, ssh, eval)';
        case 'ansi':
            return "inside $'\u2026' quotes";
        case 'backtick':
            return 'inside backticks, where the shell would parse the value as a command (use $( \u2026 ) instead)';
        case 'arith':
            return "inside arithmetic ($(( )), (( )), $[ ]), where bash evaluates the value as an expression and runs a subscript's $( )";
        case 'param':
            return 'inside ${ \u2026 }, where the value would be parsed as part of the expansion';
        case 'array':
            return 'inside an array assignment ( \u2026 ), where bash evaluates subscripts';
        case 'heredoc':
            return 'inside a here-document, whose text is often fed to a shell';
        default:
            return undefined;
    }
}
/** What in one simple command parses a template again: the words that do, and whether its input is code. */
function judgeCommand(command, functions, integers) {
    const danger = new Map();
    const words = command.words;
    const assignments = [];
    if (command.compound) {
        const stdinCode = command.runsCode ? 'a loop, group or subshell that runs code' : undefined;
        return { danger, assignments, readsInto: [], runsCode: command.runsCode === true, ...(stdinCode ? { stdinCode } : {}) };
    }
    const mark = (from, problem, to = words.length) => {
        for (let index = from; index < Math.min(to, words.length); index++)
            if (!danger.has(words[index]))
                danger.set(words[index], problem);
    };
    if (command.testClause || words[0]?.literal === '[[') {
        mark(0, CODE_ARGUMENTS['[[']);
        return { danger, assignments, readsInto: [], runsCode: true };
    }
    let index = 0;
    // Assignments before the command: subscripts, integers and prompt variables are evaluated later.
    for (; index < words.length; index++) {
        const assignment = /^([A-Za-z_]\w*)(\[[^\]]*\]?)?\+?=/.exec(words[index].raw);
        if (!assignment)
            break;
        const name = assignment[1];
        assignments.push({ name, word: words[index] });
        if (assignment[2] !== undefined && expands(assignment[2]))
            mark(index, 'in an array subscript, which bash evaluates as arithmetic', index + 1);
        else if (CODE_VARIABLES.has(name))
            mark(index, `assigned to ${name}, which the shell expands as code later`, index + 1);
        else if (integers.has(name))
            mark(index, `assigned to ${name}, an integer variable, which bash evaluates as arithmetic`, index + 1);
    }
    const found = judgeInvocation(words, index, mark, functions);
    const name = baseName(words[found.head ?? words.length]?.literal ?? '');
    const readsInto = name === 'read'
        ? words
            .slice((found.head ?? 0) + 1)
            .filter((word) => !isOption(word))
            .map((word) => word.literal)
        : [];
    const setsPositional = name === 'set' || functions.has(name) ? words.slice((found.head ?? 0) + 1).flatMap((word) => word.templates) : undefined;
    return {
        danger,
        assignments,
        readsInto,
        ...(setsPositional ? { setsPositional } : {}),
        runsCode: found.runsCode,
        ...(found.stdinCode ? { stdinCode: found.stdinCode } : {})
    };
}
/** Judges `words[start\u2026]` as a command with its arguments (recursively through wrappers). */
function judgeInvocation(words, start, mark, functions) {
    let index = start;
    if (index >= words.length)
        return { runsCode: false };
    const head = words[index];
    if (head.expansion || head.templates.length > 0) {
        mark(index, "as the command's name, where the value chooses what runs", index + 1);
        mark(index + 1, 'as an argument of a command whose name is an expansion, so this run cannot tell whether it parses its arguments as code');
        return { head: index, runsCode: true, stdinCode: 'a command whose name is an expansion' };
    }
    const name = baseName(head.literal);
    if (functions.has(head.literal)) {
        mark(index + 1, `as an argument of ${head.literal}, a function or alias defined in this run, which may hand it to a shell (read its environment variable inside instead)`);
        return { head: index, runsCode: true, stdinCode: `${head.literal}, a function or alias defined in this run` };
    }
    const wrapper = WRAPPERS[name];
    if (wrapper) {
        index++;
        let operands = wrapper.operands ?? 0;
        for (; index < words.length; index++) {
            const word = words[index];
            if (wrapper.allCode?.test(word.literal)) {
                mark(index, `in ${name} ${word.literal}, which runs its arguments through a shell`);
                return { head: start, runsCode: true, stdinCode: `${name} ${word.literal}` };
            }
            if (wrapper.codeOption?.test(word.literal)) {
                mark(index + 1, `as the command of ${name} ${word.literal}, which a shell parses as code`, index + 2);
                return { head: start, runsCode: true };
            }
            if (word.literal === '--') {
                index++;
                break;
            }
            if (isOption(word)) {
                if (wrapper.withArgument?.test(word.literal))
                    index++;
                continue;
            }
            if (name === 'env' && /^[A-Za-z_]\w*=/.test(word.raw))
                continue;
            if (operands > 0) {
                operands--;
                continue;
            }
            break;
        }
        return judgeInvocation(words, index, mark, functions);
    }
    if (DECLARATIONS.has(name)) {
        const evaluating = words.slice(index + 1).some((word) => isOption(word) && /^[-+][a-zA-Z]*[inaA]/.test(word.literal));
        for (let at = index + 1; at < words.length; at++) {
            const word = words[at];
            if (isOption(word))
                continue;
            const equals = word.raw.indexOf('=');
            const namePart = equals === -1 ? word.raw : word.raw.slice(0, equals);
            if (evaluating)
                mark(at, `as an argument of ${name} with an integer, array or reference attribute, whose values bash evaluates`, at + 1);
            else if (expands(namePart))
                mark(at, `in a name given to ${name}, whose subscript bash evaluates as arithmetic`, at + 1);
        }
        return { head: index, runsCode: false };
    }
    const problem = CODE_ARGUMENTS[name];
    if (problem) {
        mark(index + 1, problem);
        return { head: index, runsCode: name !== 'read' && name !== 'make' };
    }
    const nameOption = NAME_OPTIONS[name];
    if (nameOption) {
        for (let at = index + 1; at < words.length; at++) {
            if (nameOption.test(words[at].literal))
                mark(at + 1, `as the name after ${name} ${words[at].literal}, whose subscript bash evaluates`, at + 2);
        }
    }
    if (name === 'xargs')
        return { head: index, ...judgeXargs(words, index, mark, functions) };
    if (name === 'find')
        return { head: index, runsCode: judgeFindExec(words, index, mark, functions) };
    if (name === 'source' || name === '.') {
        for (let at = index + 1; at < words.length; at++) {
            if (words[at].processSubstitution)
                mark(at, `in a process substitution that ${name} runs as code`, at + 1);
        }
        const stdin = /^\/dev\/(stdin|fd\/0)$/.test(words[index + 1]?.literal ?? '');
        return { head: index, runsCode: true, ...(stdin ? { stdinCode: `${name} /dev/stdin` } : {}) };
    }
    if (SHELLS.has(name))
        return { head: index, ...judgeShell(words, index, name, mark) };
    const interpreter = INTERPRETERS[name];
    if (interpreter)
        return { head: index, ...judgeInterpreter(words, index, name, interpreter, mark) };
    // Anything else: a shell or eval further along (docker exec c sh -c \u2026, kubectl exec -- bash -c \u2026).
    for (let at = index + 1; at < words.length; at++) {
        const later = baseName(words[at].literal);
        if (SHELLS.has(later) && words.slice(at + 1).some((word) => COMMAND_CLUSTER.test(word.literal))) {
            judgeShell(words, at, later, mark);
            return { head: index, runsCode: true };
        }
        if (later === 'eval') {
            mark(at + 1, CODE_ARGUMENTS.eval);
            return { head: index, runsCode: true };
        }
    }
    return { head: index, runsCode: false };
}
/** A shell: with -c (anywhere among its words) the word after it is a script; without, it runs its input or a file. */
function judgeShell(words, start, name, mark) {
    const powershell = name === 'pwsh' || name === 'powershell';
    const isCommandOption = (word) => powershell ? /^-(c|command|e|ec|encodedcommand)$/i.test(word.literal) : COMMAND_CLUSTER.test(word.literal);
    const commandAt = words.findIndex((word, at) => at > start && isCommandOption(word));
    if (commandAt !== -1) {
        let script = commandAt + 1;
        while (script < words.length && isOption(words[script]))
            script += /^[-+][oO]$/.test(words[script].literal) ? 2 : 1;
        mark(script, `in the script of ${name} -c, where the shell parses the value as code (pass it as an argument after the script, or read $VARIABLE inside it)`, script + 1);
        return { runsCode: true };
    }
    let index = start + 1;
    let readsStdin = false;
    for (; index < words.length; index++) {
        const word = words[index];
        if (word.literal === '-') {
            readsStdin = true;
            break;
        }
        if (word.literal === '--') {
            index++;
            break;
        }
        if (!isOption(word))
            break;
        if (/^-[a-zA-Z]*s[a-zA-Z]*$/.test(word.literal))
            readsStdin = true;
        if (/^([-+][oO]|--rcfile|--init-file)$/.test(word.literal))
            index++;
    }
    for (let at = index; at < words.length; at++) {
        if (words[at].processSubstitution)
            mark(at, `in a process substitution that ${name} runs as a script`, at + 1);
    }
    return { runsCode: true, ...(readsStdin || index >= words.length ? { stdinCode: `${name}, which runs its input as code` } : {}) };
}
function judgeInterpreter(words, start, name, interpreter, mark) {
    // Any code option anywhere: the word after it is code (a script's own arguments may look the same; better refused).
    let code = false;
    for (let at = start + 1; at < words.length; at++) {
        const literal = words[at].literal;
        if (interpreter.code.test(literal)) {
            mark(at + 1, `in the code ${name} ${literal} runs`, at + 2);
            code = true;
        }
        else if (/^--(eval|print|expression|source)=/.test(literal)) {
            mark(at, `in the code ${name} runs`, at + 1);
            code = true;
        }
    }
    let index = start + 1;
    for (; index < words.length; index++) {
        const word = words[index];
        if (word.literal === '--') {
            index++;
            break;
        }
        if (!isOption(word))
            break;
        if (interpreter.withArgument?.test(word.literal))
            index++;
    }
    if (interpreter.programOperand) {
        const given = words.some((word, at) => at > start && interpreter.programOperand.test(word.literal));
        if (!given && index < words.length)
            mark(index, `in the program of ${name}, which it parses as code`, index + 1);
        return { runsCode: true };
    }
    if (code)
        return { runsCode: true };
    for (let at = index; at < words.length; at++) {
        if (words[at].processSubstitution)
            mark(at, `in a process substitution that ${name} runs as a script`, at + 1);
    }
    // Without code and without a script file it runs its input (a word that does not look like a file counts as none).
    const script = words[index];
    const runsInput = !script || script.literal === '-' || !/[./]/.test(script.literal);
    return { runsCode: true, ...(runsInput ? { stdinCode: `${name}, which runs its input as code` } : {}) };
}
function judgeXargs(words, start, mark, functions) {
    let index = start + 1;
    for (; index < words.length; index++) {
        const word = words[index];
        if (!isOption(word))
            break;
        if (/^-[adEILnPs]$/.test(word.literal))
            index++;
    }
    const rest = words.slice(index);
    const inner = judgeInvocation(rest, 0, (from, problem, to = rest.length) => mark(index + from, problem, index + to), functions);
    const target = baseName(rest[0]?.literal ?? 'echo');
    const later = rest.some((word) => {
        const base = baseName(word.literal);
        return SHELLS.has(base) || INTERPRETERS[base] !== undefined || base === 'eval';
    });
    return inner.runsCode || later
        ? { runsCode: true, stdinCode: `xargs ${target}, which hands its input to a command that parses it as code` }
        : { runsCode: false };
}
function judgeFindExec(words, start, mark, functions) {
    let runsCode = false;
    for (let index = start + 1; index < words.length; index++) {
        if (!/^-(exec|execdir|ok|okdir)$/.test(words[index].literal))
            continue;
        let end = index + 1;
        while (end < words.length && words[end].literal !== ';' && words[end].literal !== '+')
            end++;
        const sub = words.slice(index + 1, end);
        const offset = index + 1;
        runsCode ||= judgeInvocation(sub, 0, (from, problem, to = sub.length) => mark(offset + from, problem, offset + to), functions).runsCode;
        index = end;
    }
    return runsCode;
}

// EXTERNAL MODULE: ./src/apply/template.ts
var apply_template = __webpack_require__(57860);
;// CONCATENATED MODULE: ./src/apply/shell.ts




/**
 * The environment variable a template's value reaches the command in. Parts of letters and digits (and, for
 * a var's one name, inner `_`) are joined as they are: SAM_VAR_node_version, SAM_OUT_assets_api_codeHash.
 * Any other part (`my-app`, `my.app`) is written with `_` for each other character and the name ends in `__`
 * and 8 hex characters of the parts' digest, so distinct ids never share a variable (the plain form never
 * holds `__`, the other always does).
 */
function variableName(prefix, ...parts) {
    const plain = parts.length === 1 ? /^[A-Za-z0-9]+(_[A-Za-z0-9]+)*$/ : /^[A-Za-z0-9]+$/;
    if (parts.every((part) => plain.test(part)))
        return prefix + parts.join('_');
    const digest = (0,digest_stream.sha256Hex)(JSON.stringify(parts)).slice(0, 8);
    return `${prefix}${parts.map((part) => part.replace(/[^A-Za-z0-9]/g, '_')).join('_')}__${digest}`;
}
/**
 * Rewrites `text` so that each template reads its variable: `"${NAME}"` where unquoted, `${NAME}` inside
 * double quotes. Throws naming the line where the value would be parsed again (shell-scan.ts).
 */
function posixForm(text, matches, where) {
    const verdicts = scanShell(text, matches.map((match) => ({ start: match.start, end: match.end, variable: match.slot.variable })));
    let out = '';
    let last = 0;
    matches.forEach((match, index) => {
        const verdict = verdicts[index];
        if ('problem' in verdict) {
            const line = text.slice(0, match.start).split('\n').length;
            throw new errors/* ConfigError */.xL(`${where}: line ${line} of 'run' has ${match.slot.written} ${verdict.problem}. Use it where the shell reads it once as a plain value ` +
                `(a word of an ordinary command, unquoted or in double quotes), or read $${match.slot.variable} inside the program that needs it.`);
        }
        const marker = `\u0000${index}\u0000`;
        out += text.slice(last, match.start) + (verdict.context === 'normal' ? `"${marker}"` : marker);
        last = match.end;
    });
    return out + text.slice(last);
}
/** cmd.exe: `!NAME!`, read with delayed expansion after the line is parsed, so `&`, `|` or `%` in a value are inert. */
function cmdForm(text, matches) {
    let out = '';
    let last = 0;
    matches.forEach((match, index) => {
        out += `${text.slice(last, match.start)}\u0000${index}\u0000`;
        last = match.end;
    });
    return out + text.slice(last);
}
/** Builds the template of a `run` from its text and the templates found in it (sorted by position). */
function runTemplate(text, written, keyText, matches, where) {
    const sorted = [...matches].sort((a, b) => a.start - b.start);
    const byVariable = new Map();
    for (const { slot } of sorted) {
        const same = byVariable.get(slot.variable);
        if (same && same.written !== slot.written && slot.kind === 'value' && same.kind === 'value' && same.value !== slot.value) {
            throw new errors/* ConfigError */.xL(`${where}: ${same.written} and ${slot.written} in 'run' would both be read from ${slot.variable}; rename one of the vars.`);
        }
        byVariable.set(slot.variable, slot);
    }
    return { written, keyText, posix: posixForm(text, sorted, where), cmd: cmdForm(text, sorted), slots: sorted.map((match) => match.slot) };
}
/** The command for this platform, with output slots filled by `lookup` (another tool's outputs, known only now). */
function renderRun(template, lookup, platform = process.platform) {
    const env = {};
    for (const slot of template.slots) {
        if (slot.kind === 'value') {
            // A var may itself hold an output reference; it is resolved here, still never parsed by the shell.
            env[slot.variable] = slot.source === 'var' ? String((0,apply_template/* resolveReferences */.d)(slot.value, lookup)) : slot.value;
        }
        else {
            const value = lookup(slot.tool, slot.key);
            env[slot.variable] = typeof value === 'string' ? value : JSON.stringify(value);
        }
    }
    const windows = platform === 'win32';
    // eslint-disable-next-line no-control-regex -- NUL marks a slot: it cannot occur in YAML text
    const script = (windows ? template.cmd : template.posix).replace(/\u0000(\d+)\u0000/g, (_marker, index) => {
        const variable = template.slots[Number(index)].variable;
        return windows ? `!${variable}!` : `\${${variable}}`;
    });
    return { written: template.written, script, env, delayedExpansion: windows && template.slots.length > 0 };
}
/** How a template is written back in messages: the config's own text, never a value. */
function writtenForm(expression) {
    return expression.text ?? (expression.kind === 'env' ? `[[ env "${expression.name}" ]]` : `[[ ${expression.name} ]]`);
}
/**
 * A `run` as loaded from its raw text (placeholders still in it): every `[[ var ]]`, `[[ env ]]` and output
 * reference becomes a slot the shell reads from an environment variable (see shell.ts). `resolve` gives a
 * placeholder's value; a value that is not a scalar cannot stand in a command.
 */
function buildRunTemplate(text, resolve, where) {
    const matches = [];
    for (const match of text.matchAll(apply_template/* PLACEHOLDER */.Kx)) {
        const resolved = resolve(Number(match[1]));
        const written = writtenForm(resolved.expression);
        if (resolved.value !== null && typeof resolved.value === 'object') {
            throw new errors/* ConfigError */.xL(`${where}: ${written} in 'run' is a ${Array.isArray(resolved.value) ? 'list' : 'map'}; a command takes text.`);
        }
        const env = resolved.expression.kind === 'env';
        matches.push({
            start: match.index,
            end: match.index + match[0].length,
            slot: {
                kind: 'value',
                source: env ? 'env' : 'var',
                variable: env ? resolved.expression.name : variableName('SAM_VAR_', resolved.expression.name),
                value: resolved.text ?? String(resolved.value ?? ''),
                written
            }
        });
    }
    for (const match of text.matchAll(apply_template/* REFERENCE */.gu)) {
        matches.push({
            start: match.index,
            end: match.index + match[0].length,
            slot: {
                kind: 'output',
                variable: variableName('SAM_OUT_', match[1], match[2], match[3]),
                tool: `${match[1]}.${match[2]}`,
                key: match[3],
                written: match[0]
            }
        });
    }
    const written = text.replace(apply_template/* PLACEHOLDER */.Kx, (_whole, index) => writtenForm(resolve(Number(index)).expression));
    const keyText = text.replace(apply_template/* PLACEHOLDER */.Kx, (_whole, index) => {
        const resolved = resolve(Number(index));
        return resolved.expression.kind === 'env' ? writtenForm(resolved.expression) : String(resolved.value ?? '');
    });
    return runTemplate(text, written, keyText, matches, where);
}


/***/ }),

/***/ 57860:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   IR: () => (/* binding */ envDigest),
/* harmony export */   Kc: () => (/* binding */ hasPlaceholder),
/* harmony export */   Kx: () => (/* binding */ PLACEHOLDER),
/* harmony export */   Vv: () => (/* binding */ resolveTree),
/* harmony export */   d: () => (/* binding */ resolveReferences),
/* harmony export */   gu: () => (/* binding */ REFERENCE),
/* harmony export */   pP: () => (/* binding */ typedScalar),
/* harmony export */   yU: () => (/* binding */ findReferences),
/* harmony export */   z2: () => (/* binding */ protectTemplates)
/* harmony export */ });
/* harmony import */ var js_yaml__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(33243);
/* harmony import */ var _util_digest_stream_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(89587);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(73045);



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
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ConfigError */ .xL(`${file}: '[[ ${source} ]]' is not a template this action knows: use [[ varName ]] or [[ env NAME ]].`);
}
/** Swaps every `[[ \u2026 ]]` for a placeholder; `offset` keeps placeholders of several files distinct. */
function protectTemplates(text, file, offset) {
    const expressions = [];
    const replaced = text.replace(TEMPLATE, (match, source, at) => {
        const before = text[at - 1];
        const quoted = (before === '"' || before === "'") && text[at + match.length] === before;
        expressions.push({ ...parseExpression(source, file), text: match, quoted });
        return `__sam_tpl_${offset + expressions.length - 1}__`;
    });
    return { text: replaced, expressions };
}
function envDigest(name, value) {
    return `<env ${name} sha256:${(0,_util_digest_stream_js__WEBPACK_IMPORTED_MODULE_1__.sha256Hex)(value).slice(0, 16)}>`;
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
        value += literal + (part.text ?? String(part.value));
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
// An instanceID may hold dots (dtm's RFC 1123 rule): `assets.my.app.outputs.key` is tool assets, instance my.app.
const REFERENCE = /\$\{\{\s*([\w-]+)\.([\w.-]+?)\.outputs\.([\w-]+)\s*\}\}/g;
const WHOLE_REFERENCE = /^\$\{\{\s*([\w-]+)\.([\w.-]+?)\.outputs\.([\w-]+)\s*\}\}$/;
const EXPRESSION = /\$\{\{([\s\S]*?)\}\}/g;
/**
 * Every output reference in a tree, and every other `${{ \u2026 }}`, which dtm leaves as written (a config may
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
/**
 * An environment value as dtm's text substitution leaves it in an unquoted YAML scalar: `123456` a number,
 * `true` a boolean, anything else (or anything that would be a list or map) the string itself.
 */
function typedScalar(value) {
    try {
        const typed = js_yaml__WEBPACK_IMPORTED_MODULE_0__/* ["default"].load */ .Ay.load(value, { schema: js_yaml__WEBPACK_IMPORTED_MODULE_0__/* ["default"].CORE_SCHEMA */ .Ay.CORE_SCHEMA });
        return typed !== null && typeof typed === 'object' ? value : typed === undefined ? value : typed;
    }
    catch {
        return value;
    }
}


/***/ })

};
;
//# sourceMappingURL=289.index.js.map