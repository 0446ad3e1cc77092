import { expect } from '@esm-bundle/chai';

describe('the test browser', () => {
  it('has IndexedDB, WebCrypto, Workers and WebAssembly', () => {
    expect(typeof indexedDB.open).to.equal('function');
    expect(typeof crypto.subtle.encrypt).to.equal('function');
    expect(typeof Worker).to.equal('function');
    expect(typeof WebAssembly.instantiate).to.equal('function');
  });
});
