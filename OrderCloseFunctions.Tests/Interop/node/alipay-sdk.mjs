// Drives Alipay's official Node SDK (npm alipay-sdk) for the interop tests: reads one JSON request on stdin,
// writes one JSON answer on stdout. Keys are PEM (PKCS#8 private, SubjectPublicKeyInfo public).
import { AlipaySdk } from 'alipay-sdk';
import { serve } from './serve.mjs';

// Public key mode, or certificate mode when the three certificates (PEM) are given.
const sdkFor = ({ appId = '2021000000000001', privateKey, alipayPublicKey, gateway, certificates }) =>
  new AlipaySdk({
    appId, privateKey, keyType: 'PKCS8', gateway,
    ...(certificates
      ? { appCertContent: certificates.app, alipayPublicCertContent: certificates.alipayPublic, alipayRootCertContent: certificates.alipayRoot }
      : { alipayPublicKey }),
  });

const verdictOf = check => {
  try {
    return check() ? 'accepted' : 'refused';
  } catch (error) {
    return `threw: ${error.message}`;
  }
};

const operations = {
  // The common parameters and RSA2 signature the SDK builds for a call, as name/value pairs; `parameters` adds
  // request parameters beside biz_content (e.g. notifyUrl, returnUrl); `certificates`, certificate mode.
  sign({ appId, privateKey, certificates, method, timestamp, bizContent, parameters }) {
    const query = sdkFor({ appId, privateKey, certificates }).sdkExecute(method, { format: 'JSON', timestamp, bizContent, ...parameters });
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
  async exec({ appId, privateKey, alipayPublicKey, certificates, gateway, method, bizContent }) {
    try {
      const result = await sdkFor({ appId, privateKey, alipayPublicKey, certificates, gateway }).exec(method, { bizContent }, { validateSign: true });
      return { result };
    } catch (error) {
      return { error: error.message };
    }
  },

  // What the SDK derives from each set of certificates in certificate mode (getSN, loadPublicKey): the serial numbers
  // it sends and checks, and Alipay's public key (base64 SubjectPublicKeyInfo).
  certificates({ privateKey, sets }) {
    return sets.map(certificates => {
      const { appCertSn, alipayCertSn, alipayRootCertSn, alipayPublicKey } = sdkFor({ privateKey, certificates }).config;
      return { appCertSn, alipayCertSn, alipayRootCertSn, alipayPublicKey: alipayPublicKey.split('\n')[1] };
    });
  },
};

await serve(operations);
