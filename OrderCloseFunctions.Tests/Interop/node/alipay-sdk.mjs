// Drives Alipay's official Node SDK (npm alipay-sdk) for the interop tests: reads one JSON request on stdin,
// writes one JSON answer on stdout. Keys are PEM (PKCS#8 private, SubjectPublicKeyInfo public).
import { AlipaySdk } from 'alipay-sdk';

const operations = {
  // The common parameters and RSA2 signature the SDK builds for a call, as name/value pairs.
  sign({ appId, privateKey, method, timestamp, bizContent }) {
    const sdk = new AlipaySdk({ appId, privateKey, keyType: 'PKCS8' });
    const query = sdk.sdkExecute(method, { format: 'JSON', timestamp, bizContent });
    return Object.fromEntries(new URLSearchParams(query));
  },
};

const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const request = JSON.parse(Buffer.concat(chunks).toString('utf8'));
const operation = operations[request.operation];
if (!operation) throw new Error(`unknown operation '${request.operation}'`);
process.stdout.write(JSON.stringify(await operation(request)));
