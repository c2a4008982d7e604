export const id = 289;
export const ids = [289,45];
export const modules = {

/***/ 2289:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  loadConfig: () => (/* binding */ loadConfig)
});

// UNUSED EXPORTS: deepMerge

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./node_modules/js-yaml/dist/js-yaml.mjs
var js_yaml = __webpack_require__(3243);
// EXTERNAL MODULE: ./src/apply/errors.ts
var errors = __webpack_require__(3045);
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
            throw new errors/* ConfigError */.xL(`${at} needs 'access_key' and 'secret': an HMAC key from Cloud Storage → Settings → Interoperability.`);
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
        throw new errors/* ConfigError */.xL(`${at}.endpoint must be 'default' or { custom: 'https://…' }.`);
    }
    if (endpoint && !/^https?:\/\/[^/]+/.test(endpoint))
        throw new errors/* ConfigError */.xL(`${at}.endpoint.custom is '${endpoint}': give a URL such as https://minio.example.com.`);
    return { backend: 's3', bucket, region, endpoint, credentials, profile: value(block.profile, `${at}.profile`, env) };
}

// EXTERNAL MODULE: ./src/paths.ts
var paths = __webpack_require__(8431);
// EXTERNAL MODULE: ./src/apply/shell.ts
var shell = __webpack_require__(7402);
// EXTERNAL MODULE: ./src/apply/template.ts
var template = __webpack_require__(7860);
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
            text = await (0,promises_.readFile)(file, 'utf8');
        }
        catch (error) {
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
        const sections = new Map();
        for (const [index, parsed] of parts.entries()) {
            const where = parts.length > 1 ? `${file} (document ${index + 1})` : file;
            if (!config_isMap(parsed))
                throw new errors/* ConfigError */.xL(`${where} must hold a YAML map at the top level.`);
            if (expect === 'vars') {
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
            throw new errors/* ConfigError */.xL(`${where}: the vars ${[...stack, name].join(' → ')} refer to each other in a cycle.`);
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
        return { kind: 's3', bucket, key, region: option('region'), endpoint: option('endpoint') };
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

/***/ 3045:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ku: () => (/* binding */ LockError),
/* harmony export */   qq: () => (/* binding */ StateError),
/* harmony export */   xL: () => (/* binding */ ConfigError)
/* harmony export */ });
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


/***/ }),

/***/ 7402:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   OB: () => (/* binding */ buildRunTemplate),
/* harmony export */   eJ: () => (/* binding */ renderRun)
/* harmony export */ });
/* unused harmony exports variableName, runTemplate, writtenForm */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3045);
/* harmony import */ var _template_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7860);


function variableName(prefix, ...parts) {
    return prefix + parts.map((part) => part.replace(/[^A-Za-z0-9_]/g, '_')).join('_');
}
const UNSAFE = {
    backtick: 'inside backticks, where the shell would parse the value as a command (use $( … ) instead)',
    arith: 'inside $(( … )), where the shell would evaluate the value as an expression',
    param: 'inside ${ … }, where the value would be parsed as part of the expansion',
    'heredoc-quoted': 'inside a quoted here-document, where it would not be expanded'
};
/**
 * Rewrites `text` so that each template reads its variable: `"${NAME}"` where unquoted, `${NAME}` inside
 * double quotes (and unquoted here-documents), `'"${NAME}"'` inside single quotes (the quote is closed
 * around it). Throws naming the line where no quoting makes it safe.
 */
