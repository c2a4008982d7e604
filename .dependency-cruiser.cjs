// The layers of src/, checked by `npm run lint` (dependency-cruiser). From the bottom up:
//   util, constants, errors, runner   shared pieces: streams, capped reads, redaction, progress, paths
//   stores, hashing                   where bytes live and how they are hashed
//   sets, retention, apply            asset sets, what prune keeps, apply's engine
//   report                            summaries, comments, statuses
//   settings                          inputs read and checked into one Settings object
//   modes, main, cli, post, index     what a step does
// ARCHITECTURE.md draws the same picture.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'An import cycle makes load order matter and the layers meaningless.',
      from: { path: '^src/' },
      to: { circular: true }
    },
    {
      name: 'stores-and-hashing-import-nothing-above-them',
      severity: 'error',
      comment:
        'Stores and hashing are the ground floor: shared pieces go in util/, settings types are the only thing from above (types only).',
      from: { path: '^src/(util|stores|hashing)/' },
      to: {
        path: '^src/(sets|retention|apply|report|settings|modes)/|^src/(main|cli|post|index)\\.ts$',
        pathNot: '^src/settings/types\\.ts$'
      }
    },
    {
      name: 'store-settings-types-only',
      severity: 'error',
      comment: 'Below settings, the settings types are read, never the code that reads inputs.',
      from: { path: '^src/(util|stores|hashing)/' },
      to: { path: '^src/settings/types\\.ts$', dependencyTypesNot: ['type-only'] }
    },
    {
      name: 'the-domain-never-reports',
      severity: 'error',
      comment: 'sets/, retention/ and apply/ decide and store; report/ renders what modes return (progress lives in util/).',
      from: { path: '^src/(sets|retention|apply)/' },
      to: { path: '^src/(report|modes|settings/(inputs|read|store|trust))' }
    },
    {
      name: 'report-reads-only-types-from-modes',
      severity: 'error',
      comment: 'Outcome types are shared; the modes that produce them are not imported by what renders them.',
      from: { path: '^src/report/' },
      to: { path: '^src/modes/', dependencyTypesNot: ['type-only'] }
    },
    {
      name: 'only-main-and-modes-read-settings',
      severity: 'error',
      comment:
        'Inputs are read once, into Settings, by main; modes are given them. Pure value parsers (settings/values.ts) and the types may be used by any layer above stores.',
      from: { pathNot: '^src/(main|modes/[^/]+|settings/[^/]+)\\.ts$' },
      to: { path: '^src/settings/(inputs|read|store|trust)\\.ts$' }
    },
    {
      name: 'modes-do-not-import-each-other',
      severity: 'error',
      comment: 'A mode that needs another mode’s logic takes it from the layer below (sets/, hashing/) so each mode stays one concept.',
      from: { path: '^src/modes/([^/]+)\\.ts$' },
      to: { path: '^src/modes/', pathNot: '^src/modes/(result|apply-outcome|build-key|check-record)\\.ts$' }
    }
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.js'] }
  }
}
