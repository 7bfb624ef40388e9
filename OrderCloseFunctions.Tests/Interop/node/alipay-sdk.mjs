// Drives Alipay's official Node SDK (npm alipay-sdk) for the interop tests: reads one JSON request on stdin,
// writes one JSON answer on stdout. Keys are PEM (PKCS#8 private, SubjectPublicKeyInfo public).
import { AlipaySdk } from 'alipay-sdk';
import { serve } from './serve.mjs';

const sdkFor = ({ appId = '2021000000000001', privateKey, alipayPublicKey, gateway }) =>
  new AlipaySdk({ appId, privateKey, keyType: 'PKCS8', alipayPublicKey, gateway });

const verdictOf = check => {
  try {
    return check() ? 'accepted' : 'refused';
  } catch (error) {
    return `threw: ${error.message}`;
  }
};

const operations = {
  // The common parameters and RSA2 signature the SDK builds for a call, as name/value pairs; `parameters` adds
  // request parameters beside biz_content (e.g. notifyUrl, returnUrl).
  sign({ appId, privateKey, method, timestamp, bizContent, parameters }) {
    const query = sdkFor({ appId, privateKey }).sdkExecute(method, { format: 'JSON', timestamp, bizContent, ...parameters });
    return Object.fromEntries(new URLSearchParams(query));
  },

  // checkNotifySignV2's verdict on each form body, parsed as a web framework parses application/x-www-form-urlencoded.
  checkNotifySignV2({ privateKey, alipayPublicKey, bodies }) {
    const sdk = sdkFor({ privateKey, alipayPublicKey });
    return bodies.map(body => verdictOf(() => sdk.checkNotifySignV2(Object.fromEntries(new URLSearchParams(body)))));
  },

  // checkResponseSign's verdict on each raw gateway response, as exec checks it with validateSign.
  checkResponseSign({ privateKey, alipayPublicKey, responses }) {
    const sdk = sdkFor({ privateKey, alipayPublicKey });
    return responses.map(({ method, body }) => verdictOf(() => {
      const responseKey = `${method.replaceAll('.', '_')}_response`;
      sdk.checkResponseSign(body, responseKey, JSON.parse(body).sign, 'interop');
      return true;
    }));
  },

  // The SDK's own client calling the gateway, its response signature checked: the result, or the error.
  async exec({ appId, privateKey, alipayPublicKey, gateway, method, bizContent }) {
    try {
      const result = await sdkFor({ appId, privateKey, alipayPublicKey, gateway }).exec(method, { bizContent }, { validateSign: true });
      return { result };
    } catch (error) {
      return { error: error.message };
    }
  },
};

await serve(operations);
