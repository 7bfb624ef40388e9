// The protocol of every interop script (see Interop/NodeScript.cs): one JSON request on stdin, naming one of the
// script's operations, and that operation's answer as one JSON document on stdout.
export async function serve(operations) {
  const chunks = [];
  for await (const chunk of process.stdin) chunks.push(chunk);
  const request = JSON.parse(Buffer.concat(chunks).toString('utf8'));
  const operation = operations[request.operation];
  if (!operation) throw new Error(`unknown operation '${request.operation}'`);
  process.stdout.write(JSON.stringify(await operation(request)));
}