function posixForm(text, matches, where) {
    const stack = ['normal'];
    const top = () => stack[stack.length - 1];
    const heredocs = [];
    let out = '';
    let next = 0;
    let index = 0;
    const lineOf = (position) => text.slice(0, position).split('\n').length;
    while (index < text.length) {
        const match = matches[next];
        if (match && match.start === index) {
            const context = top();
            const problem = UNSAFE[context];
            if (problem) {
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigError */ .xL(`${where}: line ${lineOf(index)} of 'run' has ${match.slot.written} ${problem}. Move it where the shell reads it as a plain value.`);
            }
            const marker = `\u0000${next}\u0000`;
            out += context === 'single' ? `'"${marker}"'` : context === 'normal' ? `"${marker}"` : marker;
            index = match.end;
            next++;
            continue;
        }
        const char = text[index];
        const rest = text.slice(index);
        const context = top();
        let consumed = 1;
        if (context === 'comment') {
            if (char === '\n')
                stack.pop();
        }
        else if (context === 'single') {
            if (char === "'")
                stack.pop();
        }
        else if (context === 'heredoc' || context === 'heredoc-quoted') {
            // Here-document bodies end at a line equal to the delimiter.
            const atLineStart = index === 0 || text[index - 1] === '\n';
            const lineEnd = text.indexOf('\n', index);
            const line = text.slice(index, lineEnd === -1 ? text.length : lineEnd);
            const current = heredocs[0];
            if (atLineStart && line.replace(/^\t+/, '') === current.delimiter) {
                heredocs.shift();
                stack.pop();
                if (heredocs[0])
                    stack.push(heredocs[0].quoted ? 'heredoc-quoted' : 'heredoc');
                consumed = line.length;
            }
            else if (context === 'heredoc' && (char === '\\' || (char === '$' && rest[1] === '{'))) {
                consumed = char === '\\' ? 2 : 1;
                if (char === '$') {
                    stack.push('param');
                    consumed = 2;
                }
            }
            else if (context === 'heredoc' && rest.startsWith('$((')) {
                stack.push('arith');
                consumed = 3;
            }
            else if (context === 'heredoc' && char === '`') {
                stack.push('backtick');
            }
        }
        else if (char === '\\') {
            consumed = 2;
        }
        else if (context === 'backtick') {
            if (char === '`')
                stack.pop();
        }
        else if (context === 'arith') {
            if (rest.startsWith('))')) {
                stack.pop();
                consumed = 2;
            }
        }
        else if (context === 'param') {
            if (char === '}')
                stack.pop();
        }
        else if (rest.startsWith('$((')) {
            stack.push('arith');
            consumed = 3;
        }
        else if (rest.startsWith('$(')) {
            stack.push('normal');
            consumed = 2;
        }
        else if (rest.startsWith('${')) {
            stack.push('param');
            consumed = 2;
        }
        else if (char === '`') {
            stack.push('backtick');
        }
        else if (context === 'double') {
            if (char === '"')
                stack.pop();
        }
        else if (char === '"') {
            stack.push('double');
        }
        else if (char === "'") {
            stack.push('single');
        }
        else if (char === ')' && stack.length > 1) {
            stack.pop();
        }
        else if (char === '#' && (index === 0 || /\s/.test(text[index - 1]))) {
            stack.push('comment');
        }
        else if (rest.startsWith('<<')) {
            const heredoc = /^<<-?[ \t]*(?:'([^'\n]+)'|"([^"\n]+)"|\\?([A-Za-z_][\w.-]*))/.exec(rest);
            if (heredoc) {
                heredocs.push({
                    delimiter: (heredoc[1] ?? heredoc[2] ?? heredoc[3]),
                    quoted: heredoc[3] === undefined || heredoc[0].includes('\\')
                });
                consumed = heredoc[0].length;
            }
            else {
                consumed = 2;
            }
        }
        else if (char === '\n' && heredocs.length > 0) {
            stack.push(heredocs[0].quoted ? 'heredoc-quoted' : 'heredoc');
        }
        out += text.slice(index, index + consumed);
        index += consumed;
    }
    if (next < matches.length)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigError */ .xL(`${where}: could not place every template of 'run'.`);
    return out;
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
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigError */ .xL(`${where}: ${same.written} and ${slot.written} in 'run' would both be read from ${slot.variable}; rename one of the vars.`);
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
            env[slot.variable] = slot.source === 'var' ? String((0,_template_js__WEBPACK_IMPORTED_MODULE_1__/* .resolveReferences */ .d)(slot.value, lookup)) : slot.value;
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
    for (const match of text.matchAll(_template_js__WEBPACK_IMPORTED_MODULE_1__/* .PLACEHOLDER */ .Kx)) {
        const resolved = resolve(Number(match[1]));
        const written = writtenForm(resolved.expression);
        if (resolved.value !== null && typeof resolved.value === 'object') {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigError */ .xL(`${where}: ${written} in 'run' is a ${Array.isArray(resolved.value) ? 'list' : 'map'}; a command takes text.`);
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
    for (const match of text.matchAll(_template_js__WEBPACK_IMPORTED_MODULE_1__/* .REFERENCE */ .gu)) {
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
    const written = text.replace(_template_js__WEBPACK_IMPORTED_MODULE_1__/* .PLACEHOLDER */ .Kx, (_whole, index) => writtenForm(resolve(Number(index)).expression));
    const keyText = text.replace(_template_js__WEBPACK_IMPORTED_MODULE_1__/* .PLACEHOLDER */ .Kx, (_whole, index) => {
        const resolved = resolve(Number(index));
        return resolved.expression.kind === 'env' ? writtenForm(resolved.expression) : String(resolved.value ?? '');
    });
    return runTemplate(text, written, keyText, matches, where);
}


/***/ }),

/***/ 7860:
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
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var js_yaml__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3243);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3045);



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
/** Swaps every `[[ … ]]` for a placeholder; `offset` keeps placeholders of several files distinct. */
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
    return `<env ${name} sha256:${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(value).digest('hex').slice(0, 16)}>`;
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
/**
 * An environment value as dtm's text substitution leaves it in an unquoted YAML scalar: `123456` a number,
 * `true` a boolean, anything else (or anything that would be a list or map) the string itself.
 */
function typedScalar(value) {
    try {
        const typed = js_yaml__WEBPACK_IMPORTED_MODULE_1__/* ["default"].load */ .Ay.load(value, { schema: js_yaml__WEBPACK_IMPORTED_MODULE_1__/* ["default"].CORE_SCHEMA */ .Ay.CORE_SCHEMA });
        return typed !== null && typeof typed === 'object' ? value : typed === undefined ? value : typed;
    }
    catch {
        return value;
    }
}


/***/ })

};

//# sourceMappingURL=289.index.js.map