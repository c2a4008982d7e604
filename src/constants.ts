/** This action's version (package.json's; a test keeps them equal). */
export const VERSION = '1.0.0'

/** Input and output names exactly as action.yml declares them. */
export const Inputs = {
  Mode: 'mode',
  Backend: 'backend',
  Bucket: 'bucket',
  Prefix: 'prefix',
  Region: 'region',
  Endpoint: 'endpoint',
  ForcePathStyle: 'force-path-style',
  Profile: 'profile',
  AccessKeyId: 'access-key-id',
  SecretAccessKey: 'secret-access-key',
  SessionToken: 'session-token',
  LocalDir: 'local-dir',
  RepoPath: 'repo-path',
  Commit: 'commit',
  CodeHashPaths: 'code-hash-paths',
  PackageDirectory: 'package-directory',
  Download: 'download',
  Config: 'config',
  PlanOnly: 'plan-only',
  Concurrency: 'concurrency',
  PrComment: 'pr-comment',
  CommitStatus: 'commit-status',
  GitHubToken: 'github-token',
  InstanceName: 'instance-name',
  LockTimeout: 'lock-timeout',
  ConnectTimeout: 'connect-timeout',
  RequestTimeout: 'request-timeout',
  ForceUnlock: 'force-unlock',
  AllowDeleteAll: 'allow-delete-all',
  LegacySets: 'legacy-sets',
  SigningKey: 'signing-key',
  CacheWrite: 'cache-write',
  ResignState: 'resign-state',
  KeepDays: 'keep-days',
  RoleArn: 'role-arn',
  RoleSessionName: 'role-session-name',
  KeepLast: 'keep-last',
  PackBelow: 'pack-below',
  PackCompression: 'pack-compression',
  AllowUntrustedSigning: 'allow-untrusted-signing',
  CodeHashEnv: 'code-hash-env',
  CodeHashKey: 'code-hash-key',
  Variant: 'variant',
  CrossPlatform: 'cross-platform',
  DoctorModes: 'doctor-modes'
} as const

export const Outputs = {
  Found: 'found',
  Source: 'source',
  CommitHash: 'commit-hash',
  CodeHash: 'code-hash',
  Location: 'location',
  Files: 'files',
  Bytes: 'bytes',
  Changes: 'changes',
  Plan: 'plan',
  ToolOutputs: 'outputs',
  PrunedSets: 'pruned-sets',
  PrunedObjects: 'pruned-objects',
  PrunedBytes: 'pruned-bytes',
  KeptSets: 'kept-sets',
  MissReason: 'miss-reason'
} as const

/** Environment names of the original tool, used when the matching input is empty. */
export const SeedEnv = {
  Bucket: 'PACKAGE_ASSETS_BUCKET',
  RepoPath: 'GIT_REPO_PATH',
  PackageDirectory: 'PACKAGE_DIRECTORY',
  CodeHashFilter: 'CODE_HASH_FIND_FILTER',
  Role: 'AWS_ROLE'
} as const

export const MODES = ['check', 'upload', 'apply', 'prune', 'auto', 'doctor'] as const
export type Mode = (typeof MODES)[number]

export const BACKENDS = ['auto', 's3', 'gcs', 'local', 'actions-cache'] as const
export type BackendChoice = (typeof BACKENDS)[number]

/** Where the signing keys come from when the input is empty. */
export const SIGNING_KEY_ENV = 'ASSETS_SIGNING_KEY'

/**
 * Events whose runs may write the shared code-hash tier under cache-write: auto, and sign with the signing
 * key. Everything else (pull requests, comments, check runs, forks' events) writes only its commit's set, and
 * unsigned: code from a pull request must not be served to other commits, nor signed as trusted.
 */
export const TRUSTED_EVENTS = ['push', 'workflow_dispatch', 'schedule', 'release', 'merge_group', 'repository_dispatch'] as const

/** The seed's marker: check touches it on a hit, upload does nothing while it exists. */
export const FOUND_MARKER = '.found'
/** Names saved by the main step for the post step (`core.saveState`). */
export const State = { IsPost: 'isPost', Auto: 'auto' } as const

/** What check learned, left for an upload step that may run without the git repository (seed usage). */
export const CHECK_RECORD = '.s3-asset-manager.json'
/** The Actions-cache backend stages entries in this folder of RUNNER_TEMP (or the working directory). */
export const CACHE_STAGE = '.s3-asset-manager-stage'
/** The original tool's files, which its upload and downstream tasks read: plain text, no newline. */
export const SEED_COMMIT_FILE = '.commit-hash'
export const SEED_CODE_HASH_FILE = '.code-hash'
/** Every file this action writes into the package directory: never hashed, never uploaded. */
export const ACTION_FILES = [CHECK_RECORD, FOUND_MARKER, SEED_COMMIT_FILE, SEED_CODE_HASH_FILE] as const
export const MANIFEST_NAME = '.manifest.json'
/** Beside the manifest: when a check last used the set (prune keeps used sets). */
export const LAST_USED_NAME = '.last-used'
/** Under a set: the claims of runs writing it (sets/claims.ts). */
export const CLAIMS_FOLDER = '.claims/'

/**
 * The most this action reads of a file that others can write (a store, a checkout): anything larger is
 * refused unread, so a hostile file cannot exhaust memory. A manifest of 32 MiB lists about 250,000 files.
 */
export const READ_LIMITS = {
  manifest: 32 * 1024 * 1024,
  state: 8 * 1024 * 1024,
  checkRecord: 32 * 1024 * 1024,
  inputs: 32 * 1024 * 1024,
  /** An apply config, vars or tools file. */
  config: 8 * 1024 * 1024
} as const
