// The bucket every S3 server of a test run holds: s3rver's (global-setup.ts) and moto's (start-moto.ts).
export const TEST_BUCKET = 'assets'
