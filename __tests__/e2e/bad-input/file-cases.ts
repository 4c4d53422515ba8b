/** Bad-input rows: the workspace's bounds and extra-files (__tests__/e2e/bad-input.test.ts runs them). */
import { join } from 'node:path'
import { row, smokeTest, up, world, type Case } from './table.js'

export const FILE_CASES: Case[] = [
  // the workspace's bounds
  row(
    'a schema given by an absolute path outside',
    'schema',
    () => ({ schema: join(world.outside, 'canary.json') }),
    new RegExp(
      /'\/.*canary\.json' is outside the workspace .*Keep the file in the repository, or set /.source +
        /allow-outside-workspace: true/.source
    )
  ),
  row(
    'a schema reached by ..',
    'schema',
    () => ({ schema: up('canary.json') }),
    /leads to \/.*canary\.json, which is outside the workspace .*allow-outside-workspace/
  ),
  row(
    'a schema through a symlink',
    'schema',
    { schema: 'link.json' },
    /'link\.json' leads to \/.*canary\.json, which is outside the workspace/
  ),
  row(
    'a source through a symlink',
    'source-file',
    { 'source-file': 'linked_score.py' },
    /'linked_score\.py' leads to \/.*canary\.py, which is outside the workspace/
  ),
  row(
    'a smoke-test sample outside',
    'smoke-test-input',
    { ...smokeTest, 'smoke-test-input': 'linked/canary.json' },
    /leads to \/.*canary\.json, which is outside the workspace/
  ),
  row(
    'a smoke-test-expect file outside',
    'smoke-test-expect',
    () => ({ ...smokeTest, 'smoke-test-expect': up('canary.json') }),
    /outside the workspace/
  ),
  row(
    'a requirements file in .git',
    'requirements-file',
    { 'requirements-file': '.git/config' },
    /'\.git\/config' is inside a \.git folder.*never uploaded/
  ),
  row(
    'a .git file even with allow-outside-workspace',
    'extra-files',
    { 'allow-outside-workspace': 'true', 'extra-files': '.git/config' },
    /inside a \.git folder.*allow-outside-workspace: true for files outside/
  ),
  row(
    'an extra file outside by absolute path',
    'extra-files',
    () => ({ 'extra-files': join(world.outside, 'canary.json') }),
    /gives 1 file that may not be read: .*canary\.json \(outside the workspace/
  ),
  row(
    'a glob through a symlinked folder',
    'extra-files',
    { 'extra-files': 'linked/*.json' },
    /'linked\/\*\.json' gives 1 file that may not be read: linked\/canary\.json \(leads to \/.*, outside the workspace/
  ),
  row(
    'a glob reaching hundreds of files outside (one short message)',
    'extra-files',
    { 'extra-files': 'linked/many/*.json' },
    /gives 300 files that may not be read: .* and 295 more\. Keep extra files in the repository/
  ),
  row(
    'allow-outside-workspace not a boolean',
    'allow-outside-workspace',
    { 'allow-outside-workspace': 'sure' },
    /'sure' is not a boolean/
  ),
  // extra-files
  row(
    'an env file matched by a glob',
    'extra-files',
    { 'extra-files': 'config/*' },
    /'config\/\*' gives 1 file that looks like env files \(config\/prod\.env\).*Pass secrets as env-file/
  ),
  row(
    'an env file listed by its path',
    'extra-files',
    { 'extra-files': '.env' },
    /'\.env' gives 1 file that looks like env files.*env-file/
  ),
  row(
    'a glob matching more than 500 files',
    'extra-files',
    { 'extra-files': 'wide/*.txt' },
    /matches 520 files \(at most 500\), e\.g\. wide\/w0\.txt, .* and 515 more\. Narrow the pattern/
  ),
  row(
    'a glob that only .git would match',
    'extra-files',
    { 'extra-files': '**/config' },
    /the pattern '\*\*\/config' matches no file.*\.git\/, node_modules\//
  ),
  row(
    'an env file that does not exist',
    'env-file',
    { 'env-file': '.env.production' },
    /does not exist.*Check the path/
  ),
  row(
    'an extra-files pattern matching nothing',
    'extra-files',
    { 'extra-files': 'models/*.pkl' },
    /the pattern 'models\/\*\.pkl' matches no file.*Fix the pattern/
  ),
  row(
    'an extra file that does not exist',
    'extra-files',
    { 'extra-files': 'limits.json\nthresholds.json' },
    /'thresholds\.json' does not exist.*Fix the path or remove the line/
  ),
  row(
    'two extra files with one file name',
    'extra-files',
    { 'extra-files': 'a/x.json\nb/x.json' },
    /two files have the same file name: 'a\/x\.json' and 'b\/x\.json' \(x\.json\).*Rename one/
  ),
  row(
    'an extra file named like the schema',
    'extra-files',
    { 'extra-files': 'limits.json\nschema.json' },
    /would be uploaded as 'schema\.json', the name the schema file already has.*Rename the file/
  )
]
