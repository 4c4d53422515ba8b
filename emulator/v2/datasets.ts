/** v2 datasets: a named upload (schema or input) stored once, reusable anywhere by its D… hash. */
import { mkdir, rename } from 'node:fs/promises'
import path from 'node:path'
import { onePart, type UploadedFile } from '../http/body.js'
import { badInput, notFound } from '../http/errors.js'
import { datasetHash } from '../wire.js'
import type { Dataset } from './model.js'

/** The dataset formats a schema, an input or an output may have (by file extension). */
export const DATASET_FORMATS: readonly string[] = ['.csv', '.json', '.parquet']

export class Datasets {
  private readonly byHash = new Map<string, Dataset>()

  constructor(private readonly dataDir: string) {}

  /** Keeps a dataset made elsewhere (a build's, an execution's output) so its hash can be reused. */
  add(dataset: Dataset): Dataset {
    this.byHash.set(dataset.hash, dataset)
    return dataset
  }

  /** A dataset from a multipart file part + dataset_name, or from form dataset_hash (reuse). */
  async fromUpload(group: string, form: Record<string, string>, files: UploadedFile[], part: string): Promise<Dataset> {
    const reused = form.dataset_hash?.trim()
    if (reused) {
      const dataset = this.byHash.get(reused)
      if (!dataset?.file) throw notFound(`Dataset hash '${reused}' not found.`)
      return dataset
    }
    const file = onePart(files, part)
    const name = form.dataset_name?.trim()
    if (!name)
      throw badInput(`Form field 'dataset_name' is required with the '${part}' file (or send 'dataset_hash' instead)`)
    if (name.length > 255) throw badInput(`'dataset_name' must be at most 255 characters; it has ${name.length}`)
    const extension = datasetFormat(file)
    const hash = datasetHash()
    // '.datasets': no group can be called so (group names may not start with '.').
    const dir = path.join(this.dataDir, '.datasets', hash)
    await mkdir(dir, { recursive: true })
    const stored = path.join(dir, `dataset${extension}`)
    await rename(file.tempPath, stored)
    return this.add({ hash, name, group, file: stored })
  }
}

function datasetFormat(file: UploadedFile): string {
  const extension = path.extname(file.filename).toLowerCase()
  if (!DATASET_FORMATS.includes(extension)) {
    throw badInput(`The '${file.part}' file must be ${DATASET_FORMATS.join(', ')}, not '${file.filename}'`)
  }
  return extension
}
