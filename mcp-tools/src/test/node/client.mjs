// An independent MCP client (the official TypeScript SDK) that drives mcp-tools over Streamable HTTP.
// Usage: node client.mjs <mcp-url> <agent-id> <task-id> <bearer-token>; prints one JSON object with what it saw.
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";

const [url, agentId, taskId, token] = process.argv.slice(2);
const meta = { "chimera/agent_id": agentId, "chimera/task_id": taskId };

const client = new Client({ name: "chimera-ts-test-client", version: "1.0.0" });
await client.connect(new StreamableHTTPClientTransport(new URL(url), {
  requestInit: { headers: { Authorization: `Bearer ${token}` } },
}));

const tools = await client.listTools();
const resources = await client.listResources();
const image = await client.callTool({
  name: "generate_image",
  arguments: { prompt: "Habesha kemis on a rooftop at night", character_reference_id: "ts-client-01", aspect_ratio: "1:1" },
});
const post = await client.callTool({
  name: "post_content",
  arguments: { platform: "threads", text_content: "Hello from the TypeScript SDK", disclosure_level: "automated" },
  _meta: meta,
});
const payment = await client.callTool({
  name: "send_payment",
  arguments: { to_address: "0x742d35Cc6634C0532925a3b844Bc9e7595f0bEb0", amount_usdc: 1.5, purpose: "test" },
  _meta: meta,
});
const badPayment = await client.callTool({
  name: "send_payment",
  arguments: { to_address: "not-an-address", amount_usdc: 1.5, purpose: "test" },
  _meta: meta,
});
const mentions = await client.readResource({ uri: "threads://mentions/recent", _meta: { "chimera/agent_id": agentId } });

console.log(JSON.stringify({
  tools: tools.tools,
  resources: resources.resources.map((r) => r.uri),
  image: { isError: image.isError ?? false, structured: image.structuredContent },
  post: { isError: post.isError ?? false, structured: post.structuredContent },
  payment: { isError: payment.isError ?? false, text: payment.content.map((c) => c.text).join("") },
  badPayment: { isError: badPayment.isError ?? false, text: badPayment.content.map((c) => c.text).join("") },
  mentions: JSON.parse(mentions.contents[0].text),
}));
await client.close();
