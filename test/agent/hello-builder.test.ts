import { expect } from 'chai';
import { addressOf } from '../../agent/src/runner/hello-builder.js';

describe('agent/runner/hello-builder', () => {
  it("announces where each database is, from its URL's host and port only (the scheme's default port when it names none)", () => {
    expect(addressOf({ url: 'postgres://vigil:s3cret@db1.internal:6432/orders?sslmode=require' })).to.deep.equal({ host: 'db1.internal', port: 6432 });
    expect(addressOf({ url: 'postgresql://vigil@10.0.0.5/postgres' })).to.deep.equal({ host: '10.0.0.5', port: 5432 });
    expect(addressOf({ url: 'postgres://vigil@[::1]:5433/postgres' })).to.deep.equal({ host: '::1', port: 5433 });
    expect(addressOf({ url: 'postgres:///postgres?host=/var/run/postgresql' })).to.deep.equal({ host: '/var/run/postgresql', port: 5432 });
    expect(addressOf({ url: 'http://vigil_monitor:pw@ch1:8123/' })).to.deep.equal({ host: 'ch1', port: 8123 });
    expect(addressOf({ url: 'https://ch.example.com/' })).to.deep.equal({ host: 'ch.example.com', port: 8443 });
    expect(JSON.stringify(addressOf({ url: 'postgres://vigil:s3cret@db1:5432/orders' }))).to.not.include('s3cret');
  });
});
