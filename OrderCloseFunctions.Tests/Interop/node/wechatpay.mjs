// Drives wechatpay-axios-plugin (an independent WeChat Pay API v3 implementation) for the interop tests: reads one
// JSON request on stdin, writes one JSON answer on stdout. Keys are PEM (PKCS#8 private, SubjectPublicKeyInfo public).
import wechatpay from 'wechatpay-axios-plugin';
import { serve } from './serve.mjs';

const { Wechatpay, Rsa, Aes, Formatter } = wechatpay;

const operations = {
  // Calls the API at baseURL as a merchant would: the library signs the request and verifies the answer's signature.
  async call({ baseURL, mchid, serial, privateKey, platformKeyId, platformPublicKey, method, path, query, data }) {
    const client = new Wechatpay({ mchid, serial, privateKey, certs: { [platformKeyId]: platformPublicKey }, baseURL });
    const endpoint = client.chain(path);
    try {
      const response = method === 'GET'
        ? await endpoint.get({ params: query })
        : await endpoint.post(data);
      return { status: response.status, data: response.data ?? null };
    } catch (error) {
      return { status: error.response?.status ?? 0, error: `${error.code ?? ''} ${error.message}`.trim() };
    }
  },

  // Whether an Authorization header signs this request, checked with the library's Formatter and Rsa.verify.
  verifyAuthorization({ authorization, method, url, body, publicKey }) {
    const prefix = 'WECHATPAY2-SHA256-RSA2048 ';
    if (!authorization.startsWith(prefix)) return { valid: false, fields: {} };
    const fields = Object.fromEntries([...authorization.slice(prefix.length).matchAll(/([a-z_]+)="([^"]*)"/g)].map((m) => [m[1], m[2]]));
    const message = Formatter.request(method, url, fields.timestamp, fields.nonce_str, body);
    return { valid: Rsa.verify(message, fields.signature, publicKey), fields };
  },

  // A payment callback as WeChat Pay sends it: the transaction encrypted with the APIv3 key, the body signed.
  callback({ transaction, apiV3Key, platformPrivateKey, serial, timestamp }) {
    const nonce = Formatter.nonce(12);
    const associatedData = 'transaction';
    const body = JSON.stringify({
      id: 'EV-2018022511223320873',
      create_time: '2024-05-02T00:30:06+08:00',
      resource_type: 'encrypt-resource',
      event_type: 'TRANSACTION.SUCCESS',
      summary: '支付成功',
      resource: {
        original_type: 'transaction',
        algorithm: 'AEAD_AES_256_GCM',
        ciphertext: Aes.AesGcm.encrypt(transaction, apiV3Key, nonce, associatedData),
        associated_data: associatedData,
        nonce,
      },
    });
    const headerNonce = Formatter.nonce();
    const signedAt = `${timestamp ?? Formatter.timestamp()}`;
    return {
      body,
      headers: {
        'Wechatpay-Timestamp': signedAt,
        'Wechatpay-Nonce': headerNonce,
        'Wechatpay-Serial': serial,
        'Wechatpay-Signature': Rsa.sign(Formatter.response(signedAt, headerNonce, body), platformPrivateKey),
      },
    };
  },
};

await serve(operations);
