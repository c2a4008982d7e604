/** Makes the fs-extra that `s3rver` resolves answer its promise calls synchronously (once per process). */
export function makeS3rverFileCallsSynchronous(): void
/** Makes s3rver's DeleteObjects of keys in one folder answer at once, not with a 404 the SDK retries. */
export function makeS3rverDeletesTolerateEachOther(): void
