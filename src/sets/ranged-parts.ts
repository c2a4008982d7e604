// The sizes of a ranged download, in a module of their own so that doctor can name them without loading download.
import { UPLOAD_PART_SIZE } from '../stores/part-sizes.js'

/** Past this size a file comes in ranged parts (upload sends such files in parts too). */
export const RANGED_ABOVE = 16 * 1024 * 1024
/** The size of each ranged part: what AWS advises (8 or 16 MB), and the upload's own part size, so ranges align with parts. */
export const RANGE_PART = UPLOAD_PART_SIZE
