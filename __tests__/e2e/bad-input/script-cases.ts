/** Bad-input rows: the script and its named datasets (__tests__/e2e/bad-input.test.ts runs them). */
import { asyncScript, pythonRow, row, smokeTest, type Case } from './table.js'

export const SCRIPT_CASES: Case[] = [
  // script
  row('no name', 'name', { name: '' }, /is required\. Give the script a display name/),
  row(
    'a name of 32 characters or more',
    'name',
    { name: 'loan features for the credit team v2' },
    /has 36 characters; the server takes fewer than 32\. Shorten it/
  ),
  row(
    'an unknown operation',
    'operation',
    { operation: 'batch' },
    /'batch' is not an operation\. Use Sync .* or Async/
  ),
  row(
    'python 3.1 (YAML read 3.10 as a number)',
    'python-version',
    { 'python-version': '3.1' },
    /'3\.1' is not supported\. .*quote it in YAML/
  ),
  row(
    'an unsupported python',
    'python-version',
    { 'python-version': '3.12' },
    /'3\.12' is not supported\. Use one of 3\.8, 3\.9, 3\.10/
  ),
  row('no entrypoint', 'entrypoint', { entrypoint: '' }, /is required\. Name the function/),
  row(
    'an entrypoint that is not a function name',
    'entrypoint',
    { entrypoint: 'score.process()' },
    /is not a Python function name\. Give the bare name/
  ),
  pythonRow('an entrypoint the source does not define', { entrypoint: 'transform' }, /transform/),
  pythonRow('an async def entrypoint', { 'source-file': 'async_score.py', 'extra-files': '' }, /async def/),
  pythonRow('an entrypoint taking one argument', { 'source-file': 'one_arg.py' }, /cannot be called/),
  {
    ...row(
      'a source that does not parse as the Python chosen',
      'source-file',
      { 'source-file': 'match_310.py', 'python-version': '3.8' },
      /does not parse as Python 3\.8/
    ),
    byPython: true
  },
  row('no source file', 'source-file', { 'source-file': '' }, /is required\. Point it at the \.py or \.ipynb/),
  row(
    'a source that is neither .py nor .ipynb',
    'source-file',
    { 'source-file': 'score.txt' },
    /neither a \.py nor a \.ipynb file\. The server takes/
  ),
  row(
    'a source that does not exist',
    'source-file',
    { 'source-file': 'src/missing.py' },
    /'src\/missing\.py' does not exist \(relative paths start at the workspace.*Check the path/
  ),
  row(
    'a source that is a folder',
    'source-file',
    { 'source-file': 'pkg.py' },
    /'pkg\.py' is not a file\. Point source-file at a file/
  ),
  row(
    'no requirements file',
    'requirements-file',
    { 'requirements-file': '' },
    /is required\. Point it at a requirements\.txt/
  ),
  row(
    'a requirements file that does not exist',
    'requirements-file',
    { 'requirements-file': 'requirements-prod.txt' },
    /does not exist.*Check the path/
  ),
  row(
    'an unknown input type',
    'input-type',
    { 'input-type': 'xml' },
    /'xml' is not an input type\. Use one of json, csv, parquet/
  ),
  row(
    'a csv input type for a Sync script',
    'input-type',
    { 'input-type': 'csv' },
    /does not fit a Sync script\. Sync scripts take JSON/
  ),
  row(
    'no schema',
    'schema',
    { schema: '' },
    /is required: the server refuses a script without a schema sample\. Point it at/
  ),
  row(
    'inline schema JSON that does not parse',
    'schema',
    { schema: '{"age": 34,' },
    /is inline JSON that does not parse.*Fix the JSON/
  ),
  row(
    'a schema file that is not JSON',
    'schema',
    { schema: 'broken.json' },
    /'broken\.json' is not valid JSON.*Give a real sample/
  ),
  row(
    'a schema of an unknown type',
    'schema',
    { schema: 'schema.xml' },
    /neither \.json, \.csv nor \.parquet\. Use a sample file/
  ),
  row(
    'a csv schema for a Sync script',
    'schema',
    { schema: 'schema.csv' },
    /is a csv file, but a Sync script takes JSON\. Give a \.json sample/
  ),
  row(
    'inline JSON schema for an Async script',
    'schema',
    { ...asyncScript, schema: '{"age": 34}' },
    /an Async script needs a sample file\. Point schema at a file/
  ),
  // named datasets
  row(
    'a dataset name starting with a digit',
    'schema',
    { ...asyncScript, schema: '1st=schema.csv' },
    /'1st' is not a dataset name\. Dataset names are 1 to 64 letters.*name=path/
  ),
  row(
    'two datasets with one name',
    'schema',
    { ...asyncScript, schema: 'x=schema.csv\nx=orders.csv' },
    /two lines name the dataset 'x'\. Give each dataset its own name/
  ),
  row(
    'two datasets for a Sync script',
    'schema',
    { schema: 'schema.json\nlimits.json' },
    /names 2 datasets, but a Sync script takes one JSON sample\. Keep one line/
  ),
  row(
    'two datasets with api-version v1',
    'schema',
    { ...asyncScript, 'api-version': 'v1', schema: 'schema.csv\norders.csv' },
    /names 2 datasets, but api-version v1 takes one sample\. Keep one line, or set api-version/
  ),
  row(
    'two smoke-test datasets with api-version v1',
    'smoke-test-input',
    { ...asyncScript, ...smokeTest, 'api-version': 'v1', 'smoke-test-input': 'schema.csv\norders.csv' },
    /api-version v1 runs take one file\. Keep one line/
  )
]
