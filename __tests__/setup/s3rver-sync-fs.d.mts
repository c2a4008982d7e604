/** Makes the fs-extra that `s3rver` resolves answer its promise calls synchronously (once per process). */
export function makeS3rverFileCallsSynchronous(): void
