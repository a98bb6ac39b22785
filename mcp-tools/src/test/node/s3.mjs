// A local S3-compatible server for the S3 media store test. Usage: node s3.mjs <port> <directory>
// Prints "ready" once it listens; credentials are s3rver's defaults (S3RVER / S3RVER).
import S3rver from "s3rver";

const [port, directory] = process.argv.slice(2);
const server = new S3rver({
  port: Number(port),
  address: "127.0.0.1",
  silent: true,
  directory,
  configureBuckets: [{ name: "chimera-media" }],
});
await server.run();
console.log("ready");
process.on("SIGTERM", async () => {
  await server.close();
  process.exit(0);
});
