// The s3rver project: the helpers' S3 is s3rver, which accepts only the key S3RVER.
process.env.TEST_S3_SERVER = 's3rver'
process.env.TEST_S3_ENDPOINT = process.env.TEST_S3RVER_ENDPOINT
process.env.TEST_S3_ACCESS_KEY = 'S3RVER'
process.env.TEST_S3_SECRET_KEY = 'S3RVER'
// s3rver always checks the key: the credential tests use it as it is.
process.env.TEST_S3_AUTH_ENDPOINT = process.env.TEST_S3RVER_ENDPOINT
process.env.TEST_S3_AUTH_ACCESS_KEY = 'S3RVER'
process.env.TEST_S3_AUTH_SECRET_KEY = 'S3RVER'
