// S3's multipart sizes, in a module of their own: download and doctor name them without loading the upload's code.

/** The part size of a multipart upload, unless the object needs larger parts to fit in MAX_PARTS. */
export const UPLOAD_PART_SIZE = 8 * 1024 ** 2
/** S3's limit on the parts of one multipart upload. */
export const MAX_PARTS = 10_000
