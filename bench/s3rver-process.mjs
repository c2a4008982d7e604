// s3rver in its own process for the benchmark, so the server's event loop competes with nothing in the
// bench driver. Prints "PORT <n>" when ready; stops when its parent closes stdin or on SIGTERM.
import S3rver from 's3rver'

const [directory, bucket] = process.argv.slice(2)
const server = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory, configureBuckets: [{ name: bucket, configs: [] }] })
const { port } = await server.run()
process.stdout.write(`PORT ${port}\n`)
const stop = () => server.close().finally(() => process.exit(0))
process.stdin.on('end', stop)
process.stdin.resume()
process.on('SIGTERM', stop)
