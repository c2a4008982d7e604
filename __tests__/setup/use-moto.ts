// The moto project: the helpers' S3 is moto, with credential checks on (the key of an IAM user it knows).
process.env.TEST_S3_SERVER = 'moto'
process.env.TEST_S3_ENDPOINT = process.env.TEST_MOTO_ENDPOINT
process.env.TEST_S3_ACCESS_KEY = process.env.TEST_MOTO_ACCESS_KEY
process.env.TEST_S3_SECRET_KEY = process.env.TEST_MOTO_SECRET_KEY
// The credential tests use the moto that checks keys (see bench/moto-server.mjs for why not every test does).
process.env.TEST_S3_AUTH_ENDPOINT = process.env.TEST_MOTO_AUTH_ENDPOINT
process.env.TEST_S3_AUTH_ACCESS_KEY = process.env.TEST_MOTO_AUTH_ACCESS_KEY
process.env.TEST_S3_AUTH_SECRET_KEY = process.env.TEST_MOTO_AUTH_SECRET_KEY
